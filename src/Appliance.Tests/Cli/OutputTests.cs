using Appliance.Cli;

namespace Appliance.Tests.Cli;

/// <summary>Tables: drawn with Spectre on a terminal, plain aligned text when redirected (pipes, files, tests).</summary>
public sealed class OutputTests
{
    private static CliTable Sample() => new CliTable(new CliColumn("WALLET"), CliColumn.Number($"FREE ({Output.Tau})"))
    {
        Title = "Balances",
        Caption = "One caption line.",
    }.Add("alice", Output.Tao(1_500_000_000)).Add("bob", Output.Tao(12_000_000_000)).WithTotal("Total", Output.Tao(13_500_000_000));

    private static (CliConsole Console, StringWriter Out) Console(bool terminal)
    {
        var output = new StringWriter();
        return (new CliConsole(output, new StringWriter(), new StringReader(""), _ => null, CanPromptHidden: false) { OutputIsTerminal = terminal }, output);
    }

    [Fact]
    public void WriteTable_Redirected_PlainLines_NumbersRightAligned_TotalAndCaptionBelow()
    {
        var (console, output) = Console(terminal: false);

        Output.WriteTable(console, Sample());

        Assert.Equal(
            [
                "Balances",
                "WALLET      FREE (τ)",
                "alice    1.500000000",
                "bob     12.000000000",
                "Total   13.500000000",
                "One caption line.",
            ],
            output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void WriteTable_Terminal_SpectreTableWithBordersAndFooter()
    {
        var (console, output) = Console(terminal: true);

        Output.WriteTable(console, Sample());

        // Spectre colours the table when the environment says the terminal takes ANSI codes; the layout is what matters here.
        var text = System.Text.RegularExpressions.Regex.Replace(output.ToString(), @"\x1b\[[0-9;]*m", "");
        Assert.Contains("╭", text);
        Assert.Matches(@"│ alice\s+│\s+1\.500000000 │", text);
        Assert.Matches(@"│ Total\s+│\s+13\.500000000 │", text);
        Assert.Contains("Balances", text);
        Assert.Contains("One caption line.", text);
    }

    [Fact]
    public void WriteTable_TerminalTooNarrow_AddressesShortenedAsBtcli_PlainKeepsThemWhole()
    {
        const string alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";
        var fits = new CliTable(CliColumn.Addresses("COLDKEY")).Add(alice);
        var tooWide = new CliTable(CliColumn.Addresses("HOTKEY"), CliColumn.Addresses("COLDKEY")).Add(alice, alice);
        var (terminal, drawn) = Console(terminal: true);
        var (redirected, plain) = Console(terminal: false);

        Output.WriteTable(terminal, fits);
        Output.WriteTable(terminal, tooWide);
        Output.WriteTable(redirected, tooWide);

        var text = System.Text.RegularExpressions.Regex.Replace(drawn.ToString(), @"\x1b\[[0-9;]*m", "");
        Assert.Contains($"│ {alice} │", text);
        Assert.Contains("│ 5FA9nQDVg2… │ 5FA9nQDVg2… │", text);
        Assert.Contains($"{alice}  {alice}", plain.ToString());
    }

    [Fact]
    public void Table_RowOfTheWrongWidth_Refused()
    {
        Assert.Throws<ArgumentException>(() => Sample().Add("carol"));
    }
}
