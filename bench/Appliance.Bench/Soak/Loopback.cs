using System.Net;

namespace Appliance.Bench.Soak;

/// <summary>The soak sends load to this machine only: every address it is given or reads back must be in 127.0.0.0/8 (or ::1).</summary>
public static class Loopback
{
    public static Uri Require(Uri address) =>
        IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)
            ? address
            : throw new InvalidOperationException($"the soak only targets loopback addresses; refusing {address}.");
}
