namespace Appliance.Cli;

/// <summary>
/// A table as the CLI prints it (<see cref="Output.WriteTable(CliConsole, CliTable)"/>): a title, columns whose
/// headers name their unit ("STAKE (τ)"), rows, and an optional total row that a terminal shows as the
/// footer, as btcli's rich tables do.
/// </summary>
public sealed class CliTable(params CliColumn[] columns)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public IReadOnlyList<CliColumn> Columns { get; } = columns;

    public string? Title { get; init; }

    /// <summary>A line under the table: what the numbers mean, or what is missing from it.</summary>
    public string? Caption { get; init; }

    public IReadOnlyList<IReadOnlyList<string>> Rows => _rows;

    public IReadOnlyList<string>? Total { get; private set; }

    public CliTable Add(params IReadOnlyList<string> cells)
    {
        _rows.Add(Checked(cells));
        return this;
    }

    public CliTable AddRange(IEnumerable<IReadOnlyList<string>> rows)
    {
        foreach (var row in rows)
        {
            Add(row);
        }
        return this;
    }

    public CliTable WithTotal(params IReadOnlyList<string> cells)
    {
        Total = Checked(cells);
        return this;
    }

    private IReadOnlyList<string> Checked(IReadOnlyList<string> cells) => cells.Count == Columns.Count
        ? cells
        : throw new ArgumentException($"a row of {cells.Count} cells for {Columns.Count} columns.", nameof(cells));
}

/// <summary>
/// A column: its header, whether it holds numbers (right-aligned so digits line up), and whether it holds SS58
/// addresses, which a terminal too narrow for the whole table shows by their first characters, as btcli does.
/// </summary>
public sealed record CliColumn(string Header, bool Numeric = false, bool Address = false)
{
    public static CliColumn Number(string header) => new(header, Numeric: true);

    public static CliColumn Addresses(string header) => new(header, Address: true);
}
