namespace Appliance.Models.Gguf;

/// <summary>
/// One metadata value. Scalars are held as their .NET type (byte, sbyte, ushort, short, uint, int, float, bool,
/// string, ulong, long, double); an array as a typed .NET array of its element type (string[], float[] …),
/// with <see cref="ElementType"/> naming the element type (GGUF arrays do not nest).
/// </summary>
public sealed record GgufValue(GgufValueType Type, object Value, GgufValueType ElementType = GgufValueType.UInt8)
{
    public static GgufValue String(string value) => new(GgufValueType.String, value);
    public static GgufValue UInt32(uint value) => new(GgufValueType.UInt32, value);
    public static GgufValue Int32(int value) => new(GgufValueType.Int32, value);
    public static GgufValue Float32(float value) => new(GgufValueType.Float32, value);
    public static GgufValue Bool(bool value) => new(GgufValueType.Bool, value);
    public static GgufValue Array(string[] values) => new(GgufValueType.Array, values, GgufValueType.String);
    public static GgufValue Array(float[] values) => new(GgufValueType.Array, values, GgufValueType.Float32);
    public static GgufValue Array(int[] values) => new(GgufValueType.Array, values, GgufValueType.Int32);

    public bool IsArray => Type == GgufValueType.Array;

    public int ArrayLength => IsArray ? ((System.Array)Value).Length : throw Mismatch("an array");

    public string AsString() => Value as string ?? throw Mismatch("a string");

    public bool AsBool() => Value is bool b ? b : throw Mismatch("a bool");

    /// <summary>Any non-negative integer type, widened; general.alignment is UINT32 but counts are often other widths.</summary>
    public ulong AsUInt64() => Value switch
    {
        byte v => v,
        ushort v => v,
        uint v => v,
        ulong v => v,
        sbyte v when v >= 0 => (ulong)v,
        short v when v >= 0 => (ulong)v,
        int v when v >= 0 => (ulong)v,
        long v when v >= 0 => (ulong)v,
        _ => throw Mismatch("a non-negative integer"),
    };

    public double AsDouble() => Value switch
    {
        float v => v,
        double v => v,
        _ => throw Mismatch("a float"),
    };

    public T[] AsArray<T>() => Value as T[] ?? throw Mismatch($"an array of {typeof(T).Name}");

    /// <summary>Short text for tables: scalars as themselves, arrays as their element type and length.</summary>
    public override string ToString() => Value switch
    {
        _ when IsArray => $"[{ElementType.ToString().ToLowerInvariant()} × {ArrayLength}]",
        bool b => b ? "true" : "false",
        float f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    private InvalidDataException Mismatch(string expected) => GgufErrors.WrongValueType(this, expected);
}
