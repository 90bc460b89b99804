using System.Globalization;
using Appliance.Scale;

namespace Appliance.Primitives;

/// <summary>An amount in rao (1 TAO = 10^9 rao) with checked arithmetic: money never wraps.</summary>
public readonly record struct Rao(ulong Value) : IComparable<Rao>, IScaleCodec<Rao>
{
    public const ulong PerTao = 1_000_000_000;

    public static Rao Zero => new(0);

    public static Rao FromTao(decimal tao)
    {
        if (tao < 0 || tao > (decimal)ulong.MaxValue / PerTao || tao * PerTao != decimal.Truncate(tao * PerTao))
        {
            throw new FormatException($"InvalidAmount: {tao} TAO is not a non-negative amount with at most 9 decimals, below 18446744073.709551615.");
        }
        return new Rao((ulong)(tao * PerTao));
    }

    /// <summary>Parses a TAO amount as written on a command line ("1.5").</summary>
    public static Rao ParseTao(string text) =>
        decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var tao)
            ? FromTao(tao)
            : throw new FormatException($"InvalidAmount: '{text}' is not a TAO amount like 1.5.");

    public static Rao Read(ScaleReader reader) => new(reader.U64());

    public void Write(ScaleWriter writer) => writer.U64(Value);

    public decimal Tao => (decimal)Value / PerTao;

    public static Rao operator +(Rao a, Rao b) => new(checked(a.Value + b.Value));

    public static Rao operator -(Rao a, Rao b) => new(checked(a.Value - b.Value));

    public static bool operator <(Rao a, Rao b) => a.Value < b.Value;

    public static bool operator >(Rao a, Rao b) => a.Value > b.Value;

    public static bool operator <=(Rao a, Rao b) => a.Value <= b.Value;

    public static bool operator >=(Rao a, Rao b) => a.Value >= b.Value;

    public int CompareTo(Rao other) => Value.CompareTo(other.Value);

    public override string ToString() => $"{Tao.ToString("0.000000000", CultureInfo.InvariantCulture)} TAO";
}
