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

        var normalized = ema.Copy();
        SparseMath.ColumnNormalize(normalized);
        var bondsPerValidator = SparseMath.RowSum(SparseMath.MatVecMul(normalized, incentive));

        var dividends = new I32F32[activeStake.Length];
        for (var i = 0; i < dividends.Length; i++)
        {
            dividends[i] = bondsPerValidator[i].CheckedMul(activeStake[i]) ?? I32F32.Zero;
        }
        VectorMath.Normalize(dividends);
        return (dividends, ema);
    }
}
