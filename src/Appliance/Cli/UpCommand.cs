using System.CommandLine;
using Appliance.Chain.Genesis;
using Appliance.Configuration;
using Appliance.Hosting;
using Appliance.Mining.Llama;
using Appliance.Queries;
using Appliance.Storage;
using Appliance.Up;
using Appliance.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;

namespace Appliance.Cli;

/// <summary>
/// <c>appliance up [--data DIR] [--wallets-dir DIR] [--config FILE] [--urls URL] [--quiet]</c>: the node, API
/// and UI plus the configured subnet with its miners and validators, created on a fresh data folder and
/// resumed on an existing one, until Ctrl-C. On a terminal a live panel shows it; redirected, plain log lines.
/// </summary>
public static class UpCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = $"Data folder (Node:DataDir, default {NodeOptions.DefaultDataDir})", HelpName = "DIR" };
        var walletsDir = new Option<string?>("--wallets-dir")
        {
            Description = "Wallets of up's miners and validators and of the UI (Node:WalletsDir; default the CLI's, $APPLIANCE_WALLETS_DIR or ~/.appliance/wallets)",
            HelpName = "DIR",
        };
        var config = new Option<string?>("--config") { Description = "JSON settings file (sections Node and Up)", HelpName = "FILE" };
        var urls = new Option<string?>("--urls") { Description = $"Where the API and UI listen (default {NodeHost.DefaultUrls})", HelpName = "URL" };
        var quiet = new Option<bool>("--quiet") { Description = "Log only warnings and one line per epoch" };
        var model = NodeCommand.EmissionModelOption();
        var command = new Command("up", "Run a whole subnet: chain, miners, validators, API and UI") { data, walletsDir, config, urls, quiet, model };
        command.SetAction(async (parse, cancellation) =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parse.GetValue(data) is { } folder)
            {
                overrides["Node:DataDir"] = folder;
            }
            if (parse.GetValue(walletsDir) is { } wallets)
            {
                overrides["Node:WalletsDir"] = wallets;
            }
            if (parse.GetValue(urls) is { } listen)
            {
                overrides["Urls"] = listen;
            }
            if (parse.GetValue(model) is { } emissionModel)
            {
                overrides["Node:EmissionModel"] = emissionModel;
            }
            var live = TerminalProgress.IsTerminal(console) ? new RecentLog() : null;
            WebApplication app;
            try
            {
                app = NodeHost.Build(overrides, parse.GetValue(config), builder =>
                {
                    UpHost.AddAppliance(builder, parse.GetValue(quiet));
                    builder.Services.AddWeb();
                    if (live is not null)
                    {
                        builder.Logging.ClearProviders();
                        builder.Logging.AddProvider(live);
                        // The panel shows the head block and every answer; their per-event lines would push the rest of the log off it.
                        builder.Logging.AddFilter<RecentLog>("Appliance.Node.BlockProducer", LogLevel.Warning);
                        builder.Logging.AddFilter<RecentLog>("Appliance.Axon.AxonServer", LogLevel.Warning);
                    }
                });
            }
            catch (ConfigurationException e)
            {
                foreach (var problem in e.Problems)
                {
                    console.Error.WriteLine($"error: {problem}");
                }
                return 2;
            }
            catch (Exception e) when (e is GenesisException or DataDirectoryInUseException or SqliteException or InvalidDataException or PortInUseException)
            {
                console.Error.WriteLine($"error: {(e is SqliteException ? $"Database: the data folder's {ChainDatabase.FileName} cannot be used ({e.Message})" : e.Message.ReplaceLineEndings(" "))}");
                return 1;
            }
            ApplianceSecrets secrets;
            try
            {
                secrets = app.Services.GetRequiredService<ApplianceSecrets>();
            }
            catch (InvalidDataException e)
            {
                console.Error.WriteLine($"error: {e.Message}");
                await app.DisposeAsync();
                return 1;
            }
            app.MapAppliance();
            app.MapWeb();
            console.Out.WriteLine($"llama.cpp backend {LlamaBackendInfo.Current.Describe()}");
            try
            {
                await app.StartAsync(cancellation);
            }
            catch (IOException e) when (PortInUseException.IsAddressInUse(e))
            {
                // Taken between the check before start-up and Kestrel's bind.
                console.Error.WriteLine($"error: PortInUse: {e.Message}");
                await app.DisposeAsync();
                return 1;
            }
            var options = app.Services.GetRequiredService<NodeOptions>();
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            console.Out.WriteLine($"Subnet Appliance is up: UI {address}/  API {address}/api/chain/head");
            console.Out.WriteLine($"admin token {secrets.AdminToken}  (for /api/admin/* and the UI's admin actions)");
            console.Out.WriteLine($"data in {Path.GetFullPath(options.DataDir)}, wallets in {Path.GetFullPath(options.WalletsDir)}  (Ctrl-C stops; up again resumes)");
            var runner = app.Services.GetRequiredService<ApplianceRunner>();
            var lifetime = app.Services.GetRequiredService<IHostApplicationLifetime>();
            var panel = live is null
                ? Task.CompletedTask
                : new UpLiveView(app.Services.GetRequiredService<ChainQueries>(), runner, live, address).RunAsync(lifetime.ApplicationStopping);
            await app.WaitForShutdownAsync(cancellation);
            await panel;
            await app.DisposeAsync();
            return runner.Ready.IsFaulted ? 1 : 0;
        });
        return command;
    }
}
