using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Configuration;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Mempool;
using Appliance.Runtime.Coinbase;
using Appliance.Storage;

namespace Appliance.Node;

public static class ChainServices
{
    /// <summary>The chain, its pool, event hub and block producer. Opening the database happens here, so
    /// a genesis mismatch stops start-up before the server listens.</summary>
    public static IServiceCollection AddChain(this IServiceCollection services, NodeOptions options)
    {
        var genesis = !string.IsNullOrEmpty(options.GenesisFile) ? GenesisConfig.Parse(File.ReadAllText(options.GenesisFile), options.GenesisFile)
            : EmissionModels.Parse(options.EmissionModel) is { } model ? GenesisConfig.Development(model)
            : null;
        var authority = Ed25519KeyPair.FromSeed(SecretUri.Parse(options.AuthorityUri).DeriveSeed());
        var dataLock = DataDirectoryLock.Acquire(options.DataDir);
        ChainService chain;
        try
        {
            chain = new ChainService(ChainDatabase.InDataDirectory(options.DataDir), genesis, authority);
        }
        catch
        {
            dataLock.Dispose();
            throw;
        }
        services.AddSingleton(dataLock);
        services.AddSingleton(options);
        services.AddSingleton(chain);
        services.AddSingleton<IChainState>(chain);
        services.AddSingleton(new MempoolOptions());
        services.AddSingleton<ExtrinsicMetrics>();
        services.AddSingleton<TransactionPool>();
        services.AddSingleton<ChainMetrics>();
        services.AddSingleton<ChainEventHub>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<BlockProducer>();
        services.AddHostedService(sp => sp.GetRequiredService<BlockProducer>());
        return services;
    }
}
