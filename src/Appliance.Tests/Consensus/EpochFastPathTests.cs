using System.Numerics;
using Appliance.Consensus;
using CsCheck;

namespace Appliance.Tests.Consensus;

/// <summary>
/// The epoch's fast paths against the plain forms they replace, on random inputs: 64-bit fixed-point
/// division and saturation against 128-bit arithmetic, division by a precomputed reciprocal against
/// SafeDiv, I64F64 division against BigInteger, the branch-free weighted median (plain and saturating stake
/// sums) against the index-based search, parallel columns against one thread, the fused weights reader
/// against the chain of math.rs masks, the branch-free column clip against its definition, top-k against a
/// stable sort, and the fused dividends sum against col_normalize, mat_vec_mul and row_sum.
/// </summary>
public sealed class EpochFastPathTests
{
    private static readonly long[] Edges = [0, 1, -1, 1L << 32, long.MaxValue, long.MinValue, long.MinValue + 1];

    private static readonly Gen<long> Bits = Gen.OneOf(
        Gen.Long,
        Gen.Long[0, 1L << 33],
        Gen.Int[-65_536, 65_536].Select(v => (long)v << 32),
        Gen.Long[-(1L << 50), 1L << 50],
        Gen.Int[0, Edges.Length - 1].Select(i => Edges[i]));

    [Fact]
    public void Division_FastPath_EqualsInt128Quotient()
    {
        Gen.Select(Bits, Bits).Sample((a, b) =>
        {
            var expected = b == 0 ? (Int128?)null : ((Int128)a << 32) / b;
            var fits = expected is { } q && q >= long.MinValue && q <= long.MaxValue;
            Assert.Equal(fits ? new I32F32((long)expected!.Value) : null, new I32F32(a).CheckedDiv(new I32F32(b)));
            if (b != 0)
            {
                var saturated = expected!.Value > long.MaxValue ? long.MaxValue : expected.Value < long.MinValue ? long.MinValue : (long)expected.Value;
                Assert.Equal(saturated, (new I32F32(a) / new I32F32(b)).Bits);
            }
        }, iter: 200_000);
    }

    [Fact]
    public void SaturatingArithmetic_EqualsClampedInt128()
    {
        static long Clamp(Int128 v) => v > long.MaxValue ? long.MaxValue : v < long.MinValue ? long.MinValue : (long)v;
        Gen.Select(Bits, Bits).Sample((a, b) =>
        {
            Assert.Equal(Clamp((Int128)a + b), (new I32F32(a) + new I32F32(b)).Bits);
            Assert.Equal(Clamp((Int128)a - b), (new I32F32(a) - new I32F32(b)).Bits);
            Assert.Equal(Clamp(-(Int128)a), (-new I32F32(a)).Bits);
            Assert.Equal((new I32F32(a) * I32F32.FromInt(ushort.MaxValue)).ToU16Saturating(), new I32F32(a).ToU16Proportion());
        }, iter: 200_000);
    }

    [Fact]
    public void DivisorSafeDivide_EqualsSafeDiv()
    {
        Gen.Select(Bits, Bits.Array[1, 8]).Sample((divisor, values) =>
        {
            var reciprocal = new I32F32Divisor(new I32F32(divisor));
            foreach (var value in values)
            {
                Assert.Equal(new I32F32(value).SafeDiv(new I32F32(divisor)), reciprocal.SafeDivide(new I32F32(value)));
            }
        }, iter: 100_000);
    }

    [Fact]
    public void DivisorSafeDivide_EveryShapeOfDivisor_EqualsSafeDiv()
    {
        // Powers of two, their neighbours and every width, whose reciprocals take each branch of the generator.
        var divisors = Enumerable.Range(0, 63).SelectMany(b => new[] { 1L << b, (1L << b) - 1, (1L << b) + 1, -(1L << b) - 1 })
            .Concat([3, 7, 641, 6_700_417, long.MaxValue, long.MinValue]);
        var values = Gen.OneOf(Gen.Long, Gen.Long[0, 1L << 32], Gen.Long[0, long.MaxValue]).Array[64].Single();
        foreach (var divisor in divisors)
        {
            var reciprocal = new I32F32Divisor(new I32F32(divisor));
            foreach (var value in values.Concat([0, 1, -1, long.MaxValue, long.MinValue, divisor, divisor - 1]))
            {
                Assert.Equal(new I32F32(value).SafeDiv(new I32F32(divisor)), reciprocal.SafeDivide(new I32F32(value)));
            }
        }
    }

