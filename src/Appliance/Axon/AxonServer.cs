using System.Net;
using Appliance.Configuration;
using Appliance.Keys;
using Appliance.Mining;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace Appliance.Axon;

/// <summary>
/// One miner's axon: its own Kestrel endpoint serving <c>POST /TextCompletion</c> and an open
/// <c>GET /health</c>. Several can run in one process (one per hosted miner). Stopping stops accepting,
/// lets requests in progress finish for up to <see cref="AxonLimits.ShutdownTimeout"/>, then cancels them.
/// </summary>
public sealed class AxonServer : IAsyncDisposable
{
    public const string HealthPath = "/health";
    private readonly WebApplication _app;
    private bool _stopped;

    private AxonServer(WebApplication app, string hotkey, Uri url)
    {
        _app = app;
        Hotkey = hotkey;
        Url = url;
    }

    /// <summary>The miner hotkey's SS58 address, which callers put in bt_header_axon_hotkey.</summary>
    public string Hotkey { get; }

    /// <summary>Where it listens, with the port actually bound when the options asked for port 0.</summary>
    public Uri Url { get; }

    public int Port => Url.Port;

    public static async Task<AxonServer> StartAsync(
        AxonOptions options, ITextGenerator generator, IValidatorPermits permits, ILoggerFactory loggers, CancellationToken cancellation = default)
    {
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new ConfigurationException(problems);
        }
        BodyHash.EnsureSupported();
        var limits = options.Limits;
        var hotkey = Ss58.Encode(options.Hotkey.PublicKey);
        var logger = loggers.CreateLogger<AxonServer>();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRoutingCore();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = limits.ShutdownTimeout);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Parse(options.Ip), options.Port);
            kestrel.Limits.MaxRequestBodySize = 2 * limits.MaxBodyBytes;
            kestrel.AddServerHeader = false;
        });
        var app = builder.Build();

        var verifier = new RequestVerifier(hotkey, options.Netuid, limits, permits, new NonceGuard(TimeProvider.System, limits.NonceAllowedDelta, limits.MaxTimeout));
        var endpoint = new TextCompletionEndpoint(verifier, new CallerConcurrency(limits.MaxConcurrentPerCaller), limits, generator, logger);
        app.Use(AxonRequestLog.Middleware(logger));
        app.MapGet(HealthPath, () => Results.Json(new { status = "ok", hotkey, netuid = options.Netuid.Value, model = generator.ModelName }));
        app.MapPost("/" + TextCompletion.Name, (Delegate)endpoint.HandleAsync);
        app.MapFallback((HttpContext context) => context.Features.GetRequiredFeature<AxonRequestLog>().Refuse(AxonRefusal.UnknownSynapse(context.Request.Path)));

        await app.StartAsync(cancellation);
        var url = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single());
        logger.LogInformation("axon for {Hotkey} on subnet {Netuid} listening on {Url}, serving {Model}", hotkey, options.Netuid, url, generator.ModelName);
        return new AxonServer(app, hotkey, url);
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        await _app.StopAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
