using System.Numerics;

namespace Appliance.Consensus;

/// <summary>Unsigned 128-bit fixed-point products and quotients through 256 bits: floored, truncated, saturated.</summary>
internal static class UnsignedFixed
{
    private static readonly BigInteger Max = (BigInteger)UInt128.MaxValue;

    public static UInt128 Multiply(UInt128 a, UInt128 b, int shift)
    {
        var product = ((BigInteger)a * b) >> shift;
        return product > Max ? UInt128.MaxValue : (UInt128)product;
    }

    public static UInt128? Divide(UInt128 a, UInt128 b, int shift)
    {
        if (b == 0)
        {
            return null;
        }
        var quotient = ((BigInteger)a << shift) / b;
        return quotient > Max ? null : (UInt128)quotient;
    }
}
