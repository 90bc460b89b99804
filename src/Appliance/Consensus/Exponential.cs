namespace Appliance.Consensus;

/// <summary>
/// substrate_fixed::transcendental::exp on I32F32 and subtensor's exp_safe / sigmoid_safe (epoch/math.rs),
/// bit for bit (spec §1): exp(1) is e truncated to I9F23; otherwise the Taylor series 1 + |x| + Σ terms
/// for i = 2..31 with each term floored by the product and truncated by the division (term/i on the bits is
/// the same quotient as substrate_fixed's (term·2^32)/(i·2^32)), inverted for x &lt; 0.
/// </summary>
public static class Exponential
{
    private static readonly I32F32 E = new(22_802_600L << 9);
    private static readonly I32F32 SafeLimit = I32F32.FromInt(20);

    /// <summary>e^x, or null where substrate_fixed returns an error (an overflow in the series).</summary>
    public static I32F32? Exp(I32F32 x)
    {
        if (x.IsZero)
        {
            return I32F32.One;
        }
        if (x == I32F32.One)
        {
            return E;
        }
        var negative = x.Bits < 0;
        var operand = negative ? -x : x;
        if (operand.CheckedAdd(I32F32.One) is not { } result)
        {
            return null;
        }
        var term = operand;
        for (var i = 2; i < I32F32.FractionBits; i++)
        {
            if (term.CheckedMul(operand) is not { } product)
            {
                return null;
            }
            term = new I32F32(product.Bits / i);
            if (result.CheckedAdd(term) is not { } sum)
            {
                return null;
            }
            result = sum;
        }
        return negative ? I32F32.One.CheckedDiv(result) : result;
    }

    /// <summary>exp_safe: the input clamped to [−20, 20]; an error maps to 0 (input ≤ 0) or I32F32::MAX.</summary>
    public static I32F32 ExpSafe(I32F32 x)
    {
        var input = I32F32.Clamp(x, -SafeLimit, SafeLimit);
        return Exp(input) ?? (input.Bits <= 0 ? I32F32.Zero : I32F32.MaxValue);
    }

    /// <summary>sigmoid_safe: 1 / (1 + exp_safe(−rho·(x − kappa))), every step saturating.</summary>
    public static I32F32 SigmoidSafe(I32F32 x, I32F32 rho, I32F32 kappa)
    {
        var exponent = (rho * -I32F32.One) * (x - kappa);
        return I32F32.One.SafeDiv(ExpSafe(exponent) + I32F32.One);
    }
}
