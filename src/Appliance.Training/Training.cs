using Spectre.Console;

namespace Appliance.Training;

/// <summary>
/// Runs the trainer in a terminal: a progress bar with loss and tokens/s (a plain line every 50 steps when the
/// output is not a terminal, e.g. under nohup), and Ctrl-C stops after the step under way, keeping its checkpoint.
/// </summary>
public static class Training
{
    public static int Run(TrainingOptions options)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler interrupt = (_, e) =>
        {
            e.Cancel = !stop.IsCancellationRequested;
            stop.Cancel();
        };
        Console.CancelKeyPress += interrupt;
        Console.WriteLine($"training {options.Shape} on the validator's tasks: seed {options.Seed}, batch {options.BatchSize}, {options.Threads} threads, writing {options.Output}");
        TrainingResult result;
        if (AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var bar = context.AddTask("starting", maxValue: 1);
                    return Trainer.Run(options, p =>
                    {
                        bar.Description = Describe(p);
                        bar.Value = p.Fraction;
                    }, stop.Token);
                });
        }
        else
        {
            result = Trainer.Run(options, p =>
            {
                if (p.Step % 50 == 0)
                {
                    Console.WriteLine($"{Describe(p)}, {p.Elapsed:hh\\:mm\\:ss}");
                }
            }, stop.Token);
        }
        Console.CancelKeyPress -= interrupt;
        var how = result.Stopped ? "stopped by Ctrl-C at" : "finished after";
        Console.WriteLine($"{how} step {result.Steps} in {result.Elapsed:hh\\:mm\\:ss} ({result.TokensPerSecond:N0} tokens/s); wrote {result.Path} ({result.Bytes:N0} bytes)");
        return 0;
    }

    private static string Describe(TrainingProgress p) =>
        $"step {p.Step} loss {p.Loss:0.0000} lr {p.LearningRate:0.00e+0} {p.TokensPerSecond:N0} tokens/s";
}
