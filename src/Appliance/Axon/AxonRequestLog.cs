using System.Diagnostics;

namespace Appliance.Axon;

/// <summary>
/// One log line per request: the address it came from (which machine, when validators are elsewhere), the
/// caller as claimed in its header, status, outcome, latency and tokens.
/// </summary>
public sealed class AxonRequestLog
{
    private const int StatusClientClosed = 499;
    private const int MaxCallerLength = 64;

    public long Started { get; } = Stopwatch.GetTimestamp();

    /// <summary>The refusal code, or Completed.</summary>
    public string Outcome { get; set; } = "-";

    public int Tokens { get; set; }

    public static Func<HttpContext, RequestDelegate, Task> Middleware(ILogger logger) => async (context, next) =>
    {
        var log = new AxonRequestLog();
        context.Features.Set(log);
        var status = 0;
        try
        {
            await next(context);
            status = context.Response.StatusCode;
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The caller hung up (or the server stopped); there is no one to answer.
            (status, log.Outcome) = (StatusClientClosed, "ClientClosed");
        }
        finally
        {
            AxonMetrics.Answered(context.Request.Path, status == 0 ? StatusCodes.Status500InternalServerError : status, log.Outcome);
            var caller = context.Request.Headers[SynapseHeaders.DendriteHotkeyName].ToString();
            logger.Log(context.Request.Path == AxonServer.HealthPath ? LogLevel.Debug : LogLevel.Information,
                "{RemoteIp} {Method} {Path} from {Caller}: {Status} {Outcome} in {ElapsedMs:0} ms, {Tokens} tokens",
                context.Connection.RemoteIpAddress, context.Request.Method, context.Request.Path.Value, caller.Length == 0 ? "-" : caller[..Math.Min(caller.Length, MaxCallerLength)],
                status == 0 ? StatusCodes.Status500InternalServerError : status, log.Outcome, Stopwatch.GetElapsedTime(log.Started).TotalMilliseconds, log.Tokens);
        }
    };

    public IResult Refuse(AxonRefusal refusal)
    {
        Outcome = refusal.Code;
        return refusal.ToResult();
    }
}
