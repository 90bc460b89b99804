using System.Diagnostics;
using Appliance.Mining;
using Appliance.Mining.Llama;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Bench;

/// <summary>
/// Our side of <see cref="GenerationVsNodeLlamaCpp"/>: one <see cref="LlamaTextGenerator"/> with
/// <c>sequences</c> sequences, given that many identical greedy requests at once (continuous batching decodes
/// them together), timed from the first GenerateAsync to the last result.
/// </summary>
public static class OurGenerator
{
    public static (int PromptTokens, GenerationTimes Times) Measure(GenerationSettings settings, int sequences)
    {
        using var model = LlamaModel.Load(settings.ModelPath, gpuLayers: 0);
        var options = new LlamaGeneratorOptions
        {
            Sequences = sequences,
            ContextPerSequence = settings.ContextPerSequence,
            Threads = settings.Threads,
            BatchSize = settings.BatchSize,
        };
        using var generator = new LlamaTextGenerator(model, options, NullLoggerFactory.Instance);
        TimeRun(generator, sequences, settings.Prompt, settings.Tokens);
        var first = new double[settings.Runs];
        var full = new double[settings.Runs];
        for (var i = 0; i < settings.Runs; i++)
        {
            first[i] = TimeRun(generator, sequences, settings.Prompt, 1);
            full[i] = TimeRun(generator, sequences, settings.Prompt, settings.Tokens);
        }
        return (model.Tokenize(settings.Prompt).Length, new GenerationTimes(sequences, settings.Tokens, first, full));
    }

    private static double TimeRun(LlamaTextGenerator generator, int sequences, string prompt, int tokens)
    {
        var request = new GenerationRequest(prompt, tokens, Temperature: 0, Seed: 1, IgnoreEndOfText: true);
        var start = Stopwatch.GetTimestamp();
        var results = Task.WhenAll(Enumerable.Range(0, sequences).Select(_ => generator.GenerateAsync(request, CancellationToken.None))).GetAwaiter().GetResult();
        var elapsed = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return results.All(r => r.CompletionTokens == tokens)
            ? elapsed
            : throw new InvalidOperationException($"expected {tokens} tokens per sequence, got {string.Join(", ", results.Select(r => r.CompletionTokens))}");
    }
}