    [Fact]
    public void I64F64SafeDiv_EqualsBigIntegerQuotient()
    {
        var wide = Gen.OneOf(
            Gen.Long.Select(v => (Int128)v),
            Gen.Long.Select(v => (Int128)v << 64),
            Gen.Select(Gen.Long, Gen.ULong).Select((high, low) => new Int128((ulong)high, low)),
            Gen.Int[0, 3].Select(i => new[] { Int128.Zero, Int128.MaxValue, Int128.MinValue, Int128.One << 64 }[i]));
        Gen.Select(wide, wide).Sample((a, b) =>
        {
            var quotient = b == 0 ? (BigInteger?)null : BigInteger.Divide((BigInteger)a << 64, b);
            var fits = quotient is { } q && BigInteger.Abs(q) < BigInteger.One << 127;
            Assert.Equal(fits ? new I64F64((Int128)quotient!.Value) : I64F64.Zero, new I64F64(a).SafeDiv(new I64F64(b)));
        }, iter: 100_000);
    }

    [Fact]
    public void WeightedMedianOf_BranchFree_EqualsIndexSearch()
    {
        // Mostly stakes ≥ 0 whose sums cannot saturate (plain sums), sometimes any value (saturating sums).
        var stakes = Gen.OneOf(Gen.Long[0, 1L << 32], Gen.Long[0, 1L << 32], Gen.Long);
        var voters = Gen.Int[1, 40].SelectMany(k => Gen.Select(stakes.Array[k], Gen.Int[0, 6].Select(v => (long)v << 29).Array[k]));
        Gen.Select(voters, Gen.Long[0, 1L << 32]).Sample((cells, minority) =>
        {
            var (stake, score) = (cells.Item1.Select(v => new I32F32(v)).ToArray(), cells.Item2.Select(v => new I32F32(v)).ToArray());
            var partition = Enumerable.Range(0, stake.Length).ToArray();
            var high = VectorMath.Sum(stake);
            Assert.Equal(IndexSearch(stake, score, partition, new I32F32(minority), I32F32.Zero, high),
                WeightedMedian.Of(stake, score, partition, new I32F32(minority), I32F32.Zero, high));
        }, iter: 20_000);
    }

    [Fact]
    public void WeightedMedianColumns_Parallel_EqualsSequential()
    {
        Gen.Select(Gen.Int[1, 60], Gen.Int[1, 200], Gen.Int[0, int.MaxValue]).Sample((rows, columns, seed) =>
        {
            var random = new Random(seed);
            var stake = Enumerable.Range(0, rows).Select(_ => new I32F32(random.Next(3) == 0 ? 0 : random.NextInt64(1L << 32))).ToArray();
            var scores = RandomMatrix(random, rows, columns, keepOrder: false);
            var kappa = new I32F32(random.NextInt64(1L << 32));
            Assert.Equal(WeightedMedian.Columns(stake, scores, kappa, long.MaxValue), WeightedMedian.Columns(stake, scores, kappa, 0));
        }, iter: 300);
    }

