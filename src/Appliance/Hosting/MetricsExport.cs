using Appliance.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Appliance.Hosting;

/// <summary>
/// <c>GET /metrics</c> in Prometheus's text format: the <see cref="ApplianceMeter"/> instruments, through
/// OpenTelemetry's Prometheus exporter. The meter is enabled through the host's metrics rules rather than the
/// SDK's AddMeter, because only the rules tell this host's meter apart from another host's in the same process.
/// </summary>
public static class MetricsExport
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddMetricsExport(this WebApplicationBuilder builder)
    {
        builder.Metrics.EnableMetrics(ApplianceMeter.Name);
        // Each scrape reads the instruments afresh; the exporter's default reuses a response for 300 ms.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));
        return builder;
    }

    public static void MapMetrics(this WebApplication app) => app.MapPrometheusScrapingEndpoint(Path);
}
