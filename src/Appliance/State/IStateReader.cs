namespace Appliance.State;

/// <summary>Read access to the chain's key-value state: the committed database or an overlay on it.</summary>
public interface IStateReader
{
    byte[]? Get(byte[] key);

    /// <summary>Every entry whose key starts with <paramref name="prefix"/>, in key order.</summary>
    IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix);
}
