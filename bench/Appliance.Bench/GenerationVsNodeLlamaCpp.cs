using System.Text.Json;
using Appliance.Models;
using Appliance.Models.Gguf;

namespace Appliance.Bench;

/// <summary>
/// Greedy generation on the llama-1b random model (Llama 3.2 1B's dimensions, q8_0, made by
/// <see cref="ModelMaker"/> into a cache folder unless <c>--model</c> names a GGUF), by our
/// <see cref="Mining.Llama.LlamaTextGenerator"/> and in the same run by node-llama-cpp@3.22.1 — the same prebuilt
/// llama.cpp (release v0.5.0) — with the same prompt, threads, context and batch sizes: one request alone, and
/// 8 requests at once through one context of 8 sequences (our continuous batching; node-llama-cpp's own
/// sequence batching), ours then node-llama-cpp for each count. Each side warms up once, then times
/// <c>--runs</c> runs of 1 token and of <c>--tokens</c> tokens; <see cref="GenerationTimes"/> turns the
/// medians into generation tokens/s without the prompt.
/// </summary>
public static class GenerationVsNodeLlamaCpp
{
    private const ulong ModelSeed = 0;

    /// <summary>Keeps the whole bench near 2½ minutes on 2 cores; <c>--tokens 64</c> about doubles it.</summary>
    private const int DefaultTokens = 32;

    public static int Run(string[] args)
    {
        if (Options(args) is not var (model, tokens, runs, json))
        {
            Console.Error.WriteLine("usage: generation [--model FILE.gguf] [--tokens N] [--runs R] [--json]");
            return 1;
        }
        var cache = Path.Combine(Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg
            ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"), "appliance-bench");
        Directory.CreateDirectory(cache);
        var settings = new GenerationSettings(model ?? RandomModel(cache), tokens, runs);
        Console.WriteLine($"Model {settings.ModelPath}; {settings.Threads} threads, {settings.ContextPerSequence} tokens of context per sequence, batch {settings.BatchSize}, greedy, {tokens} tokens, median of {runs} runs.");
        Console.WriteLine($"Load average before: {LoadAverage()}");
        var folder = Path.Combine(cache, $"node-llama-cpp-{NodeLlamaCpp.Version}");
        var pairs = new List<(GenerationTimes Ours, GenerationTimes Node)>();
        foreach (var sequences in settings.SequenceCounts)
        {
            // Ours and node-llama-cpp back to back for each sequence count, so that both meet the same load.
            var (promptTokens, ours) = OurGenerator.Measure(settings, sequences);
            var node = NodeLlamaCpp.Measure(settings with { SequenceCounts = [sequences] }, folder);
            var theirs = node.Results.Single();
            Console.WriteLine($"{sequences} sequences: prompt {promptTokens} tokens (ours), {node.PromptTokens} (node-llama-cpp {node.Version}, llama.cpp {node.LlamaCpp}, {node.Build}, gpu {node.Gpu}, {theirs.ContextPerSequence} tokens per sequence, {theirs.Threads} threads).");
            pairs.Add((ours, new GenerationTimes(sequences, tokens, theirs.FirstMs, theirs.FullMs)));
        }
        Console.WriteLine($"Load average after:  {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine($"| side | sequences | prompt + 1st token ms | {tokens} tokens ms | tokens/s | per-sequence tokens/s | end-to-end tokens/s | ours/node |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (ours, node) in pairs)
        {
            Row("ours", ours, $"{ours.TokensPerSecond / node.TokensPerSecond:F2}");
            Row("node-llama-cpp", node, "");
        }
        Console.WriteLine();
        Console.WriteLine("tokens/s: generated tokens of all sequences per second, prompt excluded (median of runs, 1-token runs subtracted); ours/node compares it.");
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["tokens"] = tokens,
                ["runs"] = runs,
                ["results"] = pairs.Select(p => new Dictionary<string, object>
                {
                    ["sequences"] = p.Ours.Sequences,
                    ["ours_tokens_per_s"] = Math.Round(p.Ours.TokensPerSecond, 2),
                    ["node_tokens_per_s"] = Math.Round(p.Node.TokensPerSecond, 2),
                    ["ratio"] = Math.Round(p.Ours.TokensPerSecond / p.Node.TokensPerSecond, 3),
                }).ToList(),
            }));
        }
        return 0;
    }

    private static void Row(string side, GenerationTimes times, string ratio) =>
        Console.WriteLine($"| {side} | {times.Sequences} | {times.MedianFirstMs:F0} | {times.MedianFullMs:F0} | {times.TokensPerSecond:F2} | {times.PerSequenceTokensPerSecond:F2} | {times.EndToEndTokensPerSecond:F2} | {ratio} |");

    private static (string? Model, int Tokens, int Runs, bool Json)? Options(string[] args)
    {
        var (model, tokens, runs, json) = ((string?)null, DefaultTokens, 3, false);
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--json": json = true; continue;
                case "--model" when value is not null: model = Path.GetFullPath(value); break;
                case "--tokens" when int.TryParse(value, out var n) && n >= 2: tokens = n; break;
                case "--runs" when int.TryParse(value, out var r) && r >= 1: runs = r; break;
                default: return null;
            }
            i++;
        }
        return (model, tokens, runs, json);
    }

    /// <summary>The llama-1b random model in q8_0 (llama.cpp's fast CPU path for 8-bit weights), made once and reused.</summary>
    private static string RandomModel(string cache)
    {
        var path = Path.Combine(cache, $"llama-1b-q8_0-seed{ModelSeed}.gguf");
        if (!File.Exists(path))
        {
            var made = ModelMaker.Make(ModelShape.Find("llama-1b")!, path, ModelSeed, GgufTensorType.Q8_0);
            Console.WriteLine($"Made {made.Path} ({made.Bytes:N0} bytes) in {made.Elapsed.TotalSeconds:F1} s");
        }
        return path;
    }

    private static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
