using System.Runtime.InteropServices;

namespace Appliance.Crypto.Native;

/// <summary>
/// The libsodium functions NSec does not wrap, named as in its headers. "libsodium" resolves through the
/// deps.json to the copy the libsodium NuGet package (NSec's dependency) puts beside the app.
/// </summary>
internal static partial class LibSodium
{
    private const string Name = "libsodium";

    // core.h
    [LibraryImport(Name)]
    internal static partial int sodium_init();

    // crypto_secretbox.h (XSalsa20-Poly1305, the default construction)
    [LibraryImport(Name)]
    internal static partial int crypto_secretbox_easy(ref byte c, in byte m, ulong mlen, in byte n, in byte k);

    [LibraryImport(Name)]
    internal static partial int crypto_secretbox_open_easy(ref byte m, in byte c, ulong clen, in byte n, in byte k);
}
