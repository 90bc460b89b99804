using System.Buffers;

namespace Appliance.Consensus;

/// <summary>
/// Stake-weighted median (spec §5.5; math.rs weighted_median and weighted_median_col_sparse). The pivot
/// search is reproduced step by step, since exact stake ties resolve through the fixed-point partial sums.
/// </summary>
public static class WeightedMedian
{
    /// <summary>
    /// weighted_median over the indices in <paramref name="partition"/>: pivot = the middle index's score in
    /// the current order, lower/upper keep their relative order, at most |partition| + 1 rounds.
    /// </summary>
    public static I32F32 Of(ReadOnlySpan<I32F32> stake, ReadOnlySpan<I32F32> score, ReadOnlySpan<int> partition, I32F32 minority, I32F32 low, I32F32 high)
    {
        var voters = new Voter[partition.Length];
        for (var p = 0; p < partition.Length; p++)
        {
            voters[p] = new Voter(score[partition[p]].Bits, stake[partition[p]].Bits);
        }
        var buffers = new SearchBuffers(partition.Length);
        return PlainSumsExact([.. voters.Select(v => new I32F32(v.Stake))])
            ? Search<PlainSum>(voters, buffers, minority, low, high)
            : Search<SaturatingSum>(voters, buffers, minority, low, high);
    }

    /// <summary>
    /// weighted_median_col_sparse: the median of every column over the rows with stake &gt; 0, their stakes
    /// renormalised; an absent cell scores 0. Columns are independent, so large matrices split them into
    /// contiguous ranges searched in parallel; each column's result is the same whichever thread finds it.
    /// </summary>
    public static I32F32[] Columns(ReadOnlySpan<I32F32> stake, SparseMatrix scores, I32F32 majority) =>
        Columns(stake, scores, majority, ParallelFrom);

    /// <summary><see cref="Columns(ReadOnlySpan{I32F32}, SparseMatrix, I32F32)"/> with the size from which it runs in parallel.</summary>
    internal static I32F32[] Columns(ReadOnlySpan<I32F32> stake, SparseMatrix scores, I32F32 majority, long parallelFrom)
    {
        var voters = new List<int>();
        for (var i = 0; i < stake.Length; i++)
        {
            if (stake[i].Bits > 0)
            {
                voters.Add(i);
            }
        }
        var k = voters.Count;
        var useStake = new I32F32[k];
        for (var v = 0; v < k; v++)
        {
            useStake[v] = stake[voters[v]];
        }
        VectorMath.Normalize(useStake);
        var stakeSum = VectorMath.Sum(useStake);
        var minority = stakeSum - majority;

        // Scores column by column (8 bytes a cell: a wider layout cost more in page misses at 4096 uids than the
        // copy of each column into the search's list saves); an absent cell scores 0.
        var columns = scores.Columns;
        var exact = PlainSumsExact(useStake);
        var byColumn = ArrayPool<long>.Shared.Rent(checked(columns * k));
        Array.Clear(byColumn, 0, columns * k);
        var scored = new bool[columns];
        for (var v = 0; v < k; v++)
        {
            if (voters[v] >= scores.Rows)
            {
                continue;
            }
            foreach (var entry in scores.Row(voters[v]))
            {
                byColumn[entry.Column * k + v] = entry.Value.Bits;
                scored[entry.Column] = true;
            }
        }

        var median = new I32F32[columns];
        void SearchRange(int first, int end)
        {
            var buffers = new SearchBuffers(k);
            for (var c = first; c < end; c++)
            {
                if (scored[c])
                {
                    var column = byColumn.AsSpan(c * k, k);
                    var held = buffers.Held;
                    for (var v = 0; v < k; v++)
                    {
                        held[v] = new Voter(column[v], useStake[v].Bits);
                    }
                    median[c] = exact
                        ? Search<PlainSum>(held, buffers, minority, I32F32.Zero, stakeSum)
                        : Search<SaturatingSum>(held, buffers, minority, I32F32.Zero, stakeSum);
                }
            }
        }
        var ranges = k == 0 ? 0 : (long)columns * k >= parallelFrom ? Math.Min(RangesPerCore * Environment.ProcessorCount, columns) : 1;
        if (ranges == 1)
        {
            SearchRange(0, columns);
        }
        else if (ranges > 1)
        {
            Parallel.For(0, ranges, r => SearchRange((int)((long)columns * r / ranges), (int)((long)columns * (r + 1) / ranges)));
        }
        ArrayPool<long>.Shared.Return(byColumn);
        return median;
    }

