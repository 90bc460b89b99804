using Appliance.Configuration;
using Appliance.Hosting;
using Appliance.Primitives;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>
/// Starts <c>appliance up</c>'s subnet once the node serves its API: bootstraps the chain
/// (<see cref="UpBootstrap"/>), then builds and starts <see cref="UpNeurons"/>. Shutdown stops them.
/// </summary>
public sealed class ApplianceRunner(
    UpOptions options, NodeOptions node, ApplianceSecrets secrets, SelfNode self, WalletStore wallets, ModelCatalog models,
    IHostApplicationLifetime lifetime, ILoggerFactory loggers)
    : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<ApplianceRunner>();
    private readonly TaskCompletionSource<UpNeurons> _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the running neurons once every miner and validator has started; faults when start-up failed.</summary>
    public Task<UpNeurons> Ready => _ready.Task;

    /// <summary>The running neurons, or null while up is still starting (or failed to).</summary>
    public UpNeurons? Neurons => _ready.Task.IsCompletedSuccessfully ? _ready.Task.Result : null;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await WaitForStartedAsync(stopping);
            var netuid = await new UpBootstrap(self.Client, wallets, secrets, options, _logger).RunAsync(stopping);
            await ExplainMissingPermitsAsync(netuid, stopping);
            var neurons = new UpNeurons(netuid, options, node, secrets, wallets, models, self.Client, loggers);
            await neurons.StartAllAsync(stopping);
            _ready.TrySetResult(neurons);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stopping);
        }
        catch (WalletException e) when (e.Code == WalletError.WrongPassword)
        {
            _logger.LogCritical("appliance up could not start its subnet: {Reason} A wallet in {Folder} has the name of one of up's miners or validators "
                + "but not up's password: rename that miner or validator (Up:Miners, Up:Validators), set Up:WalletPassword to its password, "
                + "or give up a folder of its own (--wallets-dir).", e.Message, wallets.Root);
            _ready.TrySetException(e);
            lifetime.StopApplication();
        }
        catch (Exception e)
        {
            _logger.LogCritical("appliance up could not start its subnet: {Reason}", e.Message);
            _ready.TrySetException(e);
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Neurons is { } neurons)
        {
            await neurons.DisposeAsync();
        }
    }

    /// <summary>
    /// Permits come from an epoch (subtensor gives them by stake at each epoch), so a validator staked since the
    /// last one is refused by every miner until the next; say so rather than leave the first rounds' 403s unexplained.
    /// </summary>
    private async Task ExplainMissingPermitsAsync(NetUid netuid, CancellationToken stopping)
    {
        var hotkeys = options.EffectiveValidators.Select(v => wallets.Show(v.Name).Hotkeys.First(h => h.Name == WalletStore.DefaultHotkey).Address).ToHashSet();
        var metagraph = await self.Client.MetagraphAsync(netuid, stopping);
        if (metagraph.Neurons.Any(n => hotkeys.Contains(n.Hotkey) && !n.ValidatorPermit))
        {
            var subnet = (await self.Client.SubnetsAsync(stopping)).First(s => s.Netuid == netuid.Value);
            _logger.LogInformation("validators have no permit until the first epoch (block {Block}): until then miners refuse their queries "
                + "(403 Blacklisted) and their rounds score 0", subnet.NextEpochBlock);
        }
    }

    private async Task WaitForStartedAsync(CancellationToken stopping)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stopping);
    }
}
