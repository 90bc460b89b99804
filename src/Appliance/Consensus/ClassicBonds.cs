namespace Appliance.Consensus;

/// <summary>
/// Classic Yuma bonds and dividends (spec §5.8; the Yuma3On = false branch of epoch_mechanism): bonds
/// are column-normalised, moved towards the stake-scaled weights by one EMA step, and stored
/// column-max-upscaled. Liquid alpha does not apply here.
/// </summary>
public static class ClassicBonds
{
    /// <param name="bonds">The stored bonds as integer-valued fixed point, recently registered columns already masked.</param>
    public static (I32F32[] Dividends, SparseMatrix Bonds) Compute(
        SparseMatrix bonds, SparseMatrix weightsForBonds, I32F32[] incentive, I32F32[] activeStake, YumaHyperparameters hyper)
    {
        SparseMath.ColumnNormalize(bonds);

        var delta = SparseMath.RowHadamard(weightsForBonds, activeStake);
        SparseMath.ColumnNormalize(delta);

        var ema = SparseEma.WithAlpha(delta, bonds, hyper.BondsAlpha);
        delta.Release();
        SparseMath.ColumnNormalize(ema);

        var dividends = SparseMath.MatMulTranspose(ema, incentive);
        VectorMath.Normalize(dividends);

        SparseMath.ColumnMaxUpscale(ema);
        return (dividends, ema);
    }
}
