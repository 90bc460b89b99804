using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Appliance.Training.Network;

/// <summary>llama's feed-forward: down(silu(gate(x)) · up(x)), as llama.cpp's ffn_gate/ffn_up/ffn_down with LLM_FFN_SILU, LLM_FFN_PAR.</summary>
public sealed class SwiGlu : nn.Module<Tensor, Tensor>
{
    private readonly Linear gate;
    private readonly Linear up;
    private readonly Linear down;

    public SwiGlu(string name, TrainingShape shape) : base(name)
    {
        gate = nn.Linear(shape.Dimension, shape.FeedForward, hasBias: false);
        up = nn.Linear(shape.Dimension, shape.FeedForward, hasBias: false);
        down = nn.Linear(shape.FeedForward, shape.Dimension, hasBias: false);
        RegisterComponents();
    }

    public Linear Gate => gate;
    public Linear Up => up;
    public Linear Down => down;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return down.forward(nn.functional.silu(gate.forward(x)) * up.forward(x)).MoveToOuterDisposeScope();
    }
}