    /// <summary>Cells (columns × voters) from which <see cref="Columns(ReadOnlySpan{I32F32}, SparseMatrix, I32F32)"/> splits the columns across cores.</summary>
    internal const long ParallelFrom = 1L << 17;

    /// <summary>Column ranges per core, so that a core the machine lends to others is not waited for.</summary>
    private const int RangesPerCore = 8;

    /// <summary>A voter's score and stake side by side, so that a round reads one array in order.</summary>
    private readonly record struct Voter(long Score, long Stake);

    /// <summary>Three lists a search writes its rounds to: the lower and upper partitions, and one held as the current list.</summary>
    private sealed class SearchBuffers(int size)
    {
        public Voter[] Lower { get; set; } = new Voter[size];
        public Voter[] Upper { get; set; } = new Voter[size];
        public Voter[] Held { get; set; } = new Voter[size];
    }

    /// <summary>How a round adds up the stakes on either side of its pivot.</summary>
    private interface IStakeSum
    {
        static abstract I32F32 Add(I32F32 sum, I32F32 stake);
    }

    /// <summary>The saturating sum that math.rs uses.</summary>
    private readonly struct SaturatingSum : IStakeSum
    {
        public static I32F32 Add(I32F32 sum, I32F32 stake) => sum + stake;
    }

    /// <summary>A plain sum: the same as <see cref="SaturatingSum"/> where <see cref="PlainSumsExact"/> holds.</summary>
    private readonly struct PlainSum : IStakeSum
    {
        public static I32F32 Add(I32F32 sum, I32F32 stake) => new(unchecked(sum.Bits + stake.Bits));
    }

    /// <summary>
    /// Whether no sum of some of the stakes can saturate: every stake is ≥ 0 and all of them add up to at most
    /// <see cref="I32F32.MaxValue"/>. Then partial sums only grow and never pass the total, as is always so
    /// for normalised stake.
    /// </summary>
    private static bool PlainSumsExact(ReadOnlySpan<I32F32> stakes)
    {
        Int128 total = 0;
        foreach (var stake in stakes)
        {
            if (stake.Bits < 0)
            {
                return false;
            }
            total += stake.Bits;
        }
        return total <= long.MaxValue;
    }

    /// <summary>
    /// The pivot search on <paramref name="current"/>. Each voter is written to both the lower and the upper
    /// list and only the matching list's length advances, so the partition has no data-dependent branch; a
    /// stake added as 0 leaves the sum unchanged.
    /// </summary>
    private static I32F32 Search<TSum>(ReadOnlySpan<Voter> current, SearchBuffers buffers, I32F32 minority, I32F32 low, I32F32 high)
        where TSum : struct, IStakeSum
    {
        var limit = current.Length;
        for (var round = 0; round <= limit; round++)
        {
            var size = current.Length;
            if (size == 0)
            {
                return I32F32.Zero;
            }
            if (size == 1)
            {
                return new I32F32(current[0].Score);
            }
            var (lowerBuffer, upperBuffer) = (buffers.Lower, buffers.Upper);
            var lower = lowerBuffer.AsSpan(0, size);
            var upper = upperBuffer.AsSpan(0, size);
            var pivot = current[size / 2].Score;
            var (lowStake, highStake) = (I32F32.Zero, I32F32.Zero);
            var (lowCount, highCount) = (0, 0);
            foreach (var voter in current)
            {
                var below = voter.Score < pivot ? 1 : 0;
                var above = voter.Score > pivot ? 1 : 0;
                lower[lowCount] = voter;
                upper[highCount] = voter;
                lowCount += below;
                highCount += above;
                lowStake = TSum.Add(lowStake, new I32F32(voter.Stake & -(long)below));
                highStake = TSum.Add(highStake, new I32F32(voter.Stake & -(long)above));
            }
            if (minority < low + lowStake && lowCount > 0)
            {
                high = low + lowStake;
                current = lowerBuffer.AsSpan(0, lowCount);
                (buffers.Lower, buffers.Held) = (buffers.Held, lowerBuffer);
            }
            else if (high - highStake <= minority && highCount > 0)
            {
                low = high - highStake;
                current = upperBuffer.AsSpan(0, highCount);
                (buffers.Upper, buffers.Held) = (buffers.Held, upperBuffer);
            }
            else
            {
                return new I32F32(pivot);
            }
        }
        return I32F32.Zero;
    }
}
