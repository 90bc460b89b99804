using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Mining.Llama;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The command tree and its error policy: usage errors exit 2, refused operations print one line
/// "error: Code: detail" and exit 1, success exits 0.
/// </summary>
public static class CliApp
{
    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Subnet Appliance: a whole Bittensor-style subnet on one box");
        root.Subcommands.Add(WalletCommands.Create(console));
        root.Subcommands.Add(UpCommand.Create(console));
        root.Subcommands.Add(NodeCommand.Create(console));
        root.Subcommands.Add(TransferCommand.Create(console));
        root.Subcommands.Add(ChainCommands.Create(console));
        root.Subcommands.Add(SubnetCommands.Create(console));
        root.Subcommands.Add(SubnetCommands.RegisterCommand(console));
        root.Subcommands.Add(StakeCommands.Create(console));
        root.Subcommands.Add(SubnetCommands.MetagraphCommand(console));
        root.Subcommands.Add(WeightsCommands.Create(console));
        root.Subcommands.Add(AxonCommands.Create(console));
        root.Subcommands.Add(YumaCommands.Create(console));
        root.Subcommands.Add(MinerCommand.Create(console));
        root.Subcommands.Add(ValidatorCommand.Create(console));
        root.Subcommands.Add(ModelCommands.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellation = default)
    {
        var root = Build(console);
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        if (parse.Errors.Count > 0)
        {
            var messages = parse.Errors.Select(e => string.Join(' ', e.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
            console.Error.WriteLine($"error: Usage: {string.Join("; ", messages)} (add --help for usage)");
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (Exception e) when (e is CliError or ClientError or WalletException or FormatException or LlamaException or InvalidDataException)
        {
            console.Error.WriteLine($"error: {OneLine(e.Message)}");
            return e is CliError cli ? cli.ExitCode : 1;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: Io: {OneLine(e.Message)}");
            return 1;
        }
    }
}
