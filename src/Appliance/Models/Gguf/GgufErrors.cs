namespace Appliance.Models.Gguf;

/// <summary>
/// Every problem a GGUF file can have, as <see cref="InvalidDataException"/>s whose message starts with a code
/// and says what was expected, so a bad model file is one clear line rather than a crash inside llama.cpp.
/// </summary>
public static class GgufErrors
{
    public static InvalidDataException Truncated(ulong position, ulong needed, ulong length, string what) =>
        new($"GgufTruncated: the file ends before {what} is complete. Expected {needed} bytes at offset {position}, but the file is {length} bytes long.");

    public static InvalidDataException BadMagic(ReadOnlySpan<byte> magic) =>
        new($"GgufBadMagic: not a GGUF file. Expected the magic bytes \"GGUF\" (47 47 55 46), got {Convert.ToHexString(magic)}.");

    public static InvalidDataException UnsupportedVersion(uint version) =>
        new($"GgufUnsupportedVersion: unsupported GGUF version. Expected 2 or 3, got {version}{(version > 0xFFFF ? " (a big-endian file?)" : "")}.");

    public static InvalidDataException BadCount(string what, ulong count, ulong atMost) =>
        new($"GgufBadCount: the header claims {count} {what}, more than the rest of the file can hold (corrupt or truncated). Expected at most {atMost}.");

    public static InvalidDataException BadValueType(string key, uint type) =>
        new($"GgufBadValueType: metadata key '{key}' has an unknown or unsupported value type. Expected 0–12 (arrays not nested), got {type}.");

    public static InvalidDataException DuplicateKey(string key) =>
        new($"GgufDuplicateKey: metadata key '{key}' appears twice. Expected each key once.");

    public static InvalidDataException BadAlignment(GgufValue value) =>
        new($"GgufBadAlignment: general.alignment must be a UINT32 power of two. Got {value.Type} {value}.");

    public static InvalidDataException BadTensor(string name, string problem) =>
        new($"GgufBadTensor: tensor '{name}' {problem}.");

    public static InvalidDataException DuplicateTensor(string name) =>
        new($"GgufDuplicateTensor: tensor '{name}' appears twice. Expected each tensor name once.");

    public static InvalidDataException MisalignedTensor(string name, ulong offset, ulong alignment) =>
        new($"GgufMisalignedTensor: tensor '{name}' starts at data offset {offset}. Expected a multiple of the alignment {alignment}.");

    public static InvalidDataException TensorOutOfBounds(string name, UInt128 end, ulong length) =>
        new($"GgufTensorOutOfBounds: tensor '{name}' runs past the end of the file. Expected the file to be at least {end} bytes, got {length}.");

    public static InvalidDataException UnexpectedTensorOffset(string name, ulong offset, ulong expected, ulong alignment) =>
        new($"GgufUnexpectedTensorOffset: tensor '{name}' starts at data offset {offset}. Expected {expected}: tensors follow one another in order, each padded to the alignment {alignment}.");

    public static InvalidDataException MissingKey(string key) =>
        new($"GgufMissingKey: the metadata has no '{key}'.");

    public static InvalidDataException MissingTensor(string name) =>
        new($"GgufMissingTensor: the file has no tensor '{name}'.");

    public static InvalidDataException WrongValueType(GgufValue value, string expected) =>
        new($"GgufWrongValueType: expected {expected}, got {value.Type}{(value.IsArray ? $" of {value.ElementType}" : "")}.");
}
