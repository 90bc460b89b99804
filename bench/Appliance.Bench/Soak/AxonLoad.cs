using Appliance.Axon;
using Appliance.Crypto;
using Appliance.Validation;
using Appliance.Validation.Tasks;

namespace Appliance.Bench.Soak;

/// <summary>
/// <see cref="Concurrency"/> TextCompletion queries at once to one miner's axon, each signed by the soak's own
/// validator hotkey (registered, staked, with a permit), as the validators' tasks. Each worker is its own
/// dendrite (its own uuid, so nonces stay increasing per dendrite as the axon requires). The axon lets one
/// caller hold only a few requests at once, so most of them are refused with 429: a refused worker waits
/// <see cref="AfterRefusal"/> before it asks again, so that the refusals do not become a busy loop.
/// </summary>
public sealed class AxonLoad(HttpClient http, Ed25519KeyPair validatorHotkey, Uri axon, string minerHotkey)
{
    public const int Concurrency = 64;
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AfterRefusal = TimeSpan.FromMilliseconds(500);

    private long _completed;

    public long Completed => Interlocked.Read(ref _completed);

    public Task RunAsync(LoadWindow window) => Task.WhenAll(Enumerable.Range(0, Concurrency).Select(worker => QueryAsync(worker, window)));

    private async Task QueryAsync(int worker, LoadWindow window)
    {
        var dendrite = new Dendrite(http, validatorHotkey);
        var tasks = new TaskGenerator(worker);
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            var request = new TextCompletionRequest(tasks.Next().Prompt, ValidatorSettings.AnswerTokens, 0, (uint)turn);
            DendriteResult result;
            try
            {
                result = await dendrite.CallAsync(axon, minerHotkey, request, QueryTimeout, window.Stop);
            }
            catch (OperationCanceledException) when (window.Stop.IsCancellationRequested)
            {
                return;
            }
            if (result is DendriteResult.Completed)
            {
                Interlocked.Increment(ref _completed);
            }
            else
            {
                await window.PauseAsync(AfterRefusal);
            }
        }
    }
}
