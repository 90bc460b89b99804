using Appliance.Configuration;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>What <c>appliance up</c> adds to the node's host: its options, secrets, miners and validators, epoch log.</summary>
public static class UpHost
{
    public static void AddAppliance(WebApplicationBuilder builder, bool quiet)
    {
        UpOptions options;
        try
        {
            options = builder.Configuration.GetSection(UpOptions.Section).Get<UpOptions>() ?? new UpOptions();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationException([$"configuration section {UpOptions.Section} (APPLIANCE_UP__*) has a value of the wrong type: {e.InnerException?.Message ?? e.Message}"]);
        }
        if (UpOptionsValidation.Validate(options) is { Count: > 0 } problems)
        {
            throw new ConfigurationException(problems);
        }
        if (quiet)
        {
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            builder.Logging.AddFilter(typeof(EpochLog).FullName, LogLevel.Information);
        }
        builder.Logging.AddFilter("llama.cpp", LogLevel.Warning);
        builder.Services.AddSingleton(options);
        // Made on first use, after the chain has taken the data folder's lock.
        builder.Services.AddSingleton(sp =>
        {
            var node = sp.GetRequiredService<NodeOptions>();
            return ApplianceSecrets.LoadOrCreate(node.DataDir, node.WalletsDir, options.WalletPassword);
        });
        builder.Services.AddSingleton(sp => new WalletStore(sp.GetRequiredService<NodeOptions>().WalletsDir));
        builder.Services.AddSingleton(sp => new ModelCatalog(options, sp.GetRequiredService<NodeOptions>().DataDir, sp.GetRequiredService<ILoggerFactory>()));
        builder.Services.AddSingleton<ApplianceRunner>();
        builder.Services.AddSingleton<OwnerSudo>();
        builder.Services.AddSingleton<AdminGate>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ApplianceRunner>());
        builder.Services.AddHostedService<EpochLog>();
    }
}
