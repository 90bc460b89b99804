using System.Diagnostics;
using Appliance.Mining;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Axon;

/// <summary>
/// POST /TextCompletion: verify, take one of the caller's slots (429 when it has none), check the request's
/// bounds (400), then generate under the request's deadline (408 when it passes), counted from arrival.
/// </summary>
public sealed class TextCompletionEndpoint(
    RequestVerifier verifier, CallerConcurrency concurrency, AxonLimits limits, ITextGenerator generator, ILogger logger)
{
    public async Task<IResult> HandleAsync(HttpContext context)
    {
        var log = context.Features.GetRequiredFeature<AxonRequestLog>();
        var (verified, refusal) = await verifier.VerifyAsync(context.Request, context.RequestAborted);
        if (verified is null)
        {
            return log.Refuse(refusal!);
        }
        using var slot = concurrency.TryEnter(verified.Headers.DendriteHotkey);
        if (slot is null)
        {
            return log.Refuse(AxonRefusal.TooManyRequests(concurrency.Limit));
        }
        if (!TextCompletion.TryParse(verified.Body, limits, out var request, out var error))
        {
            return log.Refuse(AxonRefusal.InvalidSynapse(error));
        }
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var left = verified.Timeout - Stopwatch.GetElapsedTime(log.Started);
        deadline.CancelAfter(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        try
        {
            var result = await generator.GenerateAsync(new GenerationRequest(request!.Prompt, request.MaxTokens, request.Temperature, request.Seed), deadline.Token);
            (log.Outcome, log.Tokens) = ("Completed", result.CompletionTokens);
            return Results.Json(new TextCompletionResponse(result.Text, result.CompletionTokens, (long)result.Elapsed.TotalMilliseconds), TextCompletion.Json);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !context.RequestAborted.IsCancellationRequested)
        {
            return log.Refuse(AxonRefusal.Timeout(verified.Timeout));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "{Model} failed on a request from {Caller}", generator.ModelName, verified.Headers.DendriteHotkey);
            return log.Refuse(AxonRefusal.GenerationFailed($"{generator.ModelName} failed: {e.Message}"));
        }
    }
}