    [Fact]
    public void ReadWeights_OnePass_EqualsMaskChain()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Int[0, int.MaxValue], Gen.Bool).Sample((n, seed, commitReveal) =>
        {
            var random = new Random(seed);
            var rows = Enumerable.Range(0, n + random.Next(3)).Select(_ => (IReadOnlyList<(ushort, ushort)>)Enumerable.Range(0, random.Next(n + 3))
                .Select(_ => ((ushort)random.Next(n + 2), (ushort)random.Next(65_536))).ToList()).ToArray();
            ulong[] Blocks() => Enumerable.Range(0, n).Select(_ => (ulong)random.Next(10)).ToArray();
            var (lastUpdate, registered, commits) = (Blocks(), Blocks(), commitReveal ? Blocks() : null);
            var forbidden = Enumerable.Range(0, n).Select(_ => random.Next(4) == 0).ToArray();
            int? owner = random.Next(2) == 0 ? random.Next(n) : null;
            var input = new EpochInput(n, 20, 10, 10, new ulong[n], lastUpdate, registered, new bool[n], rows, [],
                YumaHyperparameters.Default, 0, commits);

            var expected = SparseMatrix.FromRows(rows.Take(n).Select(r => r.Where(e => e.Item1 < n).Select(e => new SparseEntry(e.Item1, I32F32.FromInt(e.Item2)))), n);
            expected = SparseMath.MaskRows(expected, forbidden);
            expected = SparseMath.MaskDiagonal(expected, owner);
            expected = SparseMath.VecMask(expected, lastUpdate, registered, (updated, at) => updated <= at);
            if (commits is not null)
            {
                expected = SparseMath.VecMask(expected, commits, registered, (committed, at) => committed < at);
            }
            AssertSameRows(expected, YumaEpoch.ReadWeights(input, n, registered, forbidden, owner));
        }, iter: 2_000);
    }

    [Fact]
    public void ColumnClip_BranchFree_EqualsDefinition()
    {
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30], Gen.Int[0, int.MaxValue]).Sample((rows, columns, seed) =>
        {
            var random = new Random(seed);
            var matrix = RandomMatrix(random, rows, columns, keepOrder: false);
            var threshold = Enumerable.Range(0, columns).Select(_ => new I32F32(random.Next(4) switch
            {
                0 => 0,
                1 => -random.NextInt64(1L << 33),
                _ => random.NextInt64(1L << 33),
            })).ToArray();
            var expected = SparseMatrix.FromRows(Enumerable.Range(0, rows).Select(i => matrix.Row(i).ToArray()
                .Where(e => !(threshold[e.Column] < e.Value) || threshold[e.Column].Bits > 0)
                .Select(e => threshold[e.Column] < e.Value ? e with { Value = threshold[e.Column] } : e)), columns);
            AssertSameRows(expected, SparseMath.ColumnClip(matrix, threshold));
        }, iter: 2_000);
    }

    [Fact]
    public void IsTopK_EqualsStableSort()
    {
        Gen.Select(Gen.Int[0, 3].Select(v => (long)v).Array[0, 60], Gen.Int[0, 70]).Sample((values, k) =>
        {
            var vector = values.Select(v => new I32F32(v)).ToArray();
            var kept = Enumerable.Range(0, vector.Length).OrderBy(i => vector[i]).Skip(vector.Length - k).ToHashSet();
            var expected = vector.Length < k ? vector.Select(_ => true) : Enumerable.Range(0, vector.Length).Select(kept.Contains);
            Assert.Equal(expected, VectorMath.IsTopK(vector, k));
        }, iter: 20_000);
    }

    [Fact]
    public void ColumnNormalizedDot_EqualsNormalizeMatVecMulRowSum()
    {
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[0, int.MaxValue]).Sample((rows, columns, seed) =>
        {
            var random = new Random(seed);
            var bonds = RandomMatrix(random, rows, columns, keepOrder: true);
            var incentive = Enumerable.Range(0, columns - random.Next(2)).Select(_ => new I32F32(random.NextInt64(1L << 32))).ToArray();
            var normalized = bonds.Copy();
            SparseMath.ColumnNormalize(normalized);
            Assert.Equal(SparseMath.RowSum(SparseMath.MatVecMul(normalized, incentive)), Yuma3Bonds.ColumnNormalizedDot(bonds, incentive));
        }, iter: 2_000);
    }

    private static SparseMatrix RandomMatrix(Random random, int rows, int columns, bool keepOrder) =>
        SparseMatrix.FromRows(Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns)
            .Where(_ => random.Next(3) != 0)
            .OrderBy(j => keepOrder ? j : random.Next())
            .Select(j => new SparseEntry((ushort)j, new I32F32(random.Next(4) == 0 ? 0 : random.NextInt64(1L << 33))))), columns);

    private static void AssertSameRows(SparseMatrix expected, SparseMatrix actual)
    {
        Assert.Equal(expected.Rows, actual.Rows);
        for (var i = 0; i < expected.Rows; i++)
        {
            Assert.Equal(expected.Row(i).ToArray(), actual.Row(i).ToArray());
        }
    }

    /// <summary>The weighted median as math.rs writes it, on index lists (the form before the branch-free search).</summary>
    private static I32F32 IndexSearch(I32F32[] stake, I32F32[] score, int[] partition, I32F32 minority, I32F32 low, I32F32 high)
    {
        var current = partition.ToList();
        for (var round = 0; round <= partition.Length; round++)
        {
            if (current.Count <= 1)
            {
                return current.Count == 0 ? I32F32.Zero : score[current[0]];
            }
            var pivot = score[current[current.Count / 2]];
            var lower = current.Where(k => score[k] < pivot).ToList();
            var upper = current.Where(k => score[k] > pivot).ToList();
            var lowStake = lower.Aggregate(I32F32.Zero, (sum, k) => sum + stake[k]);
            var highStake = upper.Aggregate(I32F32.Zero, (sum, k) => sum + stake[k]);
            if (minority < low + lowStake && lower.Count > 0)
            {
                (high, current) = (low + lowStake, lower);
            }
            else if (high - highStake <= minority && upper.Count > 0)
            {
                (low, current) = (high - highStake, upper);
            }
            else
            {
                return pivot;
            }
        }
        return I32F32.Zero;
    }
}
