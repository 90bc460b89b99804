using static TorchSharp.torch;

namespace Appliance.Training.Network;

/// <summary>
/// RoPE as llama.cpp applies it to the llama architecture (LLAMA_ROPE_TYPE_NORM): each adjacent pair
/// (x[2i], x[2i+1]) of a head is rotated by pos · base^(−2i/d). Hugging Face's Llama rotates halves instead and
/// its converter permutes Q and K to match; training with llama.cpp's pairing means the weights export as they are.
/// </summary>
public sealed class RotaryEmbedding : IDisposable
{
    private readonly Tensor cos;
    private readonly Tensor sin;

    public RotaryEmbedding(int headDimension, int maxPositions, double freqBase)
    {
        var pairs = headDimension / 2;
        var inverse = pow(freqBase, -arange(0, pairs, dtype: ScalarType.Float64) * 2 / headDimension);
        var angles = outer(arange(0, maxPositions, dtype: ScalarType.Float64), inverse);
        cos = angles.cos().to(ScalarType.Float32);
        sin = angles.sin().to(ScalarType.Float32);
    }

    /// <summary>Rotates <paramref name="x"/> of shape [batch, heads, time, headDimension].</summary>
    public Tensor Apply(Tensor x)
    {
        using var scope = NewDisposeScope();
        var time = x.shape[2];
        var pairs = x.view(x.shape[0], x.shape[1], time, -1, 2);
        var (even, odd) = (pairs.select(-1, 0), pairs.select(-1, 1));
        var (c, s) = (cos.narrow(0, 0, time), sin.narrow(0, 0, time));
        var rotated = stack([even * c - odd * s, even * s + odd * c], -1);
        return rotated.view(x.shape).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        cos.Dispose();
        sin.Dispose();
    }
}
