using Appliance.Mining;

namespace Appliance.Tests.Axon;

/// <summary>
/// Test stand-in for the llama.cpp generator: answers "echo {seed}: {prompt}" cut to max_tokens words, one
/// token per word. While <see cref="Hold"/> is set, each generation waits for it (or for cancellation),
/// so tests can keep requests in progress.
/// </summary>
public sealed class EchoTextGenerator : ITextGenerator
{
    public string ModelName => "echo (test)";

    public TaskCompletionSource? Hold { get; set; }

    /// <summary>Completed when a generation has begun, so a test knows a request is in progress.</summary>
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static string Expected(string prompt, int maxTokens, uint seed) =>
        string.Join(' ', $"echo {seed}: {prompt}".Split(' ').Take(maxTokens));

    public async Task<GenerationResult> GenerateAsync(GenerationRequest request, CancellationToken cancellation)
    {
        Started.TrySetResult();
        if (Hold is { } hold)
        {
            await hold.Task.WaitAsync(cancellation);
        }
        var text = Expected(request.Prompt, request.MaxTokens, request.Seed);
        return new GenerationResult(text, request.Prompt.Split(' ').Length, text.Split(' ').Length, TimeSpan.FromMilliseconds(3));
    }
}
