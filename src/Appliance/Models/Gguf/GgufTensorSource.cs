namespace Appliance.Models.Gguf;

/// <summary>
/// A tensor to write: its header entry and a callback that streams exactly its encoded bytes, so a model of
/// several gigabytes never has to be in memory at once.
/// </summary>
public sealed record GgufTensorSource(string Name, GgufTensorType Type, ulong[] Shape, Action<Stream> WriteData)
{
    public ulong ElementCount => GgufTensorInfo.Count(Shape);

    public ulong ByteSize => Type.ByteSize(ElementCount);
}
