namespace Appliance.Consensus;

/// <summary>
/// The sparse matrix helpers of subtensor's epoch/math.rs, named after them without the <c>_sparse</c>
/// suffix. Sums saturate except the row sums that normalise (plain <c>sum()</c>, wrapping); products
/// floor; divisions are safe_div. Dense cases are the same helpers on rows that list every cell.
/// </summary>
public static class SparseMath
{
    /// <summary>inplace_row_normalize_sparse: each row whose sum is &gt; 0 is divided by it.</summary>
    public static void RowNormalize(SparseMatrix matrix)
    {
        for (var i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.MutableRow(i);
            var sum = I32F32.Zero;
            foreach (var entry in row)
            {
                sum = sum.WrappingAdd(entry.Value);
            }
            if (sum.Bits > 0)
            {
                var divisor = new I32F32Divisor(sum);
                foreach (ref var entry in row)
                {
                    entry = entry with { Value = divisor.SafeDivide(entry.Value) };
                }
            }
        }
    }

    /// <summary>inplace_col_normalize_sparse: each cell divided by its column's sum, where that sum is not 0.</summary>
    public static void ColumnNormalize(SparseMatrix matrix) => DivideColumns(matrix, ColumnSums(matrix));

    /// <summary>inplace_col_max_upscale_sparse: each cell divided by its column's maximum, where that is not 0.</summary>
    public static void ColumnMaxUpscale(SparseMatrix matrix)
    {
        var max = new I32F32[matrix.Columns];
        for (var i = 0; i < matrix.Rows; i++)
        {
            foreach (var entry in matrix.Row(i))
            {
                max[entry.Column] = I32F32.Max(max[entry.Column], entry.Value);
            }
        }
        DivideColumns(matrix, max);
    }

    private static I32F32[] ColumnSums(SparseMatrix matrix)
    {
        var sums = new I32F32[matrix.Columns];
        for (var i = 0; i < matrix.Rows; i++)
        {
            foreach (var entry in matrix.Row(i))
            {
                sums[entry.Column] += entry.Value;
            }
        }
        return sums;
    }

    /// <summary>mask_rows_sparse: rows where the mask is true become empty.</summary>
    public static SparseMatrix MaskRows(SparseMatrix matrix, IReadOnlyList<bool> mask) => Filter(matrix, (i, _) => !mask[i]);

    /// <summary>mask_diag_sparse(_except_index): drops every (i, i) cell except at <paramref name="exceptIndex"/>.</summary>
    public static SparseMatrix MaskDiagonal(SparseMatrix matrix, int? exceptIndex) =>
        Filter(matrix, (i, j) => i != j || i == exceptIndex);

    /// <summary>vec_mask_sparse_matrix: drops cell (i, j) where mask(first[i], second[j]).</summary>
    public static SparseMatrix VecMask(SparseMatrix matrix, IReadOnlyList<ulong> first, IReadOnlyList<ulong> second, Func<ulong, ulong, bool> mask) =>
        Filter(matrix, (i, j) => !mask(first[i], second[j]));

