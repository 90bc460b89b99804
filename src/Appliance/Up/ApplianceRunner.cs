using Appliance.Configuration;
using Appliance.Hosting;
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
            var neurons = new UpNeurons(netuid, options, node, secrets, wallets, models, self.Client, loggers);
            await neurons.StartAllAsync(stopping);
            _ready.TrySetResult(neurons);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stopping);
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

    private async Task WaitForStartedAsync(CancellationToken stopping)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stopping);
    }
}
