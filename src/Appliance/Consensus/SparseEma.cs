namespace Appliance.Consensus;

/// <summary>
/// The bonds exponential moving averages of subtensor's epoch/math.rs on sparse rows: mat_ema_sparse (one
/// coefficient) and mat_ema_alpha_sparse (a coefficient per cell, for liquid alpha). Products floor, sums
/// saturate.
/// </summary>
public static class SparseEma
{
    /// <summary>
    /// mat_ema_sparse: α·new + (1 − α)·old per cell (rows densified), results &gt; 0 kept in column order.
    /// A row empty in both matrices stays empty, so it is not densified.
    /// </summary>
    public static SparseMatrix WithAlpha(SparseMatrix next, SparseMatrix old, I32F32 alpha)
    {
        var oneMinusAlpha = I32F32.One - alpha;
        var accumulator = new I32F32[next.Columns];
        var builder = new SparseMatrixBuilder(next.Columns, next.Count + old.Count);
        for (var i = 0; i < next.Rows; i++)
        {
            if (next.Row(i).IsEmpty && old.Row(i).IsEmpty)
            {
                builder.EndRow();
                continue;
            }
            foreach (var entry in next.Row(i))
            {
                accumulator[entry.Column] += alpha * entry.Value;
            }
            foreach (var entry in old.Row(i))
            {
                accumulator[entry.Column] += oneMinusAlpha * entry.Value;
            }
            var row = builder.Reserve(accumulator.Length);
            var written = 0;
            for (var j = 0; j < accumulator.Length; j++)
            {
                row[written] = new SparseEntry((ushort)j, accumulator[j]);
                written += accumulator[j].Bits > 0 ? 1 : 0;
                accumulator[j] = I32F32.Zero;
            }
            builder.EndRow(written);
        }
        return builder.Build();
    }

    /// <summary>Writes row <c>i</c>'s per-column EMA coefficients; only the columns of the new row are read.</summary>
    public delegate void AlphaRow(int row, Span<I32F32> alphas);

    /// <summary>
    /// mat_ema_alpha_sparse: for each cell (j, w) of the new row, min((1 − α_j)·old_j + max(α_j·w, 0), 1),
    /// kept when &gt; 0 and in the new row's order. An old cell whose column the new row lacks is dropped.
    /// </summary>
    public static SparseMatrix WithAlphas(SparseMatrix next, SparseMatrix old, int alphaColumns, AlphaRow alphaRow)
    {
        var alphas = new I32F32[alphaColumns];
        var decayed = new I32F32[alphaColumns];
        var builder = new SparseMatrixBuilder(next.Columns, next.Count);
        for (var i = 0; i < next.Rows; i++)
        {
            var newRow = next.Row(i);
            if (!newRow.IsEmpty)
            {
                alphaRow(i, alphas);
                foreach (var entry in old.Row(i))
                {
                    if (entry.Column < alphaColumns)
                    {
                        decayed[entry.Column] = (I32F32.One - alphas[entry.Column]) * entry.Value;
                    }
                }
                foreach (var entry in newRow)
                {
                    if (entry.Column < alphaColumns)
                    {
                        var increment = I32F32.Max(alphas[entry.Column] * entry.Value, I32F32.Zero);
                        var value = I32F32.Min(decayed[entry.Column] + increment, I32F32.One);
                        if (value.Bits > 0)
                        {
                            builder.Add(entry.Column, value);
                        }
                    }
                }
                SparseMath.Clear(old.Row(i), decayed);
            }
            builder.EndRow();
        }
        return builder.Build();
    }
}
