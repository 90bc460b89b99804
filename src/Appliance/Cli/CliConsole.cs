using Spectre.Console;

namespace Appliance.Cli;

/// <summary>
/// Where a command reads and writes: the process console in production, string buffers in tests.
/// </summary>
public sealed record CliConsole(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    Func<string, string?> GetEnvironmentVariable,
    bool CanPromptHidden)
{
    public static CliConsole System => new(
        Console.Out, Console.Error, Console.In, Environment.GetEnvironmentVariable, !Console.IsInputRedirected)
    {
        OutputIsTerminal = !Console.IsOutputRedirected,
    };

    /// <summary>Whether <see cref="Out"/> is a terminal: tables are drawn there, and plain aligned text goes to pipes and files.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>A Spectre console writing to <see cref="Out"/>; colours and width come from the terminal (NO_COLOR is honoured).</summary>
    public IAnsiConsole Ansi() => AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });

    /// <summary>Reads a line without echo on a terminal; a plain line from redirected input.</summary>
    public string? ReadSecret(string prompt)
    {
        if (!CanPromptHidden)
        {
            return In.ReadLine();
        }
        Error.Write(prompt);
        var secret = new System.Text.StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Error.WriteLine();
                    return secret.ToString();
                case ConsoleKey.Backspace when secret.Length > 0:
                    secret.Length--;
                    break;
                default:
                    if (!char.IsControl(key.KeyChar))
                    {
                        secret.Append(key.KeyChar);
                    }
                    break;
            }
        }
    }
}
