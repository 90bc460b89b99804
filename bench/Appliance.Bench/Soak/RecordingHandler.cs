using System.Diagnostics;
using System.Globalization;

namespace Appliance.Bench.Soak;

/// <summary>
/// Sits under an HttpClient (the typed NodeClient's, a Dendrite's, the UI poller's) and records each request's
/// status and latency in the <see cref="RequestLog"/> under one kind. The latency runs to the end of the body,
/// which is read here, except for event streams, whose body never ends: theirs runs to the response headers.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly RequestLog _log;
    private readonly string _kind;
    private readonly bool _readBody;

    public RecordingHandler(RequestLog log, string kind, bool readBody = true)
        : base(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) })
    {
        (_log, _kind, _readBody) = (log, kind, readBody);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Loopback.Require(request.RequestUri!);
        var started = Stopwatch.GetTimestamp();
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
            if (_readBody)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
            }
            _log.Record(_kind, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started));
            return response;
        }
        catch (OperationCanceledException)
        {
            response?.Dispose();
            _log.Record(_kind, RequestLog.Timeout, null);
            throw;
        }
        catch (HttpRequestException)
        {
            response?.Dispose();
            _log.Record(_kind, RequestLog.ConnectionError, null);
            throw;
        }
    }
}
