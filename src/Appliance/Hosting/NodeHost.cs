using System.Text.Json;
using Appliance.Api;
using Appliance.Configuration;
using Appliance.Contracts;
using Appliance.Node;
using Appliance.Queries;

namespace Appliance.Hosting;

/// <summary>
/// Builds the node's web host from ordinary ASP.NET configuration: appsettings.json, APPLIANCE_*
/// environment variables, then the command line's options. Bad settings stop it with one line per key.
/// </summary>
public static class NodeHost
{
    public const string DefaultUrls = ApiRoutes.DefaultNodeUrl;

    /// <param name="configFile">A JSON settings file that environment variables and <paramref name="overrides"/> may still override.</param>
    /// <param name="extend">Adds what a mode built on the node needs (<c>appliance up</c>'s miners and validators).</param>
    public static WebApplication Build(IDictionary<string, string?> overrides, string? configFile = null, Action<WebApplicationBuilder>? extend = null)
    {
        // Named after this assembly, not the entry one, so a host built inside another process (the tests) finds the UI's
        // static web assets manifests (appliance.staticwebassets.*.json) as appliance itself does.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ContentRootPath = AppContext.BaseDirectory, ApplicationName = typeof(NodeHost).Assembly.GetName().Name,
        });
        if (configFile is not null)
        {
            if (!File.Exists(configFile))
            {
                throw new ConfigurationException([$"--config {configFile}: no such file."]);
            }
            builder.Configuration.AddJsonFile(Path.GetFullPath(configFile), optional: false, reloadOnChange: false);
        }
        builder.Configuration.AddEnvironmentVariables("APPLIANCE_");
        builder.Configuration.AddInMemoryCollection(overrides);
        var urls = builder.Configuration["Urls"] ?? DefaultUrls;
        builder.WebHost.UseUrls(urls);
        builder.WebHost.ConfigureKestrel(RequestLimits.Apply);
        // A build's output serves the framework's blazor.web.js from the package cache through this manifest; a published one holds the file itself.
        builder.WebHost.UseStaticWebAssets();
        // With a build manifest MapStaticAssets adds development support by default (ASP.NET's
        // StaticAssetDevelopmentRuntimeHandler): a catch-all endpoint that serves files missing from the manifest,
        // with a warning per request. Our wwwroot is copied next to the executable, not in the manifest, so every
        // app.css, charts.js and favicon request took that path; off, UseStaticFiles serves them, as intended.
        builder.Configuration["ReloadStaticAssetsAtRuntime"] = "false";
        builder.Logging.AddFilter("Microsoft", LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss "; });

        NodeOptions options;
        try
        {
            options = builder.Configuration.GetSection(NodeOptions.Section).Get<NodeOptions>() ?? new NodeOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException([$"configuration section {NodeOptions.Section} (APPLIANCE_{NodeOptions.Section.ToUpperInvariant()}__*) has a value of the wrong type: {e.InnerException?.Message ?? e.Message}"]);
        }
        var problems = OptionsValidation.Validate(options).ToList();
        var eventClients = EventClients(builder.Configuration, problems);
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems);
        }
        // The port and the mode's own settings are checked before the chain opens its data folder, so a bad one changes nothing.
        PortInUseException.ThrowIfAnyInUse(urls);
        extend?.Invoke(builder);
        builder.Services.AddChain(options);
        builder.Services.AddSingleton<ChainQueries>();
        builder.Services.AddSingleton<SelfNode>();
        builder.Services.AddSingleton(new EventStreamSlots(eventClients));
        builder.AddMetricsExport();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions.TryAdd("error", context.ProblemDetails.Title?.Replace(" ", "") ?? "Error"));
        // A request Kestrel refuses while a handler reads it (a body over RequestLimits.MaxBodyBytes) keeps its status (413), not a 500.
        builder.Services.Configure<ExceptionHandlerOptions>(handler =>
            handler.StatusCodeSelector = e => e is BadHttpRequestException refused ? refused.StatusCode : StatusCodes.Status500InternalServerError);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapApi();
        app.MapMetrics();
        return app;
    }

    /// <summary>The cap on clients of GET /api/events (<see cref="EventStreamSlots.Setting"/>); a bad value is added to <paramref name="problems"/>.</summary>
    private static int EventClients(IConfiguration configuration, List<string> problems)
    {
        var text = configuration[EventStreamSlots.Setting];
        if (text is null)
        {
            return EventStreamSlots.DefaultCapacity;
        }
        if (int.TryParse(text, out var capacity) && capacity >= 1)
        {
            return capacity;
        }
        problems.Add($"configuration key {EventStreamSlots.Setting} (APPLIANCE_API__MAXEVENTCLIENTS) must be a whole number of at least 1, got '{text}'.");
        return 0;
    }
}
