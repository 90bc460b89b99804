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
        var buffers = new SearchBuffers(partition.Length);
        for (var p = 0; p < partition.Length; p++)
        {
            buffers.Current[p] = new Voter(score[partition[p]].Bits, stake[partition[p]].Bits);
        }
        return Search(buffers, partition.Length, minority, low, high);
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

        var columns = scores.Columns;
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
                byColumn[(long)entry.Column * k + v] = entry.Value.Bits;
                scored[entry.Column] = true;
            }
        }

        var median = new I32F32[columns];
        void SearchRange(int first, int end)
        {
            var buffers = new SearchBuffers(k);
            for (var c = first; c < end; c++)
            {
                if (!scored[c])
                {
                    continue;
                }
                var column = byColumn.AsSpan((int)((long)c * k), k);
                for (var v = 0; v < k; v++)
                {
                    buffers.Current[v] = new Voter(column[v], useStake[v].Bits);
                }
                median[c] = Search(buffers, k, minority, I32F32.Zero, stakeSum);
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

    private sealed class SearchBuffers(int size)
    {
        public Voter[] Current { get; set; } = new Voter[size];
        public Voter[] Lower { get; set; } = new Voter[size];
        public Voter[] Upper { get; set; } = new Voter[size];
    }

    /// <summary>
    /// The pivot search on <paramref name="size"/> voters in <c>buffers.Current</c>. Each voter is written to
    /// both the lower and the upper list and only the matching list's length advances, so the partition has
    /// no data-dependent branch; a stake added as 0 leaves a saturating sum unchanged.
    /// </summary>
    private static I32F32 Search(SearchBuffers buffers, int size, I32F32 minority, I32F32 low, I32F32 high)
    {
        var limit = size;
        for (var round = 0; round <= limit; round++)
        {
            if (size == 0)
            {
                return I32F32.Zero;
            }
            if (size == 1)
            {
                return new I32F32(buffers.Current[0].Score);
            }
            var current = buffers.Current.AsSpan(0, size);
            var (lower, upper) = (buffers.Lower, buffers.Upper);
            var pivot = current[size / 2].Score;
            var (lowStake, highStake) = (I32F32.Zero, I32F32.Zero);
            var (lowCount, highCount) = (0, 0);
            foreach (var voter in current)
            {
                var below = voter.Score < pivot ? -1L : 0L;
                var above = voter.Score > pivot ? -1L : 0L;
                lower[lowCount] = voter;
                upper[highCount] = voter;
                lowCount -= (int)below;
                highCount -= (int)above;
                lowStake += new I32F32(voter.Stake & below);
                highStake += new I32F32(voter.Stake & above);
            }
            if (minority < low + lowStake && lowCount > 0)
            {
                high = low + lowStake;
                (buffers.Current, buffers.Lower) = (lower, buffers.Current);
                size = lowCount;
            }
            else if (high - highStake <= minority && highCount > 0)
            {
                low = high - highStake;
                (buffers.Current, buffers.Upper) = (upper, buffers.Current);
                size = highCount;
            }
            else
            {
                return new I32F32(pivot);
            }
        }
        return I32F32.Zero;
    }
}
