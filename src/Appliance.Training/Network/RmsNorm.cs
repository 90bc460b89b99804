using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Appliance.Training.Network;

/// <summary>llama's RMSNorm: x / sqrt(mean(x²) + ε) · w, as llama.cpp's ggml_rms_norm followed by the norm weight.</summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    private readonly double epsilon;
    private readonly Parameter weight;

    public RmsNorm(string name, int size, double epsilon) : base(name)
    {
        this.epsilon = epsilon;
        weight = nn.Parameter(ones(size));
        RegisterComponents();
    }

    public Tensor Weight => weight;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var normalised = x * rsqrt(x.pow(2).mean([-1], keepdim: true) + epsilon);
        return (normalised * weight).MoveToOuterDisposeScope();
    }
}
