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
    private static readonly string[] Candidates = ["libsodium.so.23", "libsodium.so", "libsodium.dylib", "libsodium.dll"];
    private static readonly Lazy<IntPtr> Handle = new(Load);
    private static readonly Lazy<bool> Initialized = new(Initialize);

    static SodiumLibrary()
    {
        NativeLibraryResolver.Register(Name, () => Handle.Value);
    }

    public static void EnsureInitialized() => _ = Initialized.Value;

    public static string Version
    {
        get
        {
            EnsureInitialized();
            return Marshal.PtrToStringUTF8(LibSodium.sodium_version_string()) ?? "unknown";
        }
    }

    private static IntPtr Load()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out var handle))
            {
                return handle;
            }
        }
        throw new MissingNativeLibraryException(
            "libsodium.so.23 was not found: install the Debian package libsodium23 (apt-get install libsodium23).");
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
