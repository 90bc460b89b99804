using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.System;
using Appliance.Scale;
using Appliance.State;

namespace Appliance.Mempool;

/// <summary>
/// Extrinsics waiting for a block. Admission decodes, checks chain, signature and nonce (future nonces wait,
/// stale ones are refused), that the signer can pay, and — when the extrinsic is next in line — dry-runs
/// the call on the head state so a call that would fail is refused with its error up front (as subtensor's
/// signed extension does for its calls). Blocks take extrinsics by tip, then arrival, in nonce order per signer.
/// </summary>
public sealed class TransactionPool(IChainState chain, MempoolOptions options, ExtrinsicMetrics? metrics = null)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, Pooled> _byHash = [];
    private readonly Dictionary<AccountId, SortedList<ulong, Pooled>> _bySigner = [];
    private long _arrivals;
    private long _bytes;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byHash.Count;
            }
        }
    }

    public bool Contains(Hash256 hash)
    {
        lock (_gate)
        {
            return _byHash.ContainsKey(hash);
        }
    }

    /// <summary>The nonce the signer's next extrinsic should carry, counting those already pooled.</summary>
    public ulong NextNonce(AccountId signer, ulong accountNonce)
    {
        lock (_gate)
        {
            var next = accountNonce;
            if (_bySigner.TryGetValue(signer, out var pending))
            {
                while (pending.ContainsKey(next))
                {
                    next++;
                }
            }
            return next;
        }
    }

    /// <summary>The signer's pooled extrinsics in nonce order: what will run before its next one.</summary>
    public IReadOnlyList<SignedExtrinsic> PendingOf(AccountId signer)
    {
        lock (_gate)
        {
            return _bySigner.TryGetValue(signer, out var pending) ? pending.Values.Select(p => p.Extrinsic).ToList() : [];
        }
    }

    public AdmissionResult Submit(byte[] encoded)
    {
        var result = SubmitUncounted(encoded);
        metrics?.Admitted(result);
        return result;
    }

    private AdmissionResult SubmitUncounted(byte[] encoded)
    {
        if (encoded.Length > options.MaxExtrinsicBytes)
        {
            return AdmissionResult.TooLarge(encoded.Length, options.MaxExtrinsicBytes);
        }
        SignedExtrinsic extrinsic;
        try
        {
            extrinsic = SignedExtrinsic.Decode(encoded);
        }
        catch (ScaleFormatException e)
        {
            return AdmissionResult.Undecodable(e.Message);
        }
        if (Contains(extrinsic.Hash))
        {
            return AdmissionResult.AlreadyImported(extrinsic.Hash);
        }
        using var state = chain.OpenSnapshot();
        var accountNonce = SystemModule.GetAccount(state, extrinsic.Signer).Nonce;
        if (extrinsic.Nonce < accountNonce)
        {
            return AdmissionResult.StaleNonce(extrinsic.Nonce, accountNonce);
        }
        if (extrinsic.Nonce > accountNonce + (ulong)options.FutureNonceWindow)
        {
            return AdmissionResult.NonceTooFarAhead(extrinsic.Nonce, accountNonce, options.FutureNonceWindow);
        }
        if ((chain.Executor.ChainMismatch(extrinsic) ?? BlockExecutor.Unpayable(state, extrinsic)) is { } invalid)
        {
            return AdmissionResult.Invalid(invalid);
        }
        if (!extrinsic.HasValidSignature())
        {
            return AdmissionResult.Invalid(ValidityError.BadSignature(extrinsic.Signer));
        }
        var isNext = extrinsic.Nonce == accountNonce;
        if (isNext && DryRun(state, extrinsic) is { } error)
        {
            return AdmissionResult.CallFailed(error);
        }
        return Add(extrinsic, future: !isNext);
    }

    /// <summary>What the next block should try, in order: per signer from its account nonce up, across signers by tip then arrival.</summary>
    public IReadOnlyList<SignedExtrinsic> SelectForBlock(IStateReader state)
    {
        lock (_gate)
        {
            var queue = new PriorityQueue<(Pooled Item, SortedList<ulong, Pooled> Pending), (ulong, long)>();
            foreach (var (signer, pending) in _bySigner)
            {
                var nonce = SystemModule.GetAccount(state, signer).Nonce;
                if (pending.TryGetValue(nonce, out var first))
                {
                    queue.Enqueue((first, pending), Priority(first));
                }
            }
            var selected = new List<SignedExtrinsic>();
            while (selected.Count < BlockBuilder.MaxExtrinsics && queue.TryDequeue(out var entry, out _))
            {
                selected.Add(entry.Item.Extrinsic);
                if (entry.Pending.TryGetValue(entry.Item.Extrinsic.Nonce + 1, out var next))
                {
                    queue.Enqueue((next, entry.Pending), Priority(next));
                }
            }
            return selected;
        }
    }

    /// <summary>
    /// After a block: drops what it included, whatever its state made stale, and future extrinsics that have
    /// waited longer than their lifetime. Nonces are read only where that can happen: signers with more
    /// pooled beside what the block included, and signers with an extrinsic that has waited through a whole
    /// block (one admitted on the head a block had just left behind, or a future one).
    /// </summary>
    public void Prune(IStateReader state, IEnumerable<SignedExtrinsic> included, IEnumerable<SignedExtrinsic> rejected)
    {
        var head = chain.Head.Number;
        lock (_gate)
        {
            var signers = new HashSet<AccountId>();
            foreach (var extrinsic in included)
            {
                Remove(extrinsic);
                if (_bySigner.ContainsKey(extrinsic.Signer))
                {
                    signers.Add(extrinsic.Signer);
                }
            }
            foreach (var extrinsic in rejected)
            {
                Remove(extrinsic);
            }
            foreach (var (signer, pending) in _bySigner)
            {
                foreach (var pooled in pending.Values)
                {
                    if (head >= pooled.QueuedAt + 2)
                    {
                        signers.Add(signer);
                        break;
                    }
                }
            }
            foreach (var signer in signers)
            {
                if (!_bySigner.TryGetValue(signer, out var pending))
                {
                    continue;
                }
                var nonce = SystemModule.GetAccount(state, signer).Nonce;
                var drop = pending.Values.Where(p => p.Extrinsic.Nonce < nonce || (p.Extrinsic.Nonce > nonce && Expired(p, head))).ToList();
                foreach (var pooled in drop)
                {
                    Remove(pooled.Extrinsic);
                }
            }
        }
    }

    private bool Expired(Pooled pooled, ulong head) => head - Math.Min(head, pooled.QueuedAt) > options.FutureLifetimeBlocks;

    private DispatchError? DryRun(IStateReader state, SignedExtrinsic extrinsic)
    {
        var scratch = new StateOverlay(state);
        return chain.Executor.Apply(scratch, extrinsic, chain.Head.Number + 1, 0, []).Error;
    }

    private AdmissionResult Add(SignedExtrinsic extrinsic, bool future)
    {
        lock (_gate)
        {
            if (_byHash.ContainsKey(extrinsic.Hash))
            {
                return AdmissionResult.AlreadyImported(extrinsic.Hash);
            }
            var replacing = _bySigner.TryGetValue(extrinsic.Signer, out var pending) && pending.TryGetValue(extrinsic.Nonce, out var existing) ? existing : null;
            if (replacing is not null && extrinsic.Tip <= replacing.Extrinsic.Tip)
            {
                return AdmissionResult.TooLowPriority(extrinsic.Nonce);
            }
            var (count, bytes) = replacing is null ? (_byHash.Count, _bytes) : (_byHash.Count - 1, _bytes - replacing.Extrinsic.Length);
            if (count >= options.MaxCount || bytes + extrinsic.Length > options.MaxBytes)
            {
                return AdmissionResult.PoolFull(_byHash.Count, _bytes);
            }
            if (replacing is not null)
            {
                Remove(replacing.Extrinsic);
            }
            var pooled = new Pooled(extrinsic, _arrivals++, chain.Head.Number);
            if (!_bySigner.TryGetValue(extrinsic.Signer, out pending))
            {
                pending = _bySigner[extrinsic.Signer] = [];
            }
            pending[extrinsic.Nonce] = pooled;
            _byHash[extrinsic.Hash] = pooled;
            _bytes += extrinsic.Length;
            return AdmissionResult.Ok(extrinsic.Hash, future);
        }
    }

    private void Remove(SignedExtrinsic extrinsic)
    {
        if (!_byHash.Remove(extrinsic.Hash))
        {
            return;
        }
        _bytes -= extrinsic.Length;
        var pending = _bySigner[extrinsic.Signer];
        pending.Remove(extrinsic.Nonce);
        if (pending.Count == 0)
        {
            _bySigner.Remove(extrinsic.Signer);
        }
    }

    private static (ulong, long) Priority(Pooled pooled) => (ulong.MaxValue - pooled.Extrinsic.Tip.Value, pooled.Arrival);

    private sealed record Pooled(SignedExtrinsic Extrinsic, long Arrival, ulong QueuedAt);
}
