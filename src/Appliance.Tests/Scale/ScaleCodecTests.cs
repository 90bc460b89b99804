using Appliance.Scale;
using Appliance.Tests.Support;

namespace Appliance.Tests.Scale;

/// <summary>Compact vectors from the SCALE specification (docs.substrate.io, parity-scale-codec tests).</summary>
public sealed class ScaleCodecTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "04")]
    [InlineData(42UL, "a8")]
    [InlineData(63UL, "fc")]
    [InlineData(64UL, "0101")]
    [InlineData(69UL, "1501")]
    [InlineData(16383UL, "fdff")]
    [InlineData(16384UL, "02000100")]
    [InlineData(1073741823UL, "feffffff")]
    [InlineData(1073741824UL, "0300000040")]
    [InlineData(1UL << 32, "070000000001")]
    [InlineData(ulong.MaxValue, "13ffffffffffffffff")]
    public void Compact_EncodesAndDecodesCanonically(ulong value, string hex)
    {
        Assert.Equal(hex, Hex.Of(new ScaleWriter().Compact(value).ToArray()));
        Assert.Equal(value, ScaleReader.DecodeAll(Hex.Bytes(hex), r => r.Compact()));
    }

    [Theory]
    [InlineData("0100", "NonCanonicalCompact")]
    [InlineData("02000000", "NonCanonicalCompact")]
    [InlineData("03ffffff3f", "NonCanonicalCompact")]
    [InlineData("070000000000", "NonCanonicalCompact")]
    [InlineData("17000000000000000001", "CompactOverflow")]
    [InlineData("01", "Truncated")]
    [InlineData("", "Truncated")]
    public void Compact_OverlongOrTruncated_Rejected(string hex, string code)
    {
        var error = Assert.Throws<ScaleFormatException>(() => ScaleReader.DecodeAll(Hex.Bytes(hex), r => r.Compact()));
        Assert.StartsWith(code + ":", error.Message);
    }

    [Fact]
    public void FixedIntegers_AreLittleEndian()
    {
        var bytes = new ScaleWriter().U8(1).U16(0x0203).U32(0x04050607).U64(0x08090a0b0c0d0e0f).Bool(true).ToArray();
        Assert.Equal("010302070605040f0e0d0c0b0a090801", Hex.Of(bytes));

        var reader = new ScaleReader(bytes);
        Assert.Equal((1, 0x0203, 0x04050607u, 0x08090a0b0c0d0e0fUL, true), (reader.U8(), reader.U16(), reader.U32(), reader.U64(), reader.Bool()));
        reader.End();
    }

    [Fact]
    public void VectorsOptionsAndStrings_RoundTrip()
    {
        var bytes = new ScaleWriter()
            .Vec(new ushort[] { 1, 2, 3 }, (w, v) => w.U16(v))
            .Option<uint>(7u, (w, v) => w.U32(v))
            .Option<uint>(null, (w, v) => w.U32(v))
            .String("Alice")
            .ToArray();

        Assert.Equal("0c010002000300" + "0107000000" + "00" + "14416c696365", Hex.Of(bytes));
        var reader = new ScaleReader(bytes);
        Assert.Equal(new ushort[] { 1, 2, 3 }, reader.Vec(r => r.U16(), 2));
        Assert.Equal(7u, reader.Option(r => r.U32()));
        Assert.Null(reader.Option(r => r.U32()));
        Assert.Equal("Alice", reader.String());
        reader.End();
    }

    [Theory]
    [InlineData("02", "InvalidBool")]
    public void Bool_OtherThanZeroOrOne_Rejected(string hex, string code)
    {
        var error = Assert.Throws<ScaleFormatException>(() => ScaleReader.DecodeAll(Hex.Bytes(hex), r => r.Bool()));
        Assert.StartsWith(code, error.Message);
    }

    [Fact]
    public void Option_UnknownTag_Rejected()
    {
        var error = Assert.Throws<ScaleFormatException>(() => ScaleReader.DecodeAll(Hex.Bytes("0207000000"), r => r.Option(x => x.U32())));
        Assert.StartsWith("InvalidOption", error.Message);
    }

    [Fact]
    public void DecodeAll_TrailingBytes_Rejected()
    {
        var error = Assert.Throws<ScaleFormatException>(() => ScaleReader.DecodeAll(Hex.Bytes("0400"), r => r.Compact()));
        Assert.StartsWith("TrailingBytes: 1 bytes left", error.Message);
    }

    [Fact]
    public void Vec_LengthBeyondInput_RejectedWithoutAllocating()
    {
        var error = Assert.Throws<ScaleFormatException>(() => ScaleReader.DecodeAll(Hex.Bytes("13ffffffffffffff7f00"), r => r.Bytes()));
        Assert.StartsWith("Truncated", error.Message);
    }
}
