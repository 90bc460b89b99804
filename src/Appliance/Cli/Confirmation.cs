using System.CommandLine;
using Appliance.Primitives;

namespace Appliance.Cli;

/// <summary>
/// btcli's "Do you want to …? [y/n]" before anything is signed: what will be sent and its fee, on stderr so
/// stdout stays data. Asked only on a terminal; --no-prompt (-y, --yes) skips it, as in btcli.
/// </summary>
public static class Confirmation
{
    public static Option<bool> NoPromptOption() => new("--no-prompt", "--yes", "-y")
    {
        Description = "Sign and submit without asking for confirmation (never asked when stdin is not a terminal)",
    };

    /// <summary>Returns when the user agrees (or is not asked); refuses with Declined otherwise.</summary>
    public static void Ask(CliConsole console, bool noPrompt, string question, Rao fee)
    {
        if (noPrompt || !console.CanPromptHidden)
        {
            return;
        }
        console.Error.Write($"{question} Fee {fee}. [y/n]: ");
        var answer = console.In.ReadLine()?.Trim();
        if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliError("Declined: nothing was signed or sent.");
        }
    }
}
