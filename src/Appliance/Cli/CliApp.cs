using System.CommandLine;
using Appliance.ApiClient;
using Appliance.Mining.Llama;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The command tree and its error policy: every error is one line "error: Code: detail", never a stack
/// trace; usage errors and malformed input (a FormatException: amounts, addresses, phrases) exit 2, refused
/// operations exit 1, success exits 0. An exception nobody expected is a bug, still reported as one line.
/// </summary>
public static class CliApp
{
    /// <summary>Prints "error: Code: detail" on one line and returns the exit code.</summary>
    private static int Fail(CliConsole console, string message, int exitCode)
    {
        console.Error.WriteLine($"error: {message.ReplaceLineEndings(" ")}");
        return exitCode;
    }

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
            console.Error.WriteLine($"error: {UsageErrors.Line(parse.Errors)}");
            return 2;
        }
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (CliError e)
        {
            return Fail(console, e.Message, e.ExitCode);
        }
        catch (FormatException e)
        {
            return Fail(console, UsageErrors.IsCoded(e.Message) ? e.Message : $"Usage: {e.Message}", 2);
        }
        catch (Exception e) when (e is ClientError or WalletException or LlamaException or InvalidDataException)
        {
            return Fail(console, e.Message, 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Fail(console, $"Io: {e.Message}", 1);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Fail(console, $"Internal: {e.GetType().Name}: {e.Message}", 1);
        }
    }
}
