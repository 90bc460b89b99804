using System.Numerics;
using System.Runtime.CompilerServices;

namespace Appliance.Consensus;

/// <summary>
/// <see cref="I32F32.SafeDiv"/> by one divisor for many dividends (a row or column normalised by its sum):
/// the 64-bit quotient of <see cref="I32F32"/>'s fast path is taken by a multiply with a precomputed
/// reciprocal instead of a hardware division. The reciprocal is libdivide's unsigned 64-bit one
/// (Granlund and Montgomery, "Division by invariant integers using multiplication", 1994), exact for every
/// 64-bit dividend; dividends outside the fast path go through <see cref="I32F32.SafeDiv"/> itself.
/// </summary>
public readonly struct I32F32Divisor
{
    private readonly I32F32 _divisor;
    private readonly int _dividendShift;
    private readonly ulong _magic;
    private readonly int _quotientShift;
    private readonly bool _addMarker;

    public I32F32Divisor(I32F32 divisor)
    {
        _divisor = divisor;
        if (divisor.IsZero)
        {
            return;
        }
        // As I32F32.Divide: the divisor's trailing zero bits (up to 32) cancel against the 32-bit shift.
        var magnitude = divisor.Bits < 0 ? unchecked((ulong)-divisor.Bits) : (ulong)divisor.Bits;
        var cancelled = Math.Min(BitOperations.TrailingZeroCount(magnitude), I32F32.FractionBits);
        _dividendShift = I32F32.FractionBits - cancelled;
        var reduced = magnitude >> cancelled;
        var log2 = BitOperations.Log2(reduced);
        _quotientShift = log2;
        if (BitOperations.IsPow2(reduced))
        {
            return;
        }
        var power = (UInt128)1 << (64 + log2);
        var magic = (ulong)(power / reduced);
        var remainder = (ulong)(power % reduced);
        if (reduced - remainder >= 1UL << log2)
        {
            // The 65-bit reciprocal: its top bit is restored by the add step in Divide.
            unchecked
            {
                var twiceRemainder = remainder + remainder;
                magic += magic + (twiceRemainder >= reduced || twiceRemainder < remainder ? 1UL : 0UL);
            }
            _addMarker = true;
        }
        _magic = unchecked(magic + 1);
    }

    /// <summary>Equal to <c>value.SafeDiv(divisor)</c>.</summary>
    public I32F32 SafeDivide(I32F32 value)
    {
        var bits = value.Bits;
        var magnitude = bits < 0 ? unchecked((ulong)-bits) : (ulong)bits;
        if (_divisor.IsZero || BitOperations.LeadingZeroCount(magnitude) < _dividendShift)
        {
            return Outside(value);
        }
        var quotient = Divide(magnitude << _dividendShift);
        if ((bits ^ _divisor.Bits) < 0)
        {
            return quotient <= 1UL << 63 ? new I32F32(unchecked(-(long)quotient)) : I32F32.Zero;
        }
        return quotient <= long.MaxValue ? new I32F32((long)quotient) : I32F32.Zero;
    }

    /// <summary>Kept out of line so that the loops calling <see cref="SafeDivide"/> stay small.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private I32F32 Outside(I32F32 value) => value.SafeDiv(_divisor);

    private ulong Divide(ulong dividend)
    {
        if (_magic == 0)
        {
            return dividend >> _quotientShift;
        }
        var high = Math.BigMul(_magic, dividend, out _);
        return _addMarker ? (((dividend - high) >> 1) + high) >> _quotientShift : high >> _quotientShift;
    }
}
