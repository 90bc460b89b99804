using System.CommandLine;
using Appliance.Chain.Genesis;
using Appliance.Configuration;
using Appliance.Hosting;
using Appliance.Node;
using Appliance.Storage;
using Appliance.Web;
using Microsoft.Data.Sqlite;

namespace Appliance.Cli;

/// <summary><c>appliance node</c>: the chain, its HTTP API and the web UI (without the appliance's own miners and validators), sealing blocks until Ctrl-C.</summary>
public static class NodeCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = "Folder of the chain database (Node:DataDir)", HelpName = "DIR" };
        var urls = new Option<string?>("--urls") { Description = $"Where the HTTP API listens (default {NodeHost.DefaultUrls})", HelpName = "URL" };
        var blockTime = new Option<int?>("--block-time") { Description = "Milliseconds between blocks (Node:BlockTimeMs, default 1000)", HelpName = "MS" };
        var genesis = new Option<string?>("--genesis") { Description = "Genesis config JSON (Node:GenesisFile; default: the development chain)", HelpName = "FILE" };
        var walletsDir = new Option<string?>("--wallets-dir") { Description = "Wallets the UI shows and signs with (Node:WalletsDir; default the CLI's)", HelpName = "DIR" };
        var model = EmissionModelOption();
        var command = new Command("node", "Run the chain node: block production and the HTTP API") { data, urls, blockTime, genesis, walletsDir, model };
        command.SetAction(async (parse, cancellation) =>
        {
            var overrides = new Dictionary<string, string?>();
            AddIfSet(overrides, "Node:DataDir", parse.GetValue(data));
            AddIfSet(overrides, "Urls", parse.GetValue(urls));
            AddIfSet(overrides, "Node:BlockTimeMs", parse.GetValue(blockTime)?.ToString());
            AddIfSet(overrides, "Node:GenesisFile", parse.GetValue(genesis));
            AddIfSet(overrides, "Node:WalletsDir", parse.GetValue(walletsDir));
            AddIfSet(overrides, "Node:EmissionModel", parse.GetValue(model));
            WebApplication app;
            try
            {
                app = NodeHost.Build(overrides, extend: builder => builder.Services.AddWeb());
            }
            catch (ConfigurationException e)
            {
                foreach (var problem in e.Problems)
                {
                    console.Error.WriteLine($"error: {problem}");
                }
                return 2;
            }
            catch (Exception e) when (e is GenesisException or DataDirectoryInUseException or SqliteException or PortInUseException)
            {
                console.Error.WriteLine($"error: {(e is SqliteException ? $"Database: the data folder's {ChainDatabase.FileName} cannot be used ({e.Message})" : e.Message)}");
                return 1;
            }
            app.MapWeb();
            // Resolved before running: RunAsync disposes the host, and its services with it.
            var producer = app.Services.GetRequiredService<BlockProducer>();
            try
            {
                await app.RunAsync(cancellation);
            }
            catch (IOException e) when (PortInUseException.IsAddressInUse(e))
            {
                // Taken between the check before start-up and Kestrel's bind.
                console.Error.WriteLine($"error: PortInUse: {e.Message}");
                return 1;
            }
            if (producer.ExecuteTask is { IsFaulted: true } failed)
            {
                console.Error.WriteLine($"error: BlockProductionFailed: {failed.Exception?.GetBaseException().Message}");
                return 1;
            }
            return 0;
        });
        return command;
    }

    private static void AddIfSet(Dictionary<string, string?> overrides, string key, string? value)
    {
        if (value is not null)
        {
            overrides[key] = value;
        }
    }

    /// <summary>--emission-model for a new development chain: dynamic (subtensor's dynamic TAO) or classic.</summary>
    public static Option<string?> EmissionModelOption() => new("--emission-model")
    {
        Description = "Emission model of a new development chain: dynamic (default) or classic (Node:EmissionModel; an existing chain keeps its own)",
        HelpName = "MODEL",
    };
}
