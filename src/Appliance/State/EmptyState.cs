namespace Appliance.State;

/// <summary>The state before genesis: nothing.</summary>
public sealed class EmptyState : IStateReader
{
    public static EmptyState Instance { get; } = new();

    public byte[]? Get(byte[] key) => null;

    public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => [];
}
