using System.Globalization;
using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Up;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Appliance.Cli;

/// <summary>
/// <c>up</c>'s live status on a terminal (Spectre.Console), redrawn twice a second until Ctrl-C: head block,
/// progress to the next epoch, each miner's answers and incentive, each validator's permit and last round,
/// the last epoch's payout and the latest log lines. Redirected output gets plain log lines instead.
/// </summary>
public sealed class UpLiveView(ChainQueries queries, ApplianceRunner runner, RecentLog log, string uiUrl)
{
    private const int BarWidth = 30;

    public Task RunAsync(CancellationToken stopping) =>
        AnsiConsole.Live(Render()).Overflow(VerticalOverflow.Ellipsis).Cropping(VerticalOverflowCropping.Bottom).StartAsync(async context =>
        {
            while (!stopping.IsCancellationRequested)
            {
                context.UpdateTarget(Render());
                await Task.Delay(500, stopping).ContinueWith(_ => { }, TaskScheduler.Default);
            }
            context.UpdateTarget(Render());
        });

    private Panel Render()
    {
        var head = queries.Head();
        var rows = new List<IRenderable> { new Markup($"[bold]block #{head.Number}[/]   UI {Markup.Escape(uiUrl)}") };
        if (runner.Neurons is { } neurons)
        {
            rows.AddRange(Subnet(neurons, head.Number));
        }
        else
        {
            rows.Add(new Markup(runner.Ready.IsFaulted
                ? "[red]the subnet could not start: see the log below[/]"
                : "[yellow]starting: wallets, subnet, loading models…[/]"));
        }
        if (log.LastEpoch is { } epoch)
        {
            rows.Add(new Markup($"[grey]last[/] {Markup.Escape(epoch)}"));
        }
        rows.Add(new Rule("log") { Justification = Justify.Left, Style = Style.Parse("grey") });
        // The log gets the rows the status leaves, one row a line, so the panel fits the terminal and does not scroll.
        var width = Math.Max(20, Console.WindowWidth - 4);
        var used = rows.Sum(row => row is Table table ? table.Rows.Count + 4 : row is Markup ? 3 : 1) + 2;
        rows.AddRange(log.Lines.TakeLast(Math.Max(3, Console.WindowHeight - used))
            .Select(line => new Text(line.Length > width ? line[..(width - 1)] + "…" : line, Style.Parse("grey"))));
        return new Panel(new Rows(rows)).Header("Subnet Appliance (Ctrl-C stops)").Expand();
    }

    private IEnumerable<IRenderable> Subnet(UpNeurons neurons, ulong block)
    {
        var subnet = queries.Subnet(neurons.Netuid);
        var metagraph = queries.Metagraph(neurons.Netuid);
        if (subnet is null || metagraph is null)
        {
            yield break;
        }
        var length = (ulong)subnet.Tempo + 1;
        var done = length - Math.Min(length, subnet.NextEpochBlock - Math.Min(block, subnet.NextEpochBlock));
        var filled = (int)(BarWidth * done / length);
        yield return new Markup($"subnet {subnet.Netuid} epoch [green]{new string('━', filled)}[/][grey]{new string('━', BarWidth - filled)}[/] "
            + $"{done}/{length} blocks, next at #{subnet.NextEpochBlock}");

        var byHotkey = metagraph.Neurons.ToDictionary(n => n.Hotkey);
        var validators = neurons.ValidatorStatuses();
        var lastAnswers = validators.SelectMany(v => v.RecentRounds.TakeLast(1).SelectMany(r => r.Answers)).ToLookup(a => a.Hotkey);
        var miners = new Table().Border(TableBorder.Simple).AddColumns("miner", "uid", "state", "last answers", "requests", "tok/s", "incentive", "emission TAO");
        foreach (var miner in neurons.MinerStatuses())
        {
            var neuron = byHotkey.GetValueOrDefault(miner.Hotkey);
            var answers = string.Join(' ', lastAnswers[miner.Hotkey].Select(a => a.Status == 200 ? $"{a.Score:0.00}" : a.Status.ToString()));
            miners.AddRow(Markup.Escape(miner.Name), Uid(neuron), miner.Running ? "[green]serving[/]" : "[red]stopped[/]", answers,
                miner.Requests.ToString(), $"{miner.TokensPerSecond:0.0}", $"{neuron?.Incentive ?? 0:0.000}", Tao(neuron?.Emission ?? 0));
        }
        yield return miners;

        var table = new Table().Border(TableBorder.Simple).AddColumns("validator", "uid", "permit", "stake TAO", "rounds", "last round", "dividends", "emission TAO");
        foreach (var validator in validators)
        {
            var neuron = byHotkey.GetValueOrDefault(validator.Hotkey);
            var round = validator.RecentRounds.Count == 0 ? "" : LastRound(validator.RecentRounds[^1].Answers);
            table.AddRow(Markup.Escape(validator.Name), Uid(neuron), neuron?.ValidatorPermit == true ? "[green]yes[/]" : "[yellow]not yet[/]",
                Tao(neuron?.Stake ?? 0), validator.Rounds.ToString(), round, $"{neuron?.Dividends ?? 0:0.000}", Tao(neuron?.Emission ?? 0));
        }
        yield return table;
    }

    private static string LastRound(IReadOnlyList<Validation.MinerAnswer> answers)
    {
        var refused = answers.Count(a => a.Status == 403);
        var summary = $"{answers.Count(a => a.Status == 200)}/{answers.Count} answered, mean {(answers.Count == 0 ? 0 : answers.Average(a => a.Score)):0.000}";
        return refused == 0 ? summary : $"{summary} [yellow]({refused} × 403: no permit yet)[/]";
    }

    private static string Uid(NeuronView? neuron) => neuron?.Uid.ToString() ?? "-";

    private static string Tao(ulong rao) => (rao / (decimal)Rao.PerTao).ToString("0.####", CultureInfo.InvariantCulture);
}
