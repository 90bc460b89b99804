using System.Runtime.InteropServices;

namespace Appliance.Consensus;

/// <summary>
/// The Yuma consensus epoch as a pure function (spec §5; subtensor epoch/run_epoch.rs epoch_mechanism,
/// the sparse production path). Numbered comments follow the spec's sections. Stake includes no root
/// TAO (tao_weight = 0); a single mechanism per subnet.
/// </summary>
public static class YumaEpoch
{
    public static EpochOutput Run(EpochInput input)
    {
        var n = input.N;
        var hyper = input.Hyperparameters;
        int? owner = hyper.OwnerUid is { } o && o < n ? o : null;

        // 5.1 Activity: inactive when last_update + activity_cutoff < current_block.
        var active = new bool[n];
        for (var i = 0; i < n; i++)
        {
            active[i] = SaturatingAdd(input.LastUpdate[i], input.ActivityCutoff) >= input.CurrentBlock;
        }

        // 5.2 Stake: threshold (owner exempt), normalised in I64F64, truncated to I32F32.
        var filtered = new I64F64[n];
        for (var i = 0; i < n; i++)
        {
            var stake = I64F64.FromU64(input.Stake[i]);
            filtered[i] = i != owner && stake.ToU64Saturating() < hyper.StakeThreshold ? I64F64.Zero : stake;
        }
        VectorMath.Normalize(filtered);
        var stakeWeight = Array.ConvertAll(filtered, s => s.ToI32F32());

        // 5.3 Permits from the previous epoch (owner forced), new permits by top-k stake, active stake.
        var forbidden = new bool[n];
        for (var i = 0; i < n; i++)
        {
            forbidden[i] = !(i == owner || (i < input.ValidatorPermitPrev.Count && input.ValidatorPermitPrev[i]));
        }
        var newPermit = VectorMath.IsTopKNonzero(stakeWeight, hyper.MaxAllowedValidators);
        if (owner is { } ownerUid)
        {
            newPermit[ownerUid] = true;
        }
        var activeStake = new I32F32[n];
        for (var i = 0; i < n; i++)
        {
            activeStake[i] = active[i] && !forbidden[i] ? stakeWeight[i] : I32F32.Zero;
        }
        VectorMath.Normalize(activeStake);

        // 5.4 Weights: permits, diagonal (owner kept), outdated, commit-reveal, row-normalised.
        var registered = input.BlockAtRegistration as ulong[] ?? [.. input.BlockAtRegistration];
        var weights = ReadWeights(input, n, registered, forbidden, owner);
        SparseMath.RowNormalize(weights);

        // 5.5 Consensus: stake-weighted median per miner at κ.
        var consensus = WeightedMedian.Columns(activeStake, weights, hyper.KappaProportion);

        // 5.6 Clipping, validator trust, rank and incentive; prerank and trust for display.
        var clipped = SparseMath.ColumnClip(weights, consensus);
        var validatorTrust = SparseMath.RowSum(clipped);
        var preranks = SparseMath.MatMul(weights, activeStake);
        var incentive = SparseMath.MatMul(clipped, activeStake);
        var trust = VectorMath.VecDiv(incentive, preranks);
        VectorMath.Normalize(incentive);

        // 5.7 Weights for bonds: W + β·(W̄ − W).
        var weightsForBonds = SparseMath.Interpolate(weights, clipped, hyper.BondsPenaltyProportion);

        // 5.8 / 5.9 Bonds and dividends; bonds of uids registered since the last epoch are masked first.
        var lastTempo = input.LastMechanismStepBlock == 0
            ? input.CurrentBlock - Math.Min(input.CurrentBlock, input.Tempo)
            : SaturatingAdd(input.LastMechanismStepBlock, 1);
        var storedBonds = ReadBonds(input, n, registered, lastTempo, hyper.Yuma3);
        var (dividends, bonds) = hyper.Yuma3
            ? Yuma3Bonds.Compute(storedBonds, weightsForBonds, consensus, incentive, activeStake, hyper)
            : ClassicBonds.Compute(storedBonds, weightsForBonds, incentive, activeStake, hyper);

        // 5.10 Emission split.
        var emission = EmissionSplit.Compute(incentive, dividends, activeStake, stakeWeight, input.RaoEmission);

        // 5.11 Outputs: bonds rows only for uids holding the new permit.
        var bondRows = new (ushort, ushort)[n][];
        for (var i = 0; i < n; i++)
        {
            bondRows[i] = newPermit[i] ? ToU16Row(bonds.Row(i)) : [];
        }
        foreach (var matrix in (ReadOnlySpan<SparseMatrix>)[weights, clipped, weightsForBonds, storedBonds, bonds])
        {
            matrix.Release();
        }
        return new EpochOutput(
            active, ToU16(stakeWeight), ToU16(consensus), ToU16(incentive), ToU16(dividends), ToU16(validatorTrust),
            ToU16(incentive), ToU16(trust), VectorMath.MaxUpscaleToU16(emission.NormalizedCombined), newPermit,
            emission.Combined, emission.Server, emission.Validator, bondRows);
    }

