using System.Globalization;
using System.Text.RegularExpressions;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// <c>stake add|remove</c> on a dynamic chain, against a real node: the quote shown before signing, the alpha,
/// fee and price the included extrinsic reports, and the limit-price variants refused or filled as the chain
/// would. The subnets are frozen (<see cref="OwnedSubnets"/>), so a quote is exactly what the chain does.
/// </summary>
public sealed class StakeCommandsTests : IDisposable
{
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public StakeCommandsTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Fact]
    public async Task StakeAdd_QuoteBeforeSigning_IsWhatTheEventReports_RemoveAllSellsItBackForTheQuotedTao()
    {
        await using var node = await TestNode.StartAsync();
        var owner = new OwnedSubnets(_cli, node, _wallets.Path);
        await owner.CreateAsync();
        var miner = await owner.HotkeyAsync("miner");

        var added = await _cli.RunAsync(["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "10", "--json", .. owner.Signed]);

        Assert.True(added.ExitCode == 0, added.Error);
        var quote = Regex.Match(added.Error, @"^Quote: 10\.000000000 τ buys about (\d+\.\d{9}) α at (\d+\.\d{9}) τ/α \(fee (\d+\.\d{9}) τ, slippage (\d+\.\d\d) %\)\.$", RegexOptions.Multiline);
        Assert.True(quote.Success, added.Error);
        var alpha = added.Json.GetProperty("alpha").GetUInt64();
        Assert.Equal((10_000_000_000UL, Rao(quote.Groups[1]), Rao(quote.Groups[3])), (added.Json.GetProperty("tao").GetUInt64(), alpha, added.Json.GetProperty("fee").GetUInt64()));
        Assert.True(added.Json.GetProperty("price").GetUInt64() > Rao(quote.Groups[2]), "buying alpha raises its price");
        Assert.InRange(decimal.Parse(quote.Groups[4].Value, CultureInfo.InvariantCulture), 1.00m, 1.10m);
        Assert.Equal(alpha, await owner.StakeAsync(StakedSubnet.Alice, miner, 1));

        var removed = await _cli.RunAsync(["stake", "remove", "--netuid", "1", "--hotkey", "miner", "--all", .. owner.Signed]);

        Assert.True(removed.ExitCode == 0, removed.Error);
        var sale = Regex.Match(removed.Error, @"^Quote: (\d+\.\d{9}) α sells for about (\d+\.\d{9}) τ at \d+\.\d{9} τ/α \(fee \d+\.\d{9} α, slippage \d+\.\d\d %\)\.$", RegexOptions.Multiline);
        Assert.True(sale.Success, removed.Error);
        Assert.Equal(alpha, Rao(sale.Groups[1]));
        Assert.Matches($@"unstaked {Regex.Escape(sale.Groups[1].Value)} α from hotkey {miner} in subnet 1: received {Regex.Escape(sale.Groups[2].Value)} τ \(fee \d+\.\d{{9}} α\); price now \d+\.\d{{9}} τ/α", removed.Output);
        Assert.True(Rao(sale.Groups[2]) < 10_000_000_000UL, "a round trip pays two fees");
        Assert.Equal(0UL, await owner.StakeAsync(StakedSubnet.Alice, miner, 1));
    }

    [Fact]
    public async Task StakeRemove_MoreThanStaked_CappedToTheStake_AsTheChainCapsIt()
    {
        await using var node = await TestNode.StartAsync();
        var owner = new OwnedSubnets(_cli, node, _wallets.Path);
        await owner.CreateAsync();
        var miner = await owner.HotkeyAsync("miner");
        await _cli.RunAsync(["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "1", .. owner.Signed]);
        var staked = await owner.StakeAsync(StakedSubnet.Alice, miner, 1);

        var removed = await _cli.RunAsync(["stake", "remove", "--netuid", "1", "--hotkey", "miner", "--amount", "50", "--json", .. owner.Signed]);

        Assert.True(removed.ExitCode == 0, removed.Error);
        Assert.Contains($"; capped to the whole stake, {StakedSubnet.Tao(staked)} α.", removed.Error);
        Assert.Equal(staked, removed.Json.GetProperty("alpha").GetUInt64());
        Assert.Equal(0UL, await owner.StakeAsync(StakedSubnet.Alice, miner, 1));
    }

    [Fact]
    public async Task StakeAddLimit_BelowThePrice_PriceLimitExceeded_PastItWhole_SlippageTooHigh_Partial_FillsUpToTheLimit()
    {
        await using var node = await TestNode.StartAsync();
        var owner = new OwnedSubnets(_cli, node, _wallets.Path);
        await owner.CreateAsync();
        string[] add = ["stake", "add", "--netuid", "1", "--hotkey", "miner", "--amount", "100", .. owner.Signed];

        var below = await _cli.RunAsync([.. add, "--limit-price", "0.5"]);
        var whole = await _cli.RunAsync([.. add, "--limit-price", "1.01"]);
        var partialAlone = await _cli.RunAsync([.. add, "--partial"]);
        var partial = await _cli.RunAsync([.. add, "--limit-price", "1.01", "--partial", "--json"]);

        Assert.Equal((1, 1, 2, 0), (below.ExitCode, whole.ExitCode, partialAlone.ExitCode, partial.ExitCode));
        Assert.StartsWith("error: PriceLimitExceeded: the price is 1.00", below.Error);
        Assert.StartsWith("error: SlippageTooHigh: only ", whole.Error);
        Assert.StartsWith("error: Usage: --partial needs --limit-price.", partialAlone.Error);
        Assert.Contains("; the limit price stops it at ", partial.Error);
        Assert.InRange(partial.Json.GetProperty("tao").GetUInt64(), 1UL, 99_999_999_999UL);
        Assert.InRange(partial.Json.GetProperty("price").GetUInt64(), 1_000_000_000UL, 1_010_000_000UL);
        Assert.Equal(partial.Json.GetProperty("alpha").GetUInt64(), await owner.StakeAsync(StakedSubnet.Alice, await owner.HotkeyAsync("miner"), 1));
    }

    private static ulong Rao(Group tao) => (ulong)(decimal.Parse(tao.Value, CultureInfo.InvariantCulture) * 1_000_000_000m);
}
