using System.Diagnostics;
using Appliance.Models.Gguf;
using Appliance.Models.Tokenizer;
using Appliance.Training.Data;
using Appliance.Training.Network;
using static TorchSharp.torch;

namespace Appliance.Training;

/// <summary>Where training stands after a step: for the progress bar.</summary>
public sealed record TrainingProgress(int Step, double Fraction, double Loss, double LearningRate, double TokensPerSecond, TimeSpan Elapsed);

/// <summary>What a run did: the steps taken, every step's loss, tokens per second and the file written.</summary>
public sealed record TrainingResult(string Path, long Bytes, int Steps, IReadOnlyList<double> Losses, double TokensPerSecond, TimeSpan Elapsed, bool Stopped);

/// <summary>
/// Trains a <see cref="LlamaNetwork"/> on the validator's tasks with TorchSharp's autograd and AdamW (β 0.9/0.99,
/// weight decay 0.01, gradients clipped to norm 1), cross-entropy on the answer tokens only. The model is
/// exported to <see cref="TrainingOptions.Output"/> every <see cref="TrainingOptions.CheckpointEvery"/> steps and
/// at the end; cancelling finishes the step under way and exports it, so a stopped run keeps its last weights.
/// </summary>
public static class Trainer
{
    public static TrainingResult Run(TrainingOptions options, Action<TrainingProgress> progress, CancellationToken stop)
    {
        set_num_threads(options.Threads);
        manual_seed(options.Seed);
        var vocab = SentencePieceVocab.CharactersAndDigitPairs();
        var batches = new TaskBatches(new TaskTokenizer(vocab), KindMix.Parse(options.Mix), options.Seed);
        using var network = new LlamaNetwork(options.Shape, vocab.Tokens.Length);
        var (initSteps, init) = (0, (string?)null);
        if (options.Init is { } initPath)
        {
            var file = GgufReader.Read(initPath);
            initSteps = (int)file.Get(TrainingRecord.StepsKey).AsUInt64();
            init = $"{file.Get(TrainingRecord.CommandKey).Value} ({initSteps} steps)";
            GgufExport.Read(network, initPath);
        }
        var parameters = network.parameters().ToList();
        using var optimizer = optim.AdamW(parameters, options.LearningRate, beta1: 0.9, beta2: 0.99, weight_decay: 0.01);
        var losses = new List<double>();
        var clock = Stopwatch.StartNew();
        long tokens = 0;
        var step = 0;
        var last = Math.Min(options.Steps, options.StopAt ?? int.MaxValue);
        while (step < last && !stop.IsCancellationRequested)
        {
            var fraction = Fraction(options, step, clock.Elapsed);
            if (fraction >= 1)
            {
                break;
            }
            var rate = LearningRate.At(fraction, step, options.WarmupSteps, options.LearningRate);
            foreach (var group in optimizer.ParamGroups)
            {
                group.LearningRate = rate;
            }
            using (var scope = NewDisposeScope())
            {
                var (inputs, targets, count) = batches.Next(options.BatchSize);
                var logits = network.forward(inputs);
                var loss = nn.functional.cross_entropy(logits.view(-1, logits.shape[^1]), targets.view(-1), ignore_index: TaskBatches.Ignored);
                optimizer.zero_grad();
                loss.backward();
                nn.utils.clip_grad_norm_(parameters, 1.0);
                optimizer.step();
                losses.Add(loss.item<float>());
                tokens += count;
            }
            step++;
            progress(new TrainingProgress(step, Fraction(options, step, clock.Elapsed), Recent(losses), rate, tokens / clock.Elapsed.TotalSeconds, clock.Elapsed));
            if (options.CheckpointEvery > 0 && step % options.CheckpointEvery == 0 && step < last)
            {
                Export(network, vocab, options, initSteps + step, losses, init);
            }
        }
        var bytes = Export(network, vocab, options, initSteps + step, losses, init);
        return new TrainingResult(Path.GetFullPath(options.Output), bytes, step, losses, tokens / clock.Elapsed.TotalSeconds, clock.Elapsed, stop.IsCancellationRequested);
    }

    /// <summary>How far along the run is, by steps or by the time limit, whichever is further.</summary>
    private static double Fraction(TrainingOptions options, int step, TimeSpan elapsed) =>
        Math.Max((double)step / options.Steps, options.TimeLimit is { } limit ? elapsed / limit : 0);

    /// <summary>The mean loss of the last 20 steps: one batch's loss is noisy.</summary>
    private static double Recent(List<double> losses) => losses.Count == 0 ? double.NaN : losses.TakeLast(20).Average();

    private static long Export(LlamaNetwork network, SentencePieceVocab vocab, TrainingOptions options, int steps, List<double> losses, string? init)
    {
        var name = $"subnet tasks llama ({network.Shape.Dimension}x{network.Shape.Layers}, {steps} steps)";
        return GgufExport.Write(network, vocab, options.Type, options.Output, new TrainingRecord(name, options.Command, options.Seed, steps, Recent(losses), init));
    }
}
