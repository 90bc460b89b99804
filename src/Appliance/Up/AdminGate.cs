using System.Globalization;
using System.Threading.RateLimiting;

namespace Appliance.Up;

/// <summary>
/// Guards the endpoints marked <see cref="AdminOnly"/> (everything under /api/admin/): a middleware, so the
/// token is checked before the request's route values or body are bound, and a request without it learns
/// nothing else. The token is compared in constant time (<see cref="ApplianceSecrets.IsAdminToken"/>); each
/// failure counts against the client's IP, and after Up:AdminFailureLimit failures within
/// Up:AdminFailureWindowSeconds that IP gets 429 with Retry-After, even with the right token, until the window ends.
/// </summary>
public sealed class AdminGate(ApplianceSecrets secrets, UpOptions options) : IDisposable
{
    private const string Scheme = "Bearer ";

    private readonly PartitionedRateLimiter<string> _failures = PartitionedRateLimiter.Create<string, string>(client =>
        RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.AdminFailureLimit,
            Window = TimeSpan.FromSeconds(options.AdminFailureWindowSeconds),
            QueueLimit = 0,
        }));

    /// <summary>Marks an endpoint that needs the admin token.</summary>
    public sealed class AdminOnly
    {
        public static readonly AdminOnly Instance = new();
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<AdminOnly>() is null)
        {
            await next(context);
            return;
        }
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        // A request for zero permits asks only whether the client still has failures left in this window.
        using (var open = _failures.AttemptAcquire(client, 0))
        {
            if (!open.IsAcquired)
            {
                var retryAfter = open.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(options.AdminFailureWindowSeconds);
                context.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                await Results.Json(new { error = "TooManyFailedTokens", detail = $"too many wrong admin tokens from {client}: wait {Math.Ceiling(retryAfter.TotalSeconds)} s." },
                    statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
                return;
            }
        }
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith(Scheme, StringComparison.Ordinal) && secrets.IsAdminToken(header[Scheme.Length..]))
        {
            await next(context);
            return;
        }
        _failures.AttemptAcquire(client).Dispose();
        await Results.Json(new { error = "Unauthorized", detail = "this action needs the admin token printed at start-up, as 'Authorization: Bearer TOKEN'." },
            statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(context);
    }

    public void Dispose() => _failures.Dispose();
}
