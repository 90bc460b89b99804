using Appliance.Mining;
using Appliance.Mining.Llama;
using Appliance.Models.Gguf;
using Appliance.Models.Tokenizer;
using Appliance.Tests.Support;
using Appliance.Training;
using Appliance.Training.Data;
using Appliance.Validation.Tasks;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Tests.Training;

/// <summary>
/// The trainer from scratch on a tiny shape (2 layers of 64), a few dozen steps: the loss falls, the export is a
/// GGUF llama.cpp loads and answers through (our miner's generator, not TorchSharp), llama.cpp tokenizes every
/// task kind exactly as the trainer did, and a stopped run keeps the step it reached.
/// </summary>
public sealed class TrainerTests : IDisposable
{
    private static readonly TrainingShape Tiny = new(Dimension: 64, Layers: 2, Heads: 2, FeedForward: 128, ContextLength: 160);
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private TrainingOptions Options(int steps) =>
        new(_dir.Combine("model.gguf"), steps, Seed: 7, Tiny, "appliance-train --test", Threads: 1, BatchSize: 16, LearningRate: 3e-3, WarmupSteps: 5, CheckpointEvery: 0);

    [Fact]
    public async Task Trainer_FewStepsFromScratch_LossFalls_ExportAnswersThroughLlamaCpp()
    {
        var result = Trainer.Run(Options(60), _ => { }, CancellationToken.None);

        Assert.Equal(60, result.Steps);
        Assert.False(result.Stopped);
        var first = result.Losses.Take(5).Average();
        var last = result.Losses.TakeLast(5).Average();
        Assert.True(last < 0.6 * first, $"loss {first:0.000} over the first 5 steps, {last:0.000} over the last 5");

        var file = GgufReader.Read(result.Path);
        Assert.Equal("appliance-train --test", file.Metadata[TrainingRecord.CommandKey].Value);
        Assert.Equal(60u, file.Metadata[TrainingRecord.StepsKey].Value);
        Assert.Equal(7u, file.Metadata[TrainingRecord.SeedKey].Value);
        using var generator = LlamaTextGenerator.Load(result.Path, 0, new LlamaGeneratorOptions { Sequences = 2, Threads = 1 }, NullLoggerFactory.Instance);
        Assert.Equal(160, generator.Model.TrainedContextLength);
        var task = new TaskGenerator(1).Next();
        var answer = await new MinerGenerator(generator, 0, 32).GenerateAsync(new GenerationRequest(task.Prompt, 32, 0.7f, 1), CancellationToken.None);
        Assert.True(answer.CompletionTokens > 0);
    }

    [Fact]
    public void Trainer_Cancelled_KeepsTheStepItReached()
    {
        using var stop = new CancellationTokenSource();
        var result = Trainer.Run(Options(1000), p =>
        {
            if (p.Step == 3)
            {
                stop.Cancel();
            }
        }, stop.Token);

        Assert.True(result.Stopped);
        Assert.Equal(3, result.Steps);
        Assert.Equal(3u, GgufReader.Read(result.Path).Metadata[TrainingRecord.StepsKey].Value);
    }

    [Fact]
    public void Trainer_InitFromItsExport_GoesOnFromWhereItStopped()
    {
        var first = Trainer.Run(Options(40), _ => { }, CancellationToken.None);
        var next = Trainer.Run(Options(5) with { Output = _dir.Combine("next.gguf"), Init = first.Path, LearningRate = 1e-4 }, _ => { }, CancellationToken.None);

        Assert.True(next.Losses[0] < 0.7 * first.Losses[0], $"first loss from random weights {first.Losses[0]:0.000}, from the export {next.Losses[0]:0.000}");
        var file = GgufReader.Read(next.Path);
        Assert.Equal(45u, file.Metadata[TrainingRecord.StepsKey].Value);
        Assert.Equal("appliance-train --test (40 steps)", file.Metadata[TrainingRecord.InitKey].Value);
    }

    [Fact]
    public void TaskTokenizer_EveryTaskKind_SameIdsAsLlamaCpp()
    {
        var result = Trainer.Run(Options(1), _ => { }, CancellationToken.None);
        var tokenizer = new TaskTokenizer(SentencePieceVocab.CharactersAndDigitPairs());
        var batches = new TaskBatches(tokenizer, KindMix.Parse(KindMix.Default), 0);
        using var model = LlamaModel.Load(result.Path, 0);
        var source = new TaskGenerator(3);
        var tasks = Enumerable.Range(0, 200).Select(_ => source.Next()).ToList();
        Assert.Equal(TaskGenerator.Kinds.Select(k => k.Name).Order(), tasks.Select(t => t.Kind).Distinct().Order());
        foreach (var task in tasks)
        {
            var (ids, answerStart) = batches.Example(task);
            Assert.Equal(ids[..answerStart], model.Tokenize(task.Prompt).Select(t => (int)t));
            Assert.Equal(ids[..^1], model.Tokenize(task.Prompt + " " + task.ExpectedAnswer).Select(t => (int)t));
        }
    }
}
