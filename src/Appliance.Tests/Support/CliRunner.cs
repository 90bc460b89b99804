using Appliance.Cli;

namespace Appliance.Tests.Support;

/// <summary>Runs the real command tree in-process with captured output, environment and stdin.</summary>
public sealed class CliRunner(string walletsDir)
{
    public Dictionary<string, string> Environment { get; } = new() { ["PW"] = "correct horse" };

    public async Task<CliResult> RunWithInputAsync(string stdin, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var console = new CliConsole(output, error, new StringReader(stdin), name => Environment.GetValueOrDefault(name), CanPromptHidden: false);
        var withDir = args.Length >= 2 && args[0] == "wallet" && args[1] != "verify" ? [.. args, "--wallets-dir", walletsDir] : args;
        var exitCode = await CliApp.RunAsync(withDir, console);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliResult> RunAsync(params string[] args) => RunWithInputAsync("", args);
}

public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public System.Text.Json.JsonElement Json => System.Text.Json.JsonDocument.Parse(Output).RootElement;
}
