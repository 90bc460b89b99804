using System.Net;
using Appliance.Scale;

namespace Appliance.Runtime.Serving;

/// <summary>subtensor's AxonInfo: where a neuron serves, as it announced with serve_axon.</summary>
public readonly record struct AxonInfo(ulong Block, uint Version, UInt128 Ip, ushort Port, byte IpType, byte Protocol) : IScaleCodec<AxonInfo>
{
    public static AxonInfo Read(ScaleReader r) => new(r.U64(), r.U32(), ReadU128(r), r.U16(), r.U8(), r.U8());

    public void Write(ScaleWriter w) => w.U64(Block).U32(Version).U64((ulong)(Ip & ulong.MaxValue)).U64((ulong)(Ip >> 64)).U16(Port).U8(IpType).U8(Protocol);

    /// <summary>The address as text: dotted IPv4 or IPv6.</summary>
    public string IpText => IpType == 4
        ? new IPAddress(BitConverter.GetBytes((uint)Ip).Reverse().ToArray()).ToString()
        : new IPAddress(ToBigEndian(Ip)).ToString();

    /// <summary>An address as serve_axon carries it: its bytes as one big-endian number (subtensor's ip: u128).</summary>
    public static UInt128 IpNumber(IPAddress address) =>
        address.GetAddressBytes().Aggregate(UInt128.Zero, (value, b) => (value << 8) | b);

    private static UInt128 ReadU128(ScaleReader r)
    {
        var low = r.U64();
        return ((UInt128)r.U64() << 64) | low;
    }

    private static byte[] ToBigEndian(UInt128 value)
    {
        var bytes = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            bytes[15 - i] = (byte)((value >> (8 * i)) & 0xFF);
        }
        return bytes;
    }
}
