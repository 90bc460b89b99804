using Spectre.Console;

namespace Appliance.Cli;

/// <summary>
/// Progress for long commands on an interactive terminal (Spectre.Console), cleared when done. Redirected or
/// captured output gets nothing extra, so scripts, tests and CI read the same lines as before.
/// </summary>
public static class TerminalProgress
{
    /// <summary>Only the process's own stdout can be a terminal; a test's console writes to buffers.</summary>
    public static bool IsTerminal(CliConsole console) => ReferenceEquals(console.Out, Console.Out) && !Console.IsOutputRedirected;

    /// <summary>A bar that <paramref name="work"/> moves by reporting (done, total).</summary>
    public static T Run<T>(CliConsole console, string description, Func<IProgress<(ulong Done, ulong Total)>, T> work)
    {
        if (!IsTerminal(console))
        {
            return work(new Reporter(_ => { }));
        }
        return AnsiConsole.Progress().AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(description);
                return work(new Reporter(p =>
                {
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                }));
            });
    }

    /// <summary>A spinner for work that cannot tell how far it is.</summary>
    public static T Spin<T>(CliConsole console, string description, Func<T> work) =>
        IsTerminal(console) ? AnsiConsole.Status().Start(description, _ => work()) : work();

    /// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, which posts to a context the bar may never see.</summary>
    private sealed class Reporter(Action<(ulong Done, ulong Total)> report) : IProgress<(ulong Done, ulong Total)>
    {
        public void Report((ulong Done, ulong Total) value) => report(value);
    }
}
