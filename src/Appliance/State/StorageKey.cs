using System.Text;

namespace Appliance.State;

/// <summary>
/// Storage keys are "Module.Item/" in ASCII followed by the SCALE-encoded map key, so the state table reads
/// naturally in a SQLite browser (Substrate hashes the names with twox128 instead).
/// </summary>
public static class StorageKey
{
    public static byte[] Prefix(string module, string item) => Encoding.ASCII.GetBytes($"{module}.{item}/");

    public static byte[] Of(byte[] prefix, ReadOnlySpan<byte> key) => [.. prefix, .. key];
}
