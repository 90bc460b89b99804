using System.Runtime.InteropServices;
using Appliance.Native;

namespace Appliance.Crypto.Native;

/// <summary>
/// Loads libsodium (Debian's libsodium23) once and runs sodium_init. Every facade in Crypto/ calls
/// <see cref="EnsureInitialized"/> first, so a missing library surfaces as one sentence, not a
/// DllNotFoundException from deep inside.
/// </summary>
internal static class SodiumLibrary
{
    internal const string Name = "libsodium";
    internal const string MissingMessage =
        "libsodium.so.23 could not be loaded: install the Debian package libsodium23 (apt-get install libsodium23).";
    private static readonly Lazy<IntPtr> Handle = new(() => Load(["libsodium.so.23", "libsodium.so"]));
    private static readonly Lazy<bool> Initialized = new(Initialize);

    static SodiumLibrary()
    {
        NativeLibraryResolver.Register(Name, () => Handle.Value);
    }

    public static void EnsureInitialized() => _ = Initialized.Value;

    /// <summary>The first of <paramref name="candidates"/> that loads; none is one sentence naming the package.</summary>
    internal static IntPtr Load(IEnumerable<string> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        throw new MissingNativeLibraryException(MissingMessage);
    }

    private static bool Initialize()
    {
        _ = Handle.Value;
        if (LibSodium.sodium_init() < 0)
        {
            throw new InvalidOperationException("sodium_init failed: libsodium could not initialise.");
        }
        return true;
    }
}
