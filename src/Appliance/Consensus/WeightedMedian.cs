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
        var current = partition.ToArray();
        var lower = new int[current.Length];
        var upper = new int[current.Length];
        return Search(stake, score, current, lower, upper, minority, low, high);
    }

    /// <summary>
    /// weighted_median_col_sparse: the median of every column over the rows with stake &gt; 0, their stakes
    /// renormalised; an absent cell scores 0.
    /// </summary>
    public static I32F32[] Columns(ReadOnlySpan<I32F32> stake, SparseMatrix scores, I32F32 majority)
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
        var byColumn = new I32F32[(long)columns * k];
        var scored = new bool[columns];
        for (var v = 0; v < k; v++)
        {
            if (voters[v] >= scores.Rows)
            {
                continue;
            }
            foreach (var entry in scores.Row(voters[v]))
            {
                byColumn[(long)entry.Column * k + v] = entry.Value;
                scored[entry.Column] = true;
            }
        }

        var median = new I32F32[columns];
        var (current, lower, upper) = (new int[k], new int[k], new int[k]);
        for (var c = 0; c < columns; c++)
        {
            if (!scored[c] || k == 0)
            {
                continue;
            }
            for (var v = 0; v < k; v++)
            {
                current[v] = v;
            }
            median[c] = Search(useStake, byColumn.AsSpan((int)((long)c * k), k), current, lower, upper, minority, I32F32.Zero, stakeSum);
        }
        return median;
    }

    private static I32F32 Search(ReadOnlySpan<I32F32> stake, ReadOnlySpan<I32F32> score, int[] current, int[] lower, int[] upper, I32F32 minority, I32F32 low, I32F32 high)
    {
        var size = current.Length;
        var limit = size;
        for (var round = 0; round <= limit; round++)
        {
            if (size == 0)
            {
                return I32F32.Zero;
            }
            if (size == 1)
            {
                return score[current[0]];
            }
            var pivot = score[current[size / 2]];
            var (lowStake, highStake) = (I32F32.Zero, I32F32.Zero);
            var (lowCount, highCount) = (0, 0);
            for (var p = 0; p < size; p++)
            {
                var index = current[p];
                if (score[index] < pivot)
                {
                    lowStake += stake[index];
                    lower[lowCount++] = index;
                }
                else if (score[index] > pivot)
                {
                    highStake += stake[index];
                    upper[highCount++] = index;
                }
            }
            if (minority < low + lowStake && lowCount > 0)
            {
                high = low + lowStake;
                Array.Copy(lower, current, lowCount);
                size = lowCount;
            }
            else if (high - highStake <= minority && highCount > 0)
            {
                low = high - highStake;
                Array.Copy(upper, current, highCount);
                size = highCount;
            }
            else
            {
                return pivot;
            }
        }
        return I32F32.Zero;
    }
}
