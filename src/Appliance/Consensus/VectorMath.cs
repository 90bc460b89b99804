namespace Appliance.Consensus;

/// <summary>
/// The vector helpers of subtensor's epoch/math.rs: normalisation (plain wrapping sum, safe_div, left
/// unchanged when the sum is 0), top-k selection (stable ascending sort), and the max-upscale to u16.
/// </summary>
public static class VectorMath
{
    public static I32F32 Sum(ReadOnlySpan<I32F32> vector)
    {
        var sum = I32F32.Zero;
        foreach (var value in vector)
        {
            sum = sum.WrappingAdd(value);
        }
        return sum;
    }

    /// <summary>inplace_normalize.</summary>
    public static void Normalize(Span<I32F32> vector) => NormalizeUsingSum(vector, Sum(vector));

    /// <summary>inplace_normalize_using_sum: every element divided by <paramref name="sum"/>, unless it is 0.</summary>
    public static void NormalizeUsingSum(Span<I32F32> vector, I32F32 sum)
    {
        if (sum.IsZero)
        {
            return;
        }
        var divisor = new I32F32Divisor(sum);
        foreach (ref var value in vector)
        {
            value = divisor.SafeDivide(value);
        }
    }

    /// <summary>inplace_normalize_64.</summary>
    public static void Normalize(Span<I64F64> vector)
    {
        var sum = I64F64.Zero;
        foreach (var value in vector)
        {
            sum = sum.WrappingAdd(value);
        }
        if (sum.IsZero)
        {
            return;
        }
        foreach (ref var value in vector)
        {
            value = value.SafeDiv(sum);
        }
    }

    /// <summary>vecdiv: x_i / y_i, 0 where y_i is 0.</summary>
    public static I32F32[] VecDiv(ReadOnlySpan<I32F32> x, ReadOnlySpan<I32F32> y)
    {
        var result = new I32F32[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            result[i] = x[i].SafeDiv(y[i]);
        }
        return result;
    }

    /// <summary>is_topk: all true when n &lt; k, else the n − k smallest (stable ascending sort) false.</summary>
    public static bool[] IsTopK(ReadOnlySpan<I32F32> vector, int k) => TopK(vector, k, Enumerable.Repeat(true, vector.Length).ToArray());

    /// <summary>is_topk_nonzero: as <see cref="IsTopK"/>, but a zero element is never selected.</summary>
    public static bool[] IsTopKNonzero(ReadOnlySpan<I32F32> vector, int k)
    {
        var result = new bool[vector.Length];
        for (var i = 0; i < vector.Length; i++)
        {
            result[i] = !vector[i].IsZero;
        }
        return TopK(vector, k, result);
    }

    /// <summary>
    /// vec_max_upscale_to_u16: the maximum maps to 65535. Above 32768 the factor 65535/max is computed
    /// first; otherwise v·65535/max; both rounded half away from zero and saturated to u16.
    /// </summary>
    public static ushort[] MaxUpscaleToU16(ReadOnlySpan<I32F32> vector)
    {
        var result = new ushort[vector.Length];
        if (vector.IsEmpty)
        {
            return result;
        }
        var u16Max = I32F32.FromInt(ushort.MaxValue);
        var max = vector[0];
        foreach (var value in vector)
        {
            max = I32F32.Max(max, value);
        }
        for (var i = 0; i < vector.Length; i++)
        {
            var value = vector[i];
            result[i] = max.IsZero ? (value * u16Max).ToU16Saturating()
                : max > I32F32.FromInt(32_768) ? (value * u16Max.SafeDiv(max)).Round().ToU16Saturating()
                : (value * u16Max).SafeDiv(max).Round().ToU16Saturating();
        }
        return result;
    }

    /// <summary>vec_u16_max_upscale_to_u16 (spec §8.1): how set_weights stores its values.</summary>
    public static ushort[] U16MaxUpscaleToU16(IReadOnlyList<ushort> values) =>
        MaxUpscaleToU16(values.Select(v => I32F32.FromInt(v)).ToArray());

    /// <summary>check_vec_max_limited: whether the largest normalised value is at most max_limit/65535.</summary>
    public static bool CheckVecMaxLimited(IReadOnlyList<ushort> values, ushort maxLimit)
    {
        var limit = I32F32.FromInt(maxLimit).SafeDiv(I32F32.FromInt(ushort.MaxValue));
        var vector = values.Select(v => I32F32.FromInt(v)).ToArray();
        Normalize(vector);
        return vector.Length == 0 || vector.Max() <= limit;
    }

    private static bool[] TopK(ReadOnlySpan<I32F32> vector, int k, bool[] result)
    {
        var n = vector.Length;
        if (n < k)
        {
            return result;
        }
        var (keys, order) = (new long[n], new int[n]);
        for (var i = 0; i < n; i++)
        {
            (keys[i], order[i]) = (vector[i].Bits, i);
        }
        Array.Sort(keys, order);
        // Array.Sort is not stable: equal values are put back in index order, as a stable sort leaves them.
        for (var start = 0; start < n;)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            Array.Sort(order, start, end - start);
            start = end;
        }
        for (var i = 0; i < n - k; i++)
        {
            result[order[i]] = false;
        }
        return result;
    }
}
