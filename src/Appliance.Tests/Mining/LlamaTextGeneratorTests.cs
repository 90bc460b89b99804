using Appliance.Mining;
using Appliance.Mining.Llama;
using Appliance.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Appliance.Tests.Mining;

/// <summary>
/// The real llama.cpp library (CPU build) running the tiny random model through our binding: seeded
/// determinism, continuous batching of concurrent requests, cancellation, bad inputs.
/// </summary>
public sealed class LlamaTextGeneratorTests : IDisposable
{
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ILoggerFactory _loggers;
    private readonly LlamaTextGenerator _generator;

    public LlamaTextGeneratorTests()
    {
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(_logs));
        _generator = LlamaTextGenerator.Load(TinyModel.Path, gpuLayers: 0, new LlamaGeneratorOptions { Sequences = 4, ContextPerSequence = 128, Threads = 1 }, _loggers);
    }

    public void Dispose()
    {
        _generator.Dispose();
        _loggers.Dispose();
    }

    [Fact]
    public async Task Generate_SameSeed_SameText_OtherSeed_OtherText()
    {
        var request = new GenerationRequest("The quick brown fox", 24, 0.9f, 42, IgnoreEndOfText: true);
        var first = await _generator.GenerateAsync(request, CancellationToken.None);
        var second = await _generator.GenerateAsync(request, CancellationToken.None);
        var other = await _generator.GenerateAsync(request with { Seed = 43 }, CancellationToken.None);
        Assert.Equal(24, first.CompletionTokens);
        Assert.NotEmpty(first.Text);
        Assert.Equal(first.Text, second.Text);
        Assert.NotEqual(first.Text, other.Text);
        Assert.True(first.PromptTokens > 1);
        Assert.True(first.TokensPerSecond > 0);
    }

    [Fact]
    public async Task Generate_SixteenConcurrentRequests_AllComplete_SharingDecodeCalls()
    {
        var requests = Enumerable.Range(0, 16)
            .Select(i => _generator.GenerateAsync(new GenerationRequest($"Request number {i} says", 8 + i, 0.8f, (uint)i, IgnoreEndOfText: true), CancellationToken.None))
            .ToList();
        var results = await Task.WhenAll(requests);
        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(8 + i, results[i].CompletionTokens);
            Assert.Equal(FinishReason.Length, results[i].Finish);
        }
        Assert.True(_generator.DecodeCalls.Shared > 0);
        Assert.Contains(_logs.Messages, m => m.StartsWith("llama_decode: ", StringComparison.Ordinal) && !m.EndsWith(" of 1 sequences", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generate_CancelledBeforeOrWhileRunning_CompletesAsCancelled_AndTheSequenceIsFreed()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            _generator.GenerateAsync(new GenerationRequest("Never runs", 4, 0, 1), cancelled.Token));

        using var longContext = new LlamaTextGenerator(_generator.Model, new LlamaGeneratorOptions { Sequences = 1, ContextPerSequence = 2048, Threads = 1 }, _loggers);
        using var cancel = new CancellationTokenSource();
        var running = longContext.GenerateAsync(new GenerationRequest("Cancel me", 2000, 0.8f, 1, IgnoreEndOfText: true), cancel.Token);
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        var after = await longContext.GenerateAsync(new GenerationRequest("Still here", 4, 0, 1, IgnoreEndOfText: true), CancellationToken.None);
        Assert.Equal(4, after.CompletionTokens);
    }

    [Fact]
    public async Task Generate_PromptTooLongForTheContext_RefusedWithTheLimit()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            _generator.GenerateAsync(new GenerationRequest(string.Join(' ', Enumerable.Repeat("word", 2000)), 8, 0, 1), CancellationToken.None));
        Assert.StartsWith("PromptTooLong:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generate_Greedy_IsDeterministicWithoutASeed()
    {
        var a = await _generator.GenerateAsync(new GenerationRequest("Greedy", 12, 0, 1, IgnoreEndOfText: true), CancellationToken.None);
        var b = await _generator.GenerateAsync(new GenerationRequest("Greedy", 12, 0, 999, IgnoreEndOfText: true), CancellationToken.None);
        Assert.Equal(a.Text, b.Text);
    }
}
