using System.Text.Json;
using Appliance.Consensus;

namespace Appliance.Tests.Consensus;

/// <summary>The matrix cases of math.json, each run through the matching <see cref="SparseMath"/> helper.</summary>
public static class MathMatrixCases
{
    public static void Run(MathCase c)
    {
        var fn = c.Fn;
        var dense = !fn.Contains("sparse", StringComparison.Ordinal) || fn.StartsWith("inplace_mask_diag", StringComparison.Ordinal);
        switch (fn)
        {
            case "inplace_row_normalize" or "inplace_row_normalize_sparse":
                InPlace(c, dense, SparseMath.RowNormalize);
                break;
            case "inplace_col_normalize" or "inplace_col_normalize_sparse":
                InPlace(c, dense, SparseMath.ColumnNormalize);
                break;
            case "inplace_col_max_upscale" or "inplace_col_max_upscale_sparse":
                InPlace(c, dense, SparseMath.ColumnMaxUpscale);
                break;
            case "inplace_mask_diag_except_index / mask_diag_sparse_except_index":
                c.AssertEqual(Expected(c), SparseMath.MaskDiagonal(Input(c, dense), c.Int("except_index")), fn);
                break;
            case "vec_mask_sparse_matrix":
                var mask = c.Args.GetProperty("mask_fn").GetString() switch
                {
                    "a == b" => (Func<ulong, ulong, bool>)((a, b) => a == b),
                    "a < b" => (a, b) => a < b,
                    var other => throw new InvalidDataException($"unknown mask_fn '{other}'"),
                };
                c.AssertEqual(Expected(c), SparseMath.VecMask(Input(c, dense), U64s(c.Args.GetProperty("first_vector")), U64s(c.Args.GetProperty("second_vector")), mask), fn);
                break;
            case "matmul" or "matmul_sparse":
                c.AssertEqual(c.Vector(c.Expected), SparseMath.MatMul(Input(c, dense), c.Vector("vector")), fn);
                break;
            case "matmul_transpose" or "matmul_transpose_sparse":
                c.AssertEqual(c.Vector(c.Expected), SparseMath.MatMulTranspose(Input(c, dense), c.Vector("vector")), fn);
                break;
            case "row_sum_sparse":
                c.AssertEqual(c.Vector(c.Expected), SparseMath.RowSum(Input(c, dense)), fn);
                break;
            case "row_hadamard_sparse":
                c.AssertEqual(Expected(c), SparseMath.RowHadamard(Input(c, dense), c.Vector("vector")), fn);
                break;
            case "mat_vec_mul_sparse":
                c.AssertEqual(Expected(c), SparseMath.MatVecMul(Input(c, dense), c.Vector("vector")), fn);
                break;
            case "inplace_col_clip" or "col_clip_sparse":
                c.AssertEqual(Expected(c), SparseMath.ColumnClip(Input(c, dense), c.Vector("col_threshold")), fn);
                break;
            case "weighted_median_col" or "weighted_median_col_sparse":
                var weights = MathCase.Sparse(c.Matrix(c.Args.GetProperty("weights_row_major"), c.Int("rows"), false), dense, Columns(c));
                c.AssertEqual(c.Vector(c.Expected), WeightedMedian.Columns(c.Vector("stake"), weights, c.Fixed(c.Args.GetProperty("majority"))), fn);
                break;
            case "interpolate" or "interpolate_sparse":
                Interpolate(c, dense);
                break;
            case "mat_ema_alpha" or "mat_ema_alpha_sparse":
                EmaAlpha(c, dense);
                break;
            default:
                throw new InvalidDataException($"math.json case '{fn}' has no mapping");
        }
    }

    private static void InPlace(MathCase c, bool dense, Action<SparseMatrix> helper)
    {
        var matrix = Input(c, dense);
        helper(matrix);
        c.AssertEqual(Expected(c), matrix, c.Fn);
    }

    private static SparseMatrix Input(MathCase c, bool dense) => MathCase.Sparse(c.Matrix("matrix_row_major"), dense, Columns(c));

    /// <summary>The expected matrix is laid out like the input (same rows, transposed alike).</summary>
    private static I32F32[][] Expected(MathCase c) =>
        c.Matrix(c.Expected, c.Int("rows"), c.Args.TryGetProperty("transpose", out var t) && t.GetBoolean());

    private static int? Columns(MathCase c) => c.Args.TryGetProperty("columns", out var columns) ? columns.GetInt32() : null;

    private static ulong[] U64s(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetUInt64())];

    private static void Interpolate(MathCase c, bool dense)
    {
        var rows = c.Int("rows");
        var columns = Columns(c);
        var first = MathCase.Sparse(c.Matrix(c.Args.GetProperty("mat1_row_major"), rows, false), dense, columns);
        var second = MathCase.Sparse(c.Matrix(c.Args.GetProperty("mat2_row_major"), rows, false), dense, columns);
        var ratio = c.Fixed(c.Args.GetProperty("ratio"), "f64");
        c.AssertEqual(c.Matrix(c.Expected, rows, false), SparseMath.Interpolate(first, second, ratio), c.Fn);
    }

    private static void EmaAlpha(MathCase c, bool dense)
    {
        SparseMatrix next, old, expected;
        I32F32[][] alphas;
        if (c.Args.TryGetProperty("alpha_all", out var alphaAll))
        {
            var rows = c.Int("rows");
            var (nextDense, oldDense) = (c.Matrix(c.Args.GetProperty("new_row_major"), rows, false), c.Matrix(c.Args.GetProperty("old_row_major"), rows, false));
            (next, old) = (MathCase.Sparse(nextDense, dense), MathCase.Sparse(oldDense, dense));
            expected = MathCase.Sparse(c.Matrix(c.Expected, rows, false), dense);
            alphas = [.. nextDense.Select(row => row.Select(_ => c.Fixed(alphaAll)).ToArray())];
        }
        else if (dense)
        {
            var matrixLiteral = c.Literal.StartsWith("f32", StringComparison.Ordinal) ? "f32" : "f64";
            I32F32[][] Dense(JsonElement rows, string literal) => [.. rows.EnumerateArray().Select(r => c.Vector(r, literal))];
            (next, old) = (MathCase.Sparse(Dense(c.Args.GetProperty("new"), matrixLiteral), true), MathCase.Sparse(Dense(c.Args.GetProperty("old"), matrixLiteral), true));
            expected = MathCase.Sparse(Dense(c.Expected, matrixLiteral), true);
            alphas = Dense(c.Args.GetProperty("alpha"), "f64");
        }
        else
        {
            alphas = [.. c.Args.GetProperty("alpha").EnumerateArray().Select(r => c.Vector(r))];
            var columns = alphas.Max(a => a.Length);
            (next, old) = (c.Rows("new", columns), c.Rows("old", columns));
            expected = SparseMatrix.FromRows(c.Expected.EnumerateArray().Select(row => row.EnumerateArray().Select(e => new SparseEntry(e[0].GetUInt16(), c.Fixed(e[1])))), columns);
        }
        var width = alphas.Length == 0 ? 0 : alphas[0].Length;
        var result = SparseEma.WithAlphas(next, old, width, (i, row) => alphas[i].CopyTo(row));
        if (!dense)
        {
            MathCase.AssertSameCells(expected, result);
        }
        c.AssertEqual(expected.ToDense(), result, c.Fn);
    }
}
