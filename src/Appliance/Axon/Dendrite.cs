using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Appliance.Crypto;

namespace Appliance.Axon;

/// <summary>
/// The validator's side of the axon protocol: signs a TextCompletion with the validator's hotkey and posts
/// it to a miner's axon. As bittensor's dendrite, the uuid is fixed per instance and the nonce is the clock
/// in nanoseconds, kept strictly increasing; a timeout comes back as 408 and an unreachable axon as 503.
/// The HttpClient's own Timeout should be longer than any per-call timeout.
/// </summary>
public sealed class Dendrite
{
    private readonly HttpClient _http;
    private readonly Ed25519KeyPair _hotkey;
    private readonly TimeProvider _time;
    private readonly Guid _uuid = Guid.NewGuid();
    private ulong _lastNonce;

    public Dendrite(HttpClient http, Ed25519KeyPair hotkey, TimeProvider? time = null)
    {
        BodyHash.EnsureSupported();
        (_http, _hotkey, _time) = (http, hotkey, time ?? TimeProvider.System);
    }

    /// <param name="axon">The axon's base address, e.g. http://127.0.0.1:8091/ from the metagraph.</param>
    /// <param name="axonHotkey">The miner hotkey that served that axon, as an SS58 address.</param>
    public async Task<DendriteResult> CallAsync(Uri axon, string axonHotkey, TextCompletionRequest request, TimeSpan timeout, CancellationToken cancellation)
    {
        var started = Stopwatch.GetTimestamp();
        var body = JsonSerializer.SerializeToUtf8Bytes(request, TextCompletion.Json);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(axon, TextCompletion.Name)) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        SynapseHeaders.Sign(_hotkey, axonHotkey, body, NextNonce(), _uuid, timeout).WriteTo(message.Headers);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await _http.SendAsync(message, deadline.Token);
            var content = await response.Content.ReadAsByteArrayAsync(deadline.Token);
            var elapsed = Stopwatch.GetElapsedTime(started);
            if (!response.IsSuccessStatusCode)
            {
                var (code, detail) = ReadError(content);
                return new DendriteResult.Failed((int)response.StatusCode, code, detail, elapsed);
            }
            return JsonSerializer.Deserialize<TextCompletionResponse>(content, TextCompletion.Json) is { } answer
                ? new DendriteResult.Completed(answer, elapsed)
                : new DendriteResult.Failed(StatusCodes.Status422UnprocessableEntity, "BadResponse", "the axon answered JSON null.", elapsed);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return new DendriteResult.Failed(StatusCodes.Status408RequestTimeout, "Timeout", $"no answer within {timeout.TotalSeconds:0.###} s.", Stopwatch.GetElapsedTime(started));
        }
        catch (HttpRequestException e)
        {
            return new DendriteResult.Failed(StatusCodes.Status503ServiceUnavailable, "Unreachable", $"{axon}: {e.Message}", Stopwatch.GetElapsedTime(started));
        }
        catch (JsonException e)
        {
            // Bittensor's dendrite reports an unparsable answer as 422.
            return new DendriteResult.Failed(StatusCodes.Status422UnprocessableEntity, "BadResponse", $"the answer is not a {TextCompletion.Name} response: {e.Message}",
                Stopwatch.GetElapsedTime(started));
        }
    }

    private ulong NextNonce()
    {
        var now = NonceGuard.UnixNanoseconds(_time.GetUtcNow());
        while (true)
        {
            var last = Interlocked.Read(ref _lastNonce);
            var next = Math.Max(now, last + 1);
            if (Interlocked.CompareExchange(ref _lastNonce, next, last) == last)
            {
                return next;
            }
        }
    }

    private static (string Code, string Detail) ReadError(byte[] content)
    {
        try
        {
            var error = JsonSerializer.Deserialize<JsonElement>(content);
            if (error.ValueKind == JsonValueKind.Object && error.TryGetProperty("error", out var code) && error.TryGetProperty("detail", out var detail))
            {
                return (code.ToString(), detail.ToString());
            }
        }
        catch (JsonException)
        {
            // Not the axon's {error, detail}; the raw text below is the best reason there is.
        }
        return ("Refused", content.Length == 0 ? "the axon gave no reason." : System.Text.Encoding.UTF8.GetString(content.AsSpan(0, Math.Min(content.Length, 200))));
    }
}

/// <summary>What a call to an axon came to: the completion, or the status and reason it failed with; both with the round-trip time.</summary>
public abstract record DendriteResult(TimeSpan Elapsed)
{
    public sealed record Completed(TextCompletionResponse Response, TimeSpan Elapsed) : DendriteResult(Elapsed);

    public sealed record Failed(int Status, string Code, string Detail, TimeSpan Elapsed) : DendriteResult(Elapsed);
}
