using System.CommandLine;
using System.Text.Json;

namespace Appliance.Cli;

/// <summary>Data on stdout: JSON with the API's snake_case names under --json, aligned text otherwise.</summary>
public static class Output
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print the result as JSON" };

    public static void WriteJson<T>(CliConsole console, T value) =>
        console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    public static void WriteTable(CliConsole console, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
        {
            console.Out.WriteLine(string.Join("  ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
        }
    }
}
