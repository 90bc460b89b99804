using System.Buffers.Binary;
using Appliance.Models;
using Appliance.Models.Gguf;
using Appliance.Tests.Support;

namespace Appliance.Tests.Models;

/// <summary>
/// Corrupt and truncated files are refused with an InvalidDataException whose message names the problem and
/// the file. The small files have no metadata and one F32 tensor "t" of 32 values, so the header layout is
/// fixed: counts at 8 and 16, then the tensor entry — name length 24, name 32, dimension count 33, dimension 37,
/// type 45, offset 49.
/// </summary>
public sealed class GgufReaderErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Read_FileCutInsideHeader_Truncated()
    {
        var bytes = OneTensor()[..12];

        var error = Refused(bytes);

        Assert.StartsWith("GgufTruncated: the file ends before the tensor count is complete. Expected 8 bytes at offset 8, but the file is 12 bytes long.", error);
    }

    [Fact]
    public void Read_EmptyFile_Truncated()
    {
        Assert.StartsWith("GgufTruncated: the file ends before the magic is complete", Refused([]));
    }

    [Fact]
    public void Read_TinyModelCutInsideTensorData_LastTensorOutOfBounds()
    {
        var made = ModelMaker.Make(ModelShape.Tiny, _dir.Combine("tiny.gguf"), seed: 1);
        var bytes = File.ReadAllBytes(made.Path);

        var error = Refused(bytes[..^100]);

        Assert.StartsWith("GgufTensorOutOfBounds: tensor 'output_norm.weight' runs past the end of the file.", error);
        Assert.Contains($"got {bytes.Length - 100}", error);
    }

    [Fact]
    public void Read_TinyModelCutInsideVocabulary_NamesTheArray()
    {
        var made = ModelMaker.Make(ModelShape.Tiny, _dir.Combine("tiny.gguf"), seed: 1);

        var error = Refused(File.ReadAllBytes(made.Path)[..5000]);

        Assert.Matches("^GgufTruncated: the file ends before (the length of )?element \\d+ of 'tokenizer.ggml.tokens' is complete", error);
    }

    [Fact]
    public void Read_WrongMagic_BadMagic()
    {
        var bytes = OneTensor();
        "GGML"u8.CopyTo(bytes);

        Assert.StartsWith("GgufBadMagic: not a GGUF file. Expected the magic bytes \"GGUF\" (47 47 55 46), got 47474D4C.", Refused(bytes));
    }

    [Theory]
    [InlineData(1u, "got 1.")]
    [InlineData(4u, "got 4.")]
    [InlineData(0x03000000u, "got 50331648 (a big-endian file?).")]
    public void Read_WrongVersion_UnsupportedVersion(uint version, string got)
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), version);

        Assert.StartsWith($"GgufUnsupportedVersion: unsupported GGUF version. Expected 2 or 3, {got}", Refused(bytes));
    }

    [Theory]
    [InlineData(8, "tensors")]
    [InlineData(16, "metadata key-values")]
    public void Read_AbsurdCount_BadCount(int at, string what)
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), ulong.MaxValue);

        Assert.StartsWith($"GgufBadCount: the header claims {ulong.MaxValue} {what}, more than the rest of the file can hold (corrupt or truncated).", Refused(bytes));
    }

    [Fact]
    public void Read_AbsurdStringLength_Truncated()
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24), 1UL << 62);

        Assert.StartsWith($"GgufTruncated: the file ends before the name of tensor 0 is complete. Expected {1UL << 62} bytes at offset 32", Refused(bytes));
    }

    [Fact]
    public void Read_UnknownValueType_BadValueType()
    {
        var bytes = File.ReadAllBytes(ModelMaker.Make(ModelShape.Tiny, _dir.Combine("tiny.gguf"), seed: 1).Path);
        // The first key-value: key length (8) and "general.architecture" (20 bytes), then its type.
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(24 + 8 + 20), 99);

        Assert.StartsWith("GgufBadValueType: metadata key 'general.architecture' has an unknown or unsupported value type. Expected 0–12 (arrays not nested), got 99.", Refused(bytes));
    }

    [Fact]
    public void Read_TensorOffsetPastEnd_OutOfBounds()
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(49), 1024);

        Assert.StartsWith("GgufTensorOutOfBounds: tensor 't' runs past the end of the file. Expected the file to be at least 1216 bytes, got 192.", Refused(bytes));
    }

    [Theory]
    [InlineData(49, ulong.MaxValue - 31)]
    [InlineData(37, 1UL << 62)]
    public void Read_OffsetOrShapeThatWouldWrapAround_OutOfBounds(int at, ulong value)
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(at), value);

        Assert.StartsWith("GgufTensorOutOfBounds: tensor 't' runs past the end of the file.", Refused(bytes));
    }

    [Fact]
    public void Read_MisalignedOffset_MisalignedTensor()
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(49), 4);

        Assert.StartsWith("GgufMisalignedTensor: tensor 't' starts at data offset 4. Expected a multiple of the alignment 32.", Refused(bytes));
    }

    [Theory]
    [InlineData(33, 5u, "GgufBadTensor: tensor 't' has 5 dimensions; expected at most 4.")]
    [InlineData(45, 77u, "GgufBadTensor: tensor 't' has unknown type 77.")]
    [InlineData(45, 12u, "GgufBadTensor: tensor 't' has rows of 32 values; type Q4_K needs a multiple of 256.")]
    public void Read_BadTensorEntry_BadTensor(int at, uint value, string expected)
    {
        var bytes = OneTensor();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(at), value);

        Assert.StartsWith(expected, Refused(bytes));
    }

    [Fact]
    public void Read_TwoTensorsSameBytes_UnexpectedTensorOffset()
    {
        var bytes = Write(Tensor("a"), Tensor("b"));
        // The second entry starts at 24 + 33 and its offset is its last 8 bytes.
        BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(24 + 33 + 25), 0);

        Assert.StartsWith("GgufUnexpectedTensorOffset: tensor 'b' starts at data offset 0. Expected 128: tensors follow one another in order, each padded to the alignment 32.", Refused(bytes));
    }

    [Fact]
    public void Read_DuplicateName_DuplicateTensor()
    {
        Assert.StartsWith("GgufDuplicateTensor: tensor 't' appears twice.", Refused(Write(Tensor("t"), Tensor("t"))));
    }

    [Fact]
    public void Read_Error_NamesTheFile()
    {
        var path = _dir.Combine("bad.gguf");
        File.WriteAllBytes(path, "nope"u8.ToArray());

        var error = Assert.Throws<InvalidDataException>(() => GgufReader.Read(path));

        Assert.EndsWith($"File: {path}", error.Message);
    }

    private string Refused(byte[] bytes)
    {
        var path = _dir.Combine($"{Guid.NewGuid():N}.gguf");
        File.WriteAllBytes(path, bytes);
        return Assert.Throws<InvalidDataException>(() => GgufReader.Read(path)).Message;
    }

    private static byte[] OneTensor() => Write(Tensor("t"));

    private static GgufTensorSource Tensor(string name) =>
        new(name, GgufTensorType.F32, [32], output => output.Write(new byte[128]));

    private static byte[] Write(params GgufTensorSource[] tensors)
    {
        using var memory = new MemoryStream();
        GgufWriter.Write(memory, [], tensors);
        return memory.ToArray();
    }
}
