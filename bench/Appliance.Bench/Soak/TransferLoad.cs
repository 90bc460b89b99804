using Appliance.ApiClient;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Runtime.Balances;

namespace Appliance.Bench.Soak;

/// <summary>
/// Signed transfers through the API from <see cref="Accounts"/> dev-derived accounts (//soak//0 …), each sending
/// a small amount to the next in a ring once a <see cref="Pace"/>, without waiting for inclusion: the nonce
/// comes from the API counting the pool, as the CLI's does, so each account's transfers queue in order.
/// </summary>
public sealed class TransferLoad(NodeClient api, IReadOnlyList<Ed25519KeyPair> accounts)
{
    public const int Accounts = 50;
    private const int FundingBatch = 10;
    private static readonly TimeSpan Pace = TimeSpan.FromSeconds(1);
    private static readonly Rao Funding = Rao.FromTao(1000);
    private static readonly Rao Amount = new(1_000_000);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _refused = [];
    private long _accepted;

    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Refusals by the API's error code (PoolFull, a stale nonce …).</summary>
    public IReadOnlyDictionary<string, long> Refused
    {
        get
        {
            lock (_lock)
            {
                return new SortedDictionary<string, long>(_refused, StringComparer.Ordinal);
            }
        }
    }

    public static IReadOnlyList<Ed25519KeyPair> DeriveAccounts() =>
        Enumerable.Range(0, Accounts).Select(i => DevAccounts.FromUri($"//soak//{i}")).ToList();

    /// <summary>
    /// Funds every account from //Alice and waits until each transfer is in a block: in batches of
    /// <see cref="FundingBatch"/>, as the pool takes at most 16 nonces ahead of an account's.
    /// </summary>
    public static async Task FundAsync(NodeClient node, IReadOnlyList<Ed25519KeyPair> accounts, CancellationToken cancellation)
    {
        using var alice = DevAccounts.Alice();
        foreach (var batch in accounts.Chunk(FundingBatch))
        {
            var hashes = new List<string>();
            foreach (var account in batch)
            {
                var transfer = new TransferKeepAlive(new AccountId(account.PublicKey), Funding);
                hashes.Add((await Submission.SubmitAsync(node, alice, transfer, Rao.Zero, wait: false, cancellation)).Hash);
            }
            foreach (var hash in hashes)
            {
                var status = await node.WaitForInclusionAsync(hash, TimeSpan.FromSeconds(120), cancellation);
                if (status.Success != true)
                {
                    throw new InvalidOperationException($"funding transfer {hash} failed in block #{status.Block}: {status.Error}");
                }
            }
        }
    }

    public Task RunAsync(LoadWindow window) =>
        Task.WhenAll(accounts.Select((from, i) => SendAsync(from, new AccountId(accounts[(i + 1) % accounts.Count].PublicKey), window)));

    private async Task SendAsync(Ed25519KeyPair from, AccountId to, LoadWindow window)
    {
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            try
            {
                await Submission.SubmitAsync(api, from, new TransferKeepAlive(to, Amount), Rao.Zero, wait: false, window.Stop);
                Interlocked.Increment(ref _accepted);
            }
            catch (ClientError e)
            {
                lock (_lock)
                {
                    _refused[e.Code] = _refused.GetValueOrDefault(e.Code) + 1;
                }
            }
            catch (OperationCanceledException) when (window.Stop.IsCancellationRequested)
            {
                return;
            }
            await window.PauseAsync(Pace);
        }
    }
}
