using System.Runtime.InteropServices;

namespace Appliance.Crypto.Native;

/// <summary>
/// Secret bytes in memory from sodium_malloc (guard pages, locked against swapping, zeroed on free).
/// </summary>
internal sealed class SecureMemoryHandle : SafeHandle
{
    private SecureMemoryHandle(int length) : base(IntPtr.Zero, ownsHandle: true)
    {
        Length = length;
    }

    public int Length { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static SecureMemoryHandle Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        SodiumLibrary.EnsureInitialized();
        var memory = new SecureMemoryHandle(length);
        var pointer = LibSodium.sodium_malloc((nuint)length);
        if (pointer == IntPtr.Zero)
        {
            throw new OutOfMemoryException($"sodium_malloc could not allocate {length} bytes of secure memory.");
        }
        memory.SetHandle(pointer);
        return memory;
    }

    /// <summary>The secret bytes; valid only while the handle is alive and not disposed.</summary>
    public unsafe Span<byte> Span
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return new Span<byte>((void*)handle, Length);
        }
    }

    protected override bool ReleaseHandle()
    {
        LibSodium.sodium_free(handle);
        return true;
    }
}