    /// <summary>
    /// Stored weights as integer-valued fixed point (5.4.1), with 5.4.2–5.4.5 applied in the same pass: the
    /// rows of forbidden uids, the diagonal except the owner's, cells of miners registered at or after the
    /// validator's last update and, with commit-reveal, after its earliest unexpired commit. Columns at or
    /// beyond n are ignored. Equal to mask_rows, mask_diag_except, and vec_mask for both rules one after the
    /// other (<see cref="SparseMath"/>), since each drops cells by (i, j) alone and keeps the order.
    /// </summary>
    internal static SparseMatrix ReadWeights(EpochInput input, int n, ulong[] registered, bool[] forbidden, int? owner)
    {
        var builder = new SparseMatrixBuilder(n, CountCells(input.Weights, n));
        for (var i = 0; i < n; i++)
        {
            if (forbidden[i] || i >= input.Weights.Count)
            {
                builder.EndRow();
                continue;
            }
            var (lastUpdate, committed) = (input.LastUpdate[i], input.CommitBlocks?[i] ?? ulong.MaxValue);
            var diagonal = i == owner ? -1 : i;
            var cells = Cells(input.Weights[i]);
            var row = builder.Reserve(cells.Length);
            var written = 0;
            foreach (var (uid, value) in cells)
            {
                if (uid < n)
                {
                    var at = registered[uid];
                    row[written] = new SparseEntry(uid, I32F32.FromInt(value));
                    written += (uid != diagonal) & (lastUpdate > at) & (committed >= at) ? 1 : 0;
                }
            }
            builder.EndRow(written);
        }
        return builder.Build();
    }

    /// <summary>
    /// Stored bonds, as v/65535 for Yuma 3 or integer-valued for classic bonds, without the cells of miners
    /// registered at or after <paramref name="lastTempo"/> (scalar_vec_mask, 5.8.1); columns at or beyond n ignored.
    /// </summary>
    private static SparseMatrix ReadBonds(EpochInput input, int n, ulong[] registered, ulong lastTempo, bool yuma3)
    {
        var builder = new SparseMatrixBuilder(n, CountCells(input.Bonds, n));
        for (var i = 0; i < n; i++)
        {
            if (i < input.Bonds.Count)
            {
                foreach (var (uid, value) in Cells(input.Bonds[i]))
                {
                    if (uid < n && lastTempo > registered[uid])
                    {
                        builder.Add(uid, yuma3 ? I32F32.FromU16Proportion(value) : I32F32.FromInt(value));
                    }
                }
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    private static int CountCells(IReadOnlyList<IReadOnlyList<(ushort Uid, ushort Value)>> rows, int n)
    {
        var count = 0;
        for (var i = 0; i < Math.Min(n, rows.Count); i++)
        {
            count += rows[i].Count;
        }
        return count;
    }

    /// <summary>A stored row's cells without copying when it is an array or a list.</summary>
    private static ReadOnlySpan<(ushort Uid, ushort Value)> Cells(IReadOnlyList<(ushort Uid, ushort Value)> row) => row switch
    {
        (ushort, ushort)[] array => array,
        List<(ushort, ushort)> list => CollectionsMarshal.AsSpan(list),
        _ => row.ToArray(),
    };

    private static ushort[] ToU16(I32F32[] values) => Array.ConvertAll(values, v => v.ToU16Proportion());

    private static (ushort, ushort)[] ToU16Row(ReadOnlySpan<SparseEntry> row)
    {
        var result = new (ushort, ushort)[row.Length];
        for (var k = 0; k < row.Length; k++)
        {
            result[k] = (row[k].Column, row[k].Value.ToU16Proportion());
        }
        return result;
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
