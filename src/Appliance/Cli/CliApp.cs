using System.CommandLine;
using Appliance.Native;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The command tree and its error policy: usage errors exit 2, refused operations print one line
/// "error: Code: detail" and exit 1, success exits 0.
/// </summary>
public static class CliApp
{
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand("Subnet Appliance: a whole Bittensor-style subnet on one box");
        root.Subcommands.Add(WalletCommands.Create(console));
        root.Subcommands.Add(NodeCommand.Create(console));
        root.Subcommands.Add(TransferCommand.Create(console));
        root.Subcommands.Add(ChainCommands.Create(console));
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
            foreach (var error in parse.Errors)
            {
                console.Error.WriteLine($"error: {error.Message}");
            }
            console.Error.WriteLine("Add --help to the command for its usage.");
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (Exception e) when (e is CliError or WalletException or FormatException or MissingNativeLibraryException)
        {
            console.Error.WriteLine($"error: {e.Message}");
            return e is CliError cli ? cli.ExitCode : 1;
        }
    }
}
