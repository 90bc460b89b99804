namespace Appliance.Mempool;

/// <summary>Bounds of the transaction pool.</summary>
public sealed record MempoolOptions
{
    public int MaxCount { get; init; } = 8192;

    public long MaxBytes { get; init; } = 16 * 1024 * 1024;

    public int MaxExtrinsicBytes { get; init; } = 64 * 1024;

    /// <summary>How far past the account's nonce a future extrinsic may be queued.</summary>
    public int FutureNonceWindow { get; init; } = 16;

    /// <summary>Blocks a future extrinsic may wait for the nonces before it; then it is dropped, so parked ones cannot fill the pool.</summary>
    public ulong FutureLifetimeBlocks { get; init; } = 64;
}
