using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Appliance.Primitives;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Appliance.Cli;

/// <summary>
/// Data on stdout: JSON with the API's snake_case names (amounts in rao) under --json; otherwise a table, drawn
/// with Spectre.Console on a terminal and as plain aligned text when redirected, amounts in TAO.
/// </summary>
public static class Output
{
    /// <summary>The TAO sign btcli puts on amounts; table headers carry it, e.g. "STAKE (τ)".</summary>
    public const string Tau = "τ";

    /// <summary>The sign of a subnet's alpha token (stake on a dynamic chain's subnets), as btcli writes it.</summary>
    public const string Alpha = "α";

    /// <summary>A price's unit: TAO per alpha.</summary>
    public const string PerAlpha = "τ/α";

    /// <summary>How many characters an address keeps in a table too wide for the terminal (btcli shows ten).</summary>
    private const int ShortAddress = 10;

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print the result as JSON" };

    public static void WriteJson<T>(CliConsole console, T value) =>
        console.Out.WriteLine(JsonSerializer.Serialize(value, Json));

    /// <summary>An amount in rao as TAO with its 9 decimals, without the unit (the header names it).</summary>
    public static string Tao(ulong rao) => ((decimal)rao / Rao.PerTao).ToString("0.000000000", CultureInfo.InvariantCulture);

    /// <summary>An amount in rao of <paramref name="unit"/> (τ or α) with its 9 decimals and the unit: "9.896053816 α".</summary>
    public static string Amount(ulong rao, string unit) => $"{Tao(rao)} {unit}";

    /// <summary>A fraction as a percentage with two decimals ("1.04 %"), as btcli prints slippage and shares.</summary>
    public static string Percent(double fraction) => $"{(fraction * 100).ToString("0.00", CultureInfo.InvariantCulture)} %";

    /// <summary>A checked sum of rao amounts, for a table's total row.</summary>
    public static ulong Sum<T>(IEnumerable<T> items, Func<T, ulong> amount) => items.Aggregate(0UL, (sum, item) => checked(sum + amount(item)));

    /// <summary>A proportion in [0, 1] as btcli prints rank, trust, incentive …</summary>
    public static string Ratio(double value) => value.ToString("0.00000", CultureInfo.InvariantCulture);

    public static void WriteTable(CliConsole console, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        WriteTable(console, new CliTable(headers.Select(h => new CliColumn(h)).ToArray()).AddRange(rows));

    public static void WriteTable(CliConsole console, CliTable table)
    {
        if (console.OutputIsTerminal)
        {
            var ansi = console.Ansi();
            ansi.Write(Rich(table, shortenAddresses: Widths(table).Sum() + 3 * table.Columns.Count + 1 > ansi.Profile.Width));
        }
        else
        {
            WritePlain(console.Out, table);
        }
    }

    private static Table Rich(CliTable table, bool shortenAddresses)
    {
        string Cell(int column, string text) =>
            shortenAddresses && table.Columns[column].Address && text.Length > ShortAddress ? text[..ShortAddress] + "…" : text;

        var rich = new Table().Border(TableBorder.Rounded).BorderColor(Color.Grey);
        if (table.Title is { } title)
        {
            rich.Title(Markup.Escape(title), new Style(decoration: Decoration.Bold));
        }
        if (table.Caption is { } caption)
        {
            rich.Caption(Markup.Escape(caption), new Style(Color.Grey));
        }
        for (var c = 0; c < table.Columns.Count; c++)
        {
            var column = new TableColumn(new Text(table.Columns[c].Header, new Style(Color.SteelBlue1, decoration: Decoration.Bold)));
            if (table.Columns[c].Numeric)
            {
                column.RightAligned();
            }
            if (table.Total is { } total)
            {
                column.Footer(new Text(Cell(c, total[c]), new Style(decoration: Decoration.Bold)));
            }
            rich.AddColumn(column);
        }
        foreach (var row in table.Rows)
        {
            rich.AddRow(row.Select((cell, c) => (IRenderable)new Text(Cell(c, cell))));
        }
        return rich;
    }

    /// <summary>Columns two spaces apart, numbers right-aligned; the title above and the total row and caption below.</summary>
    private static void WritePlain(TextWriter writer, CliTable table)
    {
        var widths = Widths(table);
        if (table.Title is { } title)
        {
            writer.WriteLine(title);
        }
        foreach (var line in Lines(table))
        {
            var cells = line.Select((cell, c) => table.Columns[c].Numeric ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]));
            writer.WriteLine(string.Join("  ", cells).TrimEnd());
        }
        if (table.Caption is { } caption)
        {
            writer.WriteLine(caption);
        }
    }

    /// <summary>The header, the rows and the total row, in print order.</summary>
    private static IEnumerable<IReadOnlyList<string>> Lines(CliTable table) =>
        table.Rows.Prepend(table.Columns.Select(c => c.Header).ToList()).Concat(table.Total is { } total ? [total] : []);

    private static int[] Widths(CliTable table) => table.Columns.Select((_, c) => Lines(table).Max(r => r[c].Length)).ToArray();
}
