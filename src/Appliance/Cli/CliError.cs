namespace Appliance.Cli;

/// <summary>A command refused for a reason the user can fix; printed as one line, exit code 1 (2 for usage).</summary>
public sealed class CliError(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
