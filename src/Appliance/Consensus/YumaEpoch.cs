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
        var weights = ReadRows(input.Weights, n, v => I32F32.FromInt(v));
        weights = SparseMath.MaskRows(weights, forbidden);
        weights = SparseMath.MaskDiagonal(weights, owner);
        weights = SparseMath.VecMask(weights, input.LastUpdate, input.BlockAtRegistration, (updated, registered) => updated <= registered);
        if (input.CommitBlocks is { } commitBlocks)
        {
            weights = SparseMath.VecMask(weights, commitBlocks, input.BlockAtRegistration, (committed, registered) => committed < registered);
        }
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
        var (dividends, bonds) = hyper.Yuma3
            ? Yuma3Bonds.Compute(ReadBondRows(input, n, I32F32.FromU16Proportion, lastTempo), weightsForBonds, consensus, incentive, activeStake, hyper)
            : ClassicBonds.Compute(ReadBondRows(input, n, v => I32F32.FromInt(v), lastTempo), weightsForBonds, incentive, activeStake, hyper);

        // 5.10 Emission split.
        var emission = EmissionSplit.Compute(incentive, dividends, activeStake, stakeWeight, input.RaoEmission);

        // 5.11 Outputs: bonds rows only for uids holding the new permit.
        var bondRows = new (ushort, ushort)[n][];
        for (var i = 0; i < n; i++)
        {
            bondRows[i] = newPermit[i] ? ToU16Row(bonds.Row(i)) : [];
        }
        return new EpochOutput(
            active, ToU16(stakeWeight), ToU16(consensus), ToU16(incentive), ToU16(dividends), ToU16(validatorTrust),
            ToU16(incentive), ToU16(trust), VectorMath.MaxUpscaleToU16(emission.NormalizedCombined), newPermit,
            emission.Combined, emission.Server, emission.Validator, bondRows);
    }

    private static SparseMatrix ReadBondRows(EpochInput input, int n, Func<ushort, I32F32> convert, ulong lastTempo) =>
        SparseMath.ScalarVecMask(ReadRows(input.Bonds, n, convert), lastTempo, input.BlockAtRegistration, (last, registered) => last <= registered);

    /// <summary>Stored u16 rows as fixed point, ignoring rows and columns at or beyond n.</summary>
    private static SparseMatrix ReadRows(IReadOnlyList<IReadOnlyList<(ushort Uid, ushort Value)>> rows, int n, Func<ushort, I32F32> convert)
    {
        var builder = new SparseMatrixBuilder(n, rows.Sum(r => r.Count));
        for (var i = 0; i < n; i++)
        {
            if (i < rows.Count)
            {
                foreach (var (uid, value) in rows[i])
                {
                    if (uid < n)
                    {
                        builder.Add(uid, convert(value));
                    }
                }
            }
            builder.EndRow();
        }
        return builder.Build();
    }

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
