using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.System;

/// <summary>
/// frame_system's AccountInfo reduced to what this chain uses: the nonce and the free balance. Unlike
/// Substrate, a reaped account keeps its nonce, because our extrinsics are immortal and a reset nonce would
/// let old ones replay.
/// </summary>
public readonly record struct AccountInfo(ulong Nonce, Rao Free) : IScaleCodec<AccountInfo>
{
    public static AccountInfo Empty => new(0, Rao.Zero);

    public static AccountInfo Read(ScaleReader reader) => new(reader.U64(), Rao.Read(reader));

    public void Write(ScaleWriter writer)
    {
        writer.U64(Nonce);
        Free.Write(writer);
    }
}
