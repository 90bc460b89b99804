using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Appliance.Hosting;

/// <summary>
/// What one request to the node may carry. The largest honest body is a signed extrinsic as hex (a full
/// set_weights row is tens of KB), so 1 MiB leaves room while a client cannot make the node buffer Kestrel's
/// default 30 MB; header limits are Kestrel's defaults, written down so a change is a visible decision.
/// Kestrel answers 413 (body) and 431 (headers) and keeps serving.
/// </summary>
public static class RequestLimits
{
    public const long MaxBodyBytes = 1024 * 1024;
    public const int MaxHeadersTotalBytes = 32 * 1024;
    public const int MaxHeaderCount = 100;

    public static void Apply(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        kestrel.Limits.MaxRequestHeadersTotalSize = MaxHeadersTotalBytes;
        kestrel.Limits.MaxRequestHeaderCount = MaxHeaderCount;
    }
}
