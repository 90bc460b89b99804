namespace Appliance.Consensus;

/// <summary>
/// Yuma 3 bonds and dividends (spec §5.9; the Yuma3On branch of epoch_mechanism): bonds are proportions
/// that move towards the bonds-weights themselves, with one EMA coefficient or, with liquid alpha and a
/// non-zero consensus, one per cell. They are stored without normalisation.
/// </summary>
public static class Yuma3Bonds
{
    /// <param name="bonds">The stored bonds read as v/65535, recently registered columns already masked.</param>
    public static (I32F32[] Dividends, SparseMatrix Bonds) Compute(
        SparseMatrix bonds, SparseMatrix weightsForBonds, I32F32[] consensus, I32F32[] incentive, I32F32[] activeStake, YumaHyperparameters hyper)
    {
        var ema = hyper.LiquidAlpha && Array.Exists(consensus, c => !c.IsZero)
            ? SparseEma.WithAlphas(weightsForBonds, bonds, consensus.Length, LiquidAlpha.From(hyper).Rows(weightsForBonds, bonds, consensus))
            : SparseEma.WithAlpha(weightsForBonds, bonds, hyper.BondsAlpha);

        var bondsPerValidator = ColumnNormalizedDot(ema, incentive);
        var dividends = new I32F32[activeStake.Length];
        for (var i = 0; i < dividends.Length; i++)
        {
            dividends[i] = bondsPerValidator[i].CheckedMul(activeStake[i]) ?? I32F32.Zero;
        }
        VectorMath.Normalize(dividends);
        return (dividends, ema);
    }

    /// <summary>
    /// row_sum(mat_vec_mul(col_normalize(bonds), incentive)) without building either matrix: each cell is
    /// divided by its column's saturating sum where that is not 0, multiplied by the column's incentive, and
    /// the row's products summed wrapping. mat_vec_mul drops zero products, which a sum does not notice.
    /// </summary>
    internal static I32F32[] ColumnNormalizedDot(SparseMatrix bonds, I32F32[] incentive)
    {
        var sums = new I32F32[bonds.Columns];
        for (var i = 0; i < bonds.Rows; i++)
        {
            foreach (var entry in bonds.Row(i))
            {
                sums[entry.Column] += entry.Value;
            }
        }
        var divisors = Array.ConvertAll(sums, s => new I32F32Divisor(s));
        var result = new I32F32[bonds.Rows];
        for (var i = 0; i < bonds.Rows; i++)
        {
            var total = I32F32.Zero;
            foreach (var entry in bonds.Row(i))
            {
                if (entry.Column < incentive.Length)
                {
                    var normalized = sums[entry.Column].IsZero ? entry.Value : divisors[entry.Column].SafeDivide(entry.Value);
                    total = total.WrappingAdd(normalized * incentive[entry.Column]);
                }
            }
            result[i] = total;
        }
        return result;
    }
}
