using System.CommandLine;
using System.Globalization;
using Appliance.ApiClient;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance weights set|commit|reveal</c>, signed by the hotkey. --values are any non-negative numbers;
/// like the bittensor SDK they are scaled so the largest becomes 65535. commit prints the salt that reveal needs.
/// Mismatched lists, and what the rate limit or reveal window would refuse, are refused before signing.
/// </summary>
public static class WeightsCommands
{
    public static Command Create(CliConsole console)
    {
        var weights = new Command("weights", "Set weights, or commit and later reveal them");
        weights.Subcommands.Add(Build(console, "set"));
        weights.Subcommands.Add(Build(console, "commit"));
        weights.Subcommands.Add(Build(console, "reveal"));
        return weights;
    }

    private static Command Build(CliConsole console, string mode)
    {
        var signed = new SignedCommand();
        var netuid = SubnetCommands.NetuidOption();
        var uids = new Option<string>("--uids") { Description = "Comma-separated uids, e.g. 1,2", Required = true };
        var values = new Option<string>("--values") { Description = "Comma-separated weights, e.g. 0.3,0.7", Required = true };
        var salt = new Option<string?>("--salt") { Description = "Comma-separated u16 salt (commit makes one when left out; reveal needs it)" };
        var versionKey = new Option<ulong>("--version-key") { Description = "weights_version_key to sign with", DefaultValueFactory = _ => 0 };
        var command = signed.Create(mode, mode switch
        {
            "set" => "Set weights directly (subnets without commit-reveal)",
            "commit" => "Commit the hash of weights; reveal them one reveal period later",
            _ => "Reveal weights committed earlier, with the same salt",
        }, netuid, uids, values, salt, versionKey);
        command.SetAction(async (parse, cancellation) =>
        {
            var id = new NetUid(parse.GetValue(netuid));
            var uidList = ParseList(parse.GetValue(uids)!, "--uids", text => ushort.Parse(text, CultureInfo.InvariantCulture));
            var weights = ParseList(parse.GetValue(values)!, "--values", text => double.Parse(text, CultureInfo.InvariantCulture));
            if (uidList.Count != weights.Count)
            {
                throw new CliError($"{SubtensorErrors.WeightVecNotEqualSize(uidList.Count, weights.Count)} Give one --values entry per --uids entry.", 2);
            }
            if (weights.Any(v => v < 0 || double.IsNaN(v) || double.IsInfinity(v)))
            {
                throw new CliError("InvalidWeights: weights must be finite and non-negative.", 2);
            }
            var valueList = WeightValues.ToU16(weights);
            var version = parse.GetValue(versionKey);
            var saltList = mode switch
            {
                "set" => [],
                "commit" => parse.GetValue(salt) is { } given ? ParseSalt(given) : SecureRandom.Bytes(16).Chunk(2).Select(b => BitConverter.ToUInt16(b)).ToList(),
                _ => ParseSalt(parse.GetValue(salt) ?? throw new CliError("Usage: reveal needs --salt, as printed by commit.", 2)),
            };
            using var hotkey = signed.OpenHotkey(parse);
            var signer = new AccountId(hotkey.PublicKey);
            using var client = signed.Client(parse);
            var checks = await WeightsPreflight.LoadAsync(client, signer, id, cancellation);
            var pairs = string.Join(", ", uidList.Zip(weights, (u, w) => $"{u}: {w.ToString(CultureInfo.InvariantCulture)}"));
            var hash = WeightRules.CommitHash(signer, id, uidList, valueList, saltList, version);
            var (call, check, question) = mode switch
            {
                "set" => ((RuntimeCall)new SetWeights(id, uidList, valueList, version), (Preflight.Check)((state, _) => checks.Set(state)),
                    $"Do you want to set weights {{{pairs}}} on subnet {id} with hotkey {signer}?"),
                "commit" => (new CommitWeights(id, hash), (state, _) => checks.Commit(state),
                    $"Do you want to commit weights {{{pairs}}} (hash {hash}) on subnet {id} with hotkey {signer}?"),
                _ => (new RevealWeights(id, uidList, valueList, saltList, version), (state, _) => checks.Reveal(state, hash),
                    $"Do you want to reveal weights {{{pairs}}} on subnet {id} with hotkey {signer}?"),
            };
            var exitCode = await Preflight.SubmitAsync(console, client, signer, () => hotkey, call, Rao.Zero, question, check, signed.Options(parse), cancellation);
            if (mode == "commit")
            {
                console.Error.WriteLine($"salt {string.Join(',', saltList)} (keep it: reveal needs it)");
            }
            return exitCode;
        });
        return command;
    }

    private static List<ushort> ParseSalt(string text) => ParseList(text, "--salt", item => ushort.Parse(item, CultureInfo.InvariantCulture));

    private static List<T> ParseList<T>(string text, string option, Func<string, T> parse)
    {
        try
        {
            return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(parse).ToList();
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new CliError($"Usage: {option} '{text}' is not a comma-separated list of numbers.", 2);
        }
    }
}
