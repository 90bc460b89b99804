namespace Appliance.Models.Gguf;

/// <summary>
/// A checked GGUF header: metadata in file order, tensor entries, and where the data section starts.
/// Tensor data stays on disk; <see cref="GgufReader.ReadTensor"/> fetches one tensor's bytes.
/// </summary>
public sealed record GgufFile(
    string Path,
    uint Version,
    OrderedDictionary<string, GgufValue> Metadata,
    IReadOnlyList<GgufTensorInfo> Tensors,
    ulong Alignment,
    ulong DataOffset,
    ulong Length)
{
    public string? Architecture => Metadata.GetValueOrDefault(GgufKeys.Architecture)?.Value as string;

    public ulong ParameterCount => Tensors.Aggregate(0UL, (sum, t) => checked(sum + t.ElementCount));

    public GgufValue Get(string key) => Metadata.GetValueOrDefault(key) ?? throw GgufErrors.MissingKey(key);

    public GgufTensorInfo Tensor(string name) => Tensors.FirstOrDefault(t => t.Name == name) ?? throw GgufErrors.MissingTensor(name);
}
