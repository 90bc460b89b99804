using Appliance.Models.Gguf;
using Appliance.Tests.Support;

namespace Appliance.Tests.Models;

/// <summary>F16 and Q8_0 bytes against values worked out by hand from IEEE 754 binary16 and ggml's quantize_row_q8_0_ref.</summary>
public sealed class TensorEncodingTests
{
    [Theory]
    [InlineData(1f, "003c")]
    [InlineData(-2f, "00c0")]
    [InlineData(0.5f, "0038")]
    [InlineData(1f / 3, "5535")]
    [InlineData(65504f, "ff7b")]
    [InlineData(70000f, "007c")]
    [InlineData(1e-8f, "0000")]
    public void F16_Encode_IsBinary16RoundedToNearestEven(float value, string hex)
    {
        var bytes = new byte[2];
        Assert.Equal(2, TensorEncoding.Encode(GgufTensorType.F16, [value], bytes));
        Assert.Equal(hex, Hex.Of(bytes));
    }

    [Fact]
    public void Q8_0_Encode_ScaleIsMaxOver127AndQuantsRoundHalfAwayFromZero()
    {
        // x = j - 16: max|x| = 16, d = 16/127 = 0.125984… whose nearest binary16 is 0x3008 (0.1259765625);
        // quants are round(x * 127/16) with the unrounded d: j=0 → -127, j=8 → -63.5 → -64, j=31 → 119.0625 → 119.
        var values = Enumerable.Range(0, 32).Select(j => j - 16f).ToArray();
        var bytes = new byte[34];

        Assert.Equal(34, TensorEncoding.Encode(GgufTensorType.Q8_0, values, bytes));

        Assert.Equal("0830", Hex.Of(bytes[..2]));
        var quants = bytes[2..].Select(b => unchecked((sbyte)b)).ToArray();
        Assert.Equal([-127, -64, -8, 0, 8, 64, 119], new[] { 0, 8, 15, 16, 17, 24, 31 }.Select(j => (int)quants[j]));
        var decoded = TensorEncoding.Decode(GgufTensorType.Q8_0, bytes);
        Assert.Equal(-127 * 0.1259765625f, decoded[0]);
        Assert.Equal(0f, decoded[16]);
    }

    [Fact]
    public void Q8_0_Encode_AllZeroBlock_ZeroScaleAndZeroQuants()
    {
        var bytes = new byte[34];
        Array.Fill(bytes, (byte)0xAA);

        TensorEncoding.Encode(GgufTensorType.Q8_0, new float[32], bytes);

        Assert.All(bytes, b => Assert.Equal(0, b));
    }

    [Fact]
    public void Q8_0_Encode_PartialBlock_Refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TensorEncoding.Encode(GgufTensorType.Q8_0, new float[40], new byte[68]));
        Assert.Contains("whole blocks of 32", error.Message);
    }

    [Fact]
    public void F32AndF16_RoundTrip()
    {
        float[] values = [0f, 1.5f, -0.25f, 1024f];
        var f32 = new byte[16];
        var f16 = new byte[8];
        TensorEncoding.Encode(GgufTensorType.F32, values, f32);
        TensorEncoding.Encode(GgufTensorType.F16, values, f16);
        Assert.Equal(values, TensorEncoding.Decode(GgufTensorType.F32, f32));
        Assert.Equal(values, TensorEncoding.Decode(GgufTensorType.F16, f16));
    }
}