    /// <summary>matmul_sparse: result_j = Σ_i vector_i·m_ij.</summary>
    public static I32F32[] MatMul(SparseMatrix matrix, ReadOnlySpan<I32F32> vector)
    {
        var result = new I32F32[matrix.Columns];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var factor = vector[i];
            foreach (var entry in matrix.Row(i))
            {
                result[entry.Column] += factor * entry.Value;
            }
        }
        return result;
    }

    /// <summary>matmul_transpose_sparse: result_i = Σ_j vector_j·m_ij.</summary>
    public static I32F32[] MatMulTranspose(SparseMatrix matrix, ReadOnlySpan<I32F32> vector)
    {
        var result = new I32F32[matrix.Rows];
        for (var i = 0; i < matrix.Rows; i++)
        {
            foreach (var entry in matrix.Row(i))
            {
                result[i] += vector[entry.Column] * entry.Value;
            }
        }
        return result;
    }

    /// <summary>row_sum_sparse (a plain, wrapping sum per row).</summary>
    public static I32F32[] RowSum(SparseMatrix matrix)
    {
        var result = new I32F32[matrix.Rows];
        for (var i = 0; i < matrix.Rows; i++)
        {
            var sum = I32F32.Zero;
            foreach (var entry in matrix.Row(i))
            {
                sum = sum.WrappingAdd(entry.Value);
            }
            result[i] = sum;
        }
        return result;
    }

    /// <summary>row_hadamard_sparse: m_ij·vector_i, every cell kept.</summary>
    public static SparseMatrix RowHadamard(SparseMatrix matrix, ReadOnlySpan<I32F32> vector)
    {
        var result = matrix.Copy();
        for (var i = 0; i < result.Rows; i++)
        {
            foreach (ref var entry in result.MutableRow(i))
            {
                entry = entry with { Value = entry.Value * vector[i] };
            }
        }
        return result;
    }

    /// <summary>mat_vec_mul_sparse: m_ij·vector_j, products equal to 0 dropped.</summary>
    public static SparseMatrix MatVecMul(SparseMatrix matrix, ReadOnlySpan<I32F32> vector)
    {
        var builder = new SparseMatrixBuilder(matrix.Columns, matrix.Count);
        for (var i = 0; i < matrix.Rows; i++)
        {
            foreach (var entry in matrix.Row(i))
            {
                if (entry.Column < vector.Length && entry.Value * vector[entry.Column] is { IsZero: false } product)
                {
                    builder.Add(entry.Column, product);
                }
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    /// <summary>col_clip_sparse: cells above their column's threshold become the threshold, or are dropped when it is 0.</summary>
    public static SparseMatrix ColumnClip(SparseMatrix matrix, ReadOnlySpan<I32F32> threshold)
    {
        var builder = new SparseMatrixBuilder(matrix.Columns, matrix.Count);
        for (var i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i);
            var clipped = builder.Reserve(row.Length);
            var written = 0;
            foreach (var entry in row)
            {
                // Without a branch, since cells fall either side of their limit at random: a cell at or below its
                // limit is kept as it is, one above becomes the limit unless that is 0.
                var (limit, value) = (threshold[entry.Column].Bits, entry.Value.Bits);
                var above = limit < value ? 1 : 0;
                clipped[written] = new SparseEntry(entry.Column, new I32F32(value ^ ((value ^ limit) & -above)));
                written += (above ^ 1) | (limit > 0 ? 1 : 0);
            }
            builder.EndRow(written);
        }
        return builder.Build();
    }

    /// <summary>
    /// interpolate_sparse: A + ratio·(B − A). Ratio 0 returns A and 1 returns B unchanged (zero cells and
    /// row order included); otherwise the rows are densified and only results &gt; 0 kept, in column order.
    /// </summary>
    public static SparseMatrix Interpolate(SparseMatrix a, SparseMatrix b, I32F32 ratio)
    {
        if (ratio.IsZero)
        {
            return a;
        }
        if (ratio == I32F32.One)
        {
            return b;
        }
        var columns = a.Columns;
        var (first, second) = (new I32F32[columns], new I32F32[columns]);
        var builder = new SparseMatrixBuilder(columns, a.Count + b.Count);
        for (var i = 0; i < a.Rows; i++)
        {
            Scatter(a.Row(i), first);
            Scatter(b.Row(i), second);
            for (var j = 0; j < columns; j++)
            {
                var value = first[j] + ratio * (second[j] - first[j]);
                if (value.Bits > 0)
                {
                    builder.Add((ushort)j, value);
                }
            }
            Clear(a.Row(i), first);
            Clear(b.Row(i), second);
            builder.EndRow();
        }
        return builder.Build();
    }

    private static SparseMatrix Filter(SparseMatrix matrix, Func<int, int, bool> keep)
    {
        var builder = new SparseMatrixBuilder(matrix.Columns, matrix.Count);
        for (var i = 0; i < matrix.Rows; i++)
        {
            foreach (var entry in matrix.Row(i))
            {
                if (keep(i, entry.Column))
                {
                    builder.Add(entry.Column, entry.Value);
                }
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    private static void DivideColumns(SparseMatrix matrix, I32F32[] divisors)
    {
        var reciprocals = Array.ConvertAll(divisors, d => new I32F32Divisor(d));
        for (var i = 0; i < matrix.Rows; i++)
        {
            foreach (ref var entry in matrix.MutableRow(i))
            {
                if (!divisors[entry.Column].IsZero)
                {
                    entry = entry with { Value = reciprocals[entry.Column].SafeDivide(entry.Value) };
                }
            }
        }
    }

    private static void Scatter(ReadOnlySpan<SparseEntry> row, I32F32[] dense)
    {
        foreach (var entry in row)
        {
            dense[entry.Column] = entry.Value;
        }
    }

    internal static void Clear(ReadOnlySpan<SparseEntry> row, I32F32[] dense)
    {
        foreach (var entry in row)
        {
            if (entry.Column < dense.Length)
            {
                dense[entry.Column] = I32F32.Zero;
            }
        }
    }
}
