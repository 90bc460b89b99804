using Appliance.Consensus;

namespace Appliance.Tests.Consensus;

/// <summary>The substrate_fixed rules of spec §1 that decide bit-exactness.</summary>
public sealed class FixedPointTests
{
    [Theory]
    [InlineData(-1L, 2147483648L, -1L)]
    [InlineData(1L, 2147483648L, 0L)]
    [InlineData(-3L, 6442450944L, -5L)]
    public void I32F32_Multiply_FloorsTheProduct(long a, long b, long expected) =>
        Assert.Equal(new I32F32(expected), new I32F32(a) * new I32F32(b));

    [Theory]
    [InlineData(1, 3, 1431655765L)]
    [InlineData(-1, 3, -1431655765L)]
    [InlineData(-2, 3, -2863311530L)]
    public void I32F32_Divide_TruncatesTowardZero(long a, long b, long expected) =>
        Assert.Equal(new I32F32(expected), I32F32.FromInt(a).SafeDiv(I32F32.FromInt(b)));

    [Fact]
    public void I32F32_SafeDiv_ZeroDivisorOrOverflow_IsZero()
    {
        Assert.Equal(I32F32.Zero, I32F32.One.SafeDiv(I32F32.Zero));
        Assert.Equal(I32F32.Zero, I32F32.MaxValue.SafeDiv(I32F32.FromDouble(0.5)));
        Assert.Equal(I32F32.MaxValue, I32F32.MaxValue / I32F32.FromDouble(0.5));
    }

    [Fact]
    public void I32F32_SaturatingOperators_ClampToTheRange()
    {
        Assert.Equal(I32F32.MaxValue, I32F32.MaxValue + I32F32.One);
        Assert.Equal(I32F32.MinValue, I32F32.MinValue - I32F32.One);
        Assert.Equal(I32F32.MaxValue, I32F32.MaxValue * I32F32.FromInt(2));
        Assert.Equal(I32F32.MinValue, I32F32.MaxValue * I32F32.FromInt(-2));
        Assert.Equal(I32F32.MaxValue, I32F32.MinValue * -I32F32.One);
    }

    [Theory]
    [InlineData(2.5, 3)]
    [InlineData(-2.5, -3)]
    [InlineData(2.4999, 2)]
    [InlineData(-0.5, -1)]
    public void I32F32_Round_HalfAwayFromZero(double value, long expected) =>
        Assert.Equal(I32F32.FromInt(expected), I32F32.FromDouble(value).Round());

    [Theory]
    [InlineData(1.0 / (1L << 33), 0L)]
    [InlineData(3.0 / (1L << 33), 2L)]
    [InlineData(5.0 / (1L << 33), 2L)]
    [InlineData(0.1, 429496730L)]
    public void I32F32_FromDouble_RoundsHalfToEven(double value, long expectedBits) =>
        Assert.Equal(expectedBits, I32F32.FromDouble(value).Bits);

    [Theory]
    [InlineData(0.5, 32767)]
    [InlineData(1.0, 65535)]
    [InlineData(-0.25, 0)]
    [InlineData(3.0, 65535)]
    public void I32F32_ToU16Proportion_FloorsAndClamps(double value, ushort expected) =>
        Assert.Equal(expected, I32F32.FromDouble(value).ToU16Proportion());

    [Fact]
    public void U16Proportion_ToFixed_Truncates()
    {
        Assert.Equal(I32F32.One, I32F32.FromU16Proportion(65535));
        Assert.Equal(65537L, I32F32.FromU16Proportion(1).Bits);
        Assert.Equal(2147450879L, I32F32.FromU16Proportion(32767).Bits);
    }

    [Theory]
    [InlineData(-1L, -1L)]
    [InlineData(4294967295L, 0L)]
    [InlineData(4294967296L, 1L)]
    public void I64F64_ToI32F32_DropsFractionBitsByFlooring(long bits64, long expectedBits32) =>
        Assert.Equal(new I32F32(expectedBits32), new I64F64(bits64).ToI32F32());

    [Fact]
    public void I64F64_TenEqualStakes_TruncateBelowOneTenth()
    {
        var stakes = Enumerable.Repeat(I64F64.FromU64(1_000), 10).ToArray();
        VectorMath.Normalize(stakes.AsSpan());
        Assert.Equal(429_496_729L, stakes[0].ToI32F32().Bits);
    }

    [Fact]
    public void I96F32_EmissionShare_FloorsRao()
    {
        var rao = I96F32.FromU64(1_000_000_000);
        Assert.Equal(500_000_000UL, (I96F32.FromI32F32(I32F32.FromDouble(0.5)) * rao).ToU64Saturating());
        Assert.Equal(99_999_999UL, (I96F32.FromI32F32(new I32F32(429_496_729)) * rao).ToU64Saturating());
        Assert.Equal(0UL, (I96F32.FromI32F32(I32F32.FromDouble(-0.5)) * rao).ToU64Saturating());
    }

    [Fact]
    public void Exp_SpecialInputs_FollowSubstrateFixed()
    {
        Assert.Equal(I32F32.One, Exponential.Exp(I32F32.Zero));
        Assert.Equal(new I32F32(22_802_600L << 9), Exponential.Exp(I32F32.One));
        Assert.Equal(20.0855369, Exponential.Exp(I32F32.FromInt(3))!.Value.ToDouble(), 6);
        Assert.Null(Exponential.Exp(I32F32.FromInt(30)));
        Assert.Equal(Exponential.ExpSafe(I32F32.FromInt(20)), Exponential.ExpSafe(I32F32.MaxValue));
        Assert.Equal(Exponential.ExpSafe(I32F32.FromInt(-20)), Exponential.ExpSafe(I32F32.MinValue));
    }
}
