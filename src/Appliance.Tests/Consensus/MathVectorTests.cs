using System.Text.Json;
using Appliance.Consensus;
using Appliance.Tests.Support;

namespace Appliance.Tests.Consensus;

/// <summary>
/// Every case of Vectors/math.json (subtensor's tests/math.rs) against the Consensus
/// helpers. Dense cases run the sparse helpers on rows that list every cell, as the epoch reads them.
/// </summary>
public sealed class MathVectorTests
{
    public static IEnumerable<object[]> Cases() =>
        YumaVectors.Load("math.json").GetProperty("cases").EnumerateArray()
            .Select((c, index) => new object[] { index, c.GetProperty("fn").GetString()! });

    [Theory]
    [MemberData(nameof(Cases))]
    public void MathHelper_VectorCase_MatchesSubtensor(int index, string fn)
    {
        var c = new MathCase(YumaVectors.Load("math.json").GetProperty("cases")[index]);
        Assert.Equal(fn, c.Fn);
        switch (fn)
        {
            case "vec_max_upscale_to_u16":
                var bits = c.Args.GetProperty("vector_bits").EnumerateArray().Select(b => new I32F32(b.GetInt64())).ToArray();
                Assert.Equal(bits, c.Vector("vector"));
                Assert.Equal(U16s(c.Expected), VectorMath.MaxUpscaleToU16(bits));
                break;
            case "vec_u16_max_upscale_to_u16":
                Assert.Equal(U16s(c.Expected), VectorMath.U16MaxUpscaleToU16(U16s(c.Args.GetProperty("vector_u16"))));
                break;
            case "check_vec_max_limited":
                Assert.Equal(c.Expected.GetBoolean(), VectorMath.CheckVecMaxLimited(U16s(c.Args.GetProperty("vector_u16")), (ushort)c.Int("max_limit_u16")));
                break;
            case "is_topk":
                Assert.Equal(c.Expected.EnumerateArray().Select(e => e.GetBoolean()), VectorMath.IsTopK(c.Vector("vector"), c.Int("k")));
                break;
            case "normalize":
                var vector = c.Vector("vector");
                VectorMath.Normalize(vector);
                c.AssertEqual(c.Vector(c.Expected), vector, fn);
                break;
            case "inplace_normalize_64":
                var wide = c.Args.GetProperty("vector").EnumerateArray().Select(v => I64F64.FromDouble(v.GetDouble())).ToArray();
                VectorMath.Normalize(wide);
                var want64 = c.Expected.EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.All(wide.Zip(want64), p => Assert.InRange(p.First.ToDouble(), p.Second - 1e-4, p.Second + 1e-4));
                break;
            case "vecdiv":
                Assert.Equal(c.Expected.EnumerateArray().Select(e => e.GetInt64()), VectorMath.VecDiv(c.Vector("x"), c.Vector("y")).Select(v => v.Bits));
                break;
            case "I64F64 stake normalisation -> I32F32":
                StakeNormalisation(c);
                break;
            case "bonds_moving_average -> alpha":
                var alpha = (YumaHyperparameters.Default with { BondsMovingAverage = (ulong)c.Int("bonds_moving_average") }).BondsAlpha;
                Assert.Equal(new I32F32(429_496_730), alpha);
                Assert.Equal(I32F32.FromDouble(0.1), alpha);
                break;
            case "fixed_proportion_to_u16":
                Assert.Equal(c.Expected.GetUInt16(), I32F32.FromInt(c.Int("x")).ToU16Proportion());
                break;
            case "fixed64_to_fixed32":
                Assert.Equal("I32F32::max_value()", c.Expected.GetString());
                Assert.Equal(I32F32.MaxValue, I64F64.FromU64((ulong)c.Args.GetProperty("x").GetInt64()).ToI32F32());
                break;
            case "sigmoid_safe":
                Sigmoid(c);
                break;
            case "weighted_median":
                Median(c);
                break;
            default:
                MathMatrixCases.Run(c);
                break;
        }
    }

    private static ushort[] U16s(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetUInt16())];

    private static void StakeNormalisation(MathCase c)
    {
        var sum = I64F64.FromU64(c.Args.GetProperty("sum").GetUInt64());
        var values = c.Args.GetProperty("values").EnumerateArray().Select(v => I64F64.FromU64(v.GetUInt64()).SafeDiv(sum)).ToArray();
        Assert.Equal(c.Expected.GetProperty("I64F64").EnumerateArray().Select(e => I64F64.FromDouble(e.GetDouble())), values);
        Assert.Equal(c.Expected.GetProperty("I32F32").EnumerateArray().Select(e => I32F32.FromDouble(e.GetDouble())), values.Select(v => v.ToI32F32()));
    }

    private static void Sigmoid(MathCase c)
    {
        var inputLiteral = c.Literal.StartsWith("f32", StringComparison.Ordinal) ? "f32" : "f64";
        var parameterLiteral = c.Literal == "f32" ? "f32" : "f64";
        var (rho, kappa) = (c.Fixed(c.Args.GetProperty("rho"), parameterLiteral), c.Fixed(c.Args.GetProperty("kappa"), parameterLiteral));
        var actual = c.Vector("input", inputLiteral).Select(x => Exponential.SigmoidSafe(x, rho, kappa)).ToArray();
        c.AssertEqual(c.Vector(c.Expected, parameterLiteral), actual, "sigmoid_safe");
    }

    private static void Median(MathCase c)
    {
        var stake = c.Vector("stake");
        if (c.Args.GetProperty("stake_normalized_first").GetBoolean())
        {
            VectorMath.Normalize(stake);
        }
        Assert.Equal("1 - majority", c.Args.GetProperty("minority").GetString());
        Assert.Equal("sum(stake)", c.Args.GetProperty("partition_hi").GetString());
        var minority = I32F32.One - c.Fixed(c.Args.GetProperty("majority"));
        var partition = Enumerable.Range(0, stake.Length).ToArray();
        var median = WeightedMedian.Of(stake, c.Vector("score"), partition, minority, c.Fixed(c.Args.GetProperty("partition_lo")), VectorMath.Sum(stake));
        c.AssertEqual([c.Fixed(c.Expected)], [median], "weighted_median");
    }
}
