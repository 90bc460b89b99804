using System.Globalization;
using System.Text.Json;
using Appliance.Consensus;

namespace Appliance.Tests.Consensus;

/// <summary>
/// One case of Vectors/math.json: its numbers turned into fixed point the way its
/// <c>literal</c> says (f32 literals through float32, f64 through float64, both rounded to nearest;
/// "MAX"/"MIN" the I32F32 extremes), and its <c>compare</c> rule (exact bits or an absolute tolerance).
/// </summary>
public sealed class MathCase(JsonElement json)
{
    public string Fn { get; } = json.GetProperty("fn").GetString()!;
    public string Literal { get; } = json.GetProperty("literal").GetString()!;
    public JsonElement Args { get; } = json.GetProperty("args");
    public JsonElement Expected { get; } = json.GetProperty("expected");
    public JsonElement Compare { get; } = json.GetProperty("compare");

    public int Int(string name) => Args.GetProperty(name).GetInt32();

    /// <summary>A number of this case, converted per its literal (or the one given).</summary>
    public I32F32 Fixed(JsonElement value, string? literal = null)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString() switch
            {
                "MAX" => I32F32.MaxValue,
                "MIN" => I32F32.MinValue,
                var other => throw new InvalidDataException($"unknown literal '{other}'"),
            };
        }
        var kind = literal ?? Literal;
        return kind.StartsWith("f32", StringComparison.Ordinal) ? I32F32.FromDouble(float.Parse(value.GetRawText(), CultureInfo.InvariantCulture))
            : kind.StartsWith("f64", StringComparison.Ordinal) ? I32F32.FromDouble(double.Parse(value.GetRawText(), CultureInfo.InvariantCulture))
            : I32F32.FromInt(value.GetInt64());
    }

    public I32F32[] Vector(JsonElement values, string? literal = null) => [.. values.EnumerateArray().Select(v => Fixed(v, literal))];

    public I32F32[] Vector(string name, string? literal = null) => Vector(Args.GetProperty(name), literal);

    /// <summary>A row-major list reshaped to <paramref name="rows"/> rows; transposed, row c holds column c.</summary>
    public I32F32[][] Matrix(JsonElement rowMajor, int rows, bool transpose, string? literal = null)
    {
        var flat = Vector(rowMajor, literal);
        var columns = flat.Length / rows;
        return transpose
            ? [.. Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Select(r => flat[r * columns + c]).ToArray())]
            : [.. Enumerable.Range(0, rows).Select(r => flat[(r * columns)..((r + 1) * columns)])];
    }

    public I32F32[][] Matrix(string name, string? literal = null) =>
        Matrix(Args.GetProperty(name), Int("rows"), Args.TryGetProperty("transpose", out var t) && t.GetBoolean(), literal);

    /// <summary>As the Rust tests build them: every cell (dense helpers) or only cells &gt; 0 (sparse helpers).</summary>
    public static SparseMatrix Sparse(I32F32[][] dense, bool keepZeros, int? columns = null) =>
        SparseMatrix.FromDense(dense, columns ?? (dense.Length == 0 ? 0 : dense[0].Length), keepZeros);

    /// <summary>[[[j, v], …], …] rows as written in the case.</summary>
    public SparseMatrix Rows(string name, int columns, string? literal = null) => SparseMatrix.FromRows(
        Args.GetProperty(name).EnumerateArray().Select(row => row.EnumerateArray().Select(e => new SparseEntry(e[0].GetUInt16(), Fixed(e[1], literal)))),
        columns);

    public void AssertEqual(IReadOnlyList<I32F32> expected, IReadOnlyList<I32F32> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} values, expected {expected.Count}");
        var tolerance = Compare.ValueKind == JsonValueKind.Object ? I32F32.FromDouble(Compare.GetProperty("abs").GetDouble()) : I32F32.Zero;
        for (var k = 0; k < expected.Count; k++)
        {
            var difference = expected[k] - actual[k];
            Assert.True(I32F32.Max(difference, -difference) <= tolerance,
                $"{what}[{k}] = {actual[k]} (bits {actual[k].Bits}), expected {expected[k]} (bits {expected[k].Bits}) within {tolerance}");
        }
    }

    public void AssertEqual(I32F32[][] expected, SparseMatrix actual, string what) =>
        AssertEqual(expected.SelectMany(r => r).ToList(), actual.ToDense().SelectMany(r => r).ToList(), what);

    /// <summary>The "same sparse entries" rule: the result holds exactly the cells the expected matrix has above 0.</summary>
    public static void AssertSameCells(SparseMatrix expected, SparseMatrix actual)
    {
        for (var i = 0; i < expected.Rows; i++)
        {
            var want = expected.Row(i).ToArray().Where(e => e.Value.Bits > 0).Select(e => (int)e.Column).Order();
            var got = actual.Row(i).ToArray().Select(e => (int)e.Column).Order();
            Assert.True(want.SequenceEqual(got), $"row {i}: cells [{string.Join(",", got)}], expected [{string.Join(",", want)}]");
        }
    }
}
