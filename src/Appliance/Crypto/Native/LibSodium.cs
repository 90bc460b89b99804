using System.Runtime.InteropServices;

namespace Appliance.Crypto.Native;

/// <summary>libsodium's C functions, named and grouped as in its headers (sodium/*.h).</summary>
internal static partial class LibSodium
{
    // core.h
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int sodium_init();

    // utils.h
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial IntPtr sodium_malloc(nuint size);

    [LibraryImport(SodiumLibrary.Name)]
    internal static partial void sodium_free(IntPtr ptr);

    // randombytes.h
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial void randombytes_buf(ref byte buf, nuint size);

    // crypto_sign_ed25519.h
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_sign_ed25519_seed_keypair(ref byte pk, ref byte sk, in byte seed);

    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_sign_ed25519_detached(
        ref byte sig, out ulong siglen, in byte m, ulong mlen, in byte sk);

    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_sign_ed25519_verify_detached(in byte sig, in byte m, ulong mlen, in byte pk);

    // crypto_generichash_blake2b.h
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_generichash_blake2b(
        ref byte @out, nuint outlen, in byte @in, ulong inlen, in byte key, nuint keylen);

    // crypto_secretbox_xsalsa20poly1305.h (crypto_secretbox's default construction)
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_secretbox_easy(ref byte c, in byte m, ulong mlen, in byte n, in byte k);

    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_secretbox_open_easy(ref byte m, in byte c, ulong clen, in byte n, in byte k);

    // crypto_pwhash_argon2id.h
    [LibraryImport(SodiumLibrary.Name)]
    internal static partial int crypto_pwhash_argon2id(
        ref byte @out, ulong outlen, in byte passwd, ulong passwdlen, in byte salt,
        ulong opslimit, nuint memlimit, int alg);
}
