namespace Appliance.Consensus;

/// <summary>
/// Liquid alpha (spec §5.9.2; subtensor liquid_alpha_matrix_sparse and liquid_alpha_sigmoid): a bonds EMA
/// coefficient per (validator, miner) between alpha_low and alpha_high, high where the validator moves
/// away from consensus (buying) or from its bond (selling).
/// </summary>
public sealed class LiquidAlpha(I32F32 low, I32F32 high, I32F32 steepness)
{
    private static readonly I32F32 Half = I32F32.FromDouble(0.5);
    private static readonly I32F32 MinusHundred = I32F32.FromInt(-100);

    public static LiquidAlpha From(YumaHyperparameters hyperparameters) => new(
        I32F32.FromU16Proportion(hyperparameters.AlphaLow),
        I32F32.FromU16Proportion(hyperparameters.AlphaHigh),
        I32F32.FromInt(hyperparameters.AlphaSigmoidSteepness));

    /// <summary>liquid_alpha_sigmoid for weight w, bond b and consensus c.</summary>
    public I32F32 Sigmoid(I32F32 consensus, I32F32 weight, I32F32 bond)
    {
        var buy = I32F32.Clamp(weight - consensus, I32F32.Zero, I32F32.One);
        var sell = I32F32.Clamp(bond - weight, I32F32.Zero, I32F32.One);
        var difference = weight >= bond ? buy : sell;
        var sigmoid = I32F32.One / (I32F32.One + Exponential.ExpSafe(steepness / MinusHundred * (difference - Half)));
        return I32F32.Clamp(low + sigmoid * (high - low), low, high);
    }

    /// <summary>
    /// Fills each row's alphas at the columns of <paramref name="weights"/>' row.
    /// The weight and bond of column j are found as subtensor does, by advancing through each row while
    /// its column is below j (rows are read in stored order); skipping the unused columns gives the same
    /// lookups.
    /// </summary>
    public SparseEma.AlphaRow Rows(SparseMatrix weights, SparseMatrix bonds, I32F32[] consensus)
    {
        var needed = new List<int>();
        return (row, alphas) =>
        {
            needed.Clear();
            foreach (var entry in weights.Row(row))
            {
                needed.Add(entry.Column);
            }
            needed.Sort();
            var weightRow = weights.Row(row);
            var bondRow = bonds.Row(row);
            var (w, b) = (0, 0);
            var previous = -1;
            foreach (var j in needed)
            {
                if (j == previous)
                {
                    continue;
                }
                previous = j;
                var weight = Lookup(weightRow, ref w, j);
                var bond = Lookup(bondRow, ref b, j);
                alphas[j] = Sigmoid(consensus[j], weight, bond);
            }
        };
    }

    private static I32F32 Lookup(ReadOnlySpan<SparseEntry> row, ref int position, int column)
    {
        while (position < row.Length && row[position].Column < column)
        {
            position++;
        }
        return position < row.Length && row[position].Column == column ? row[position].Value : I32F32.Zero;
    }
}
