using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Appliance.Training.Network;

/// <summary>Causal multi-head self-attention with RoPE on queries and keys, no biases (llama's attn_q/k/v/output).</summary>
public sealed class Attention : nn.Module<Tensor, Tensor>
{
    private readonly int heads;
    private readonly RotaryEmbedding rope;
    private readonly Linear wq;
    private readonly Linear wk;
    private readonly Linear wv;
    private readonly Linear wo;

    public Attention(string name, TrainingShape shape, RotaryEmbedding rope) : base(name)
    {
        heads = shape.Heads;
        this.rope = rope;
        wq = nn.Linear(shape.Dimension, shape.Dimension, hasBias: false);
        wk = nn.Linear(shape.Dimension, shape.Dimension, hasBias: false);
        wv = nn.Linear(shape.Dimension, shape.Dimension, hasBias: false);
        wo = nn.Linear(shape.Dimension, shape.Dimension, hasBias: false);
        RegisterComponents();
    }

    public Linear Query => wq;
    public Linear Key => wk;
    public Linear Value => wv;
    public Linear Output => wo;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (batch, time, dimension) = (x.shape[0], x.shape[1], x.shape[2]);
        Tensor Heads(Tensor t) => t.view(batch, time, heads, dimension / heads).transpose(1, 2);
        var q = rope.Apply(Heads(wq.forward(x)));
        var k = rope.Apply(Heads(wk.forward(x)));
        var v = Heads(wv.forward(x));
        var attended = nn.functional.scaled_dot_product_attention(q, k, v, is_casual: true);
        return wo.forward(attended.transpose(1, 2).contiguous().view(batch, time, dimension)).MoveToOuterDisposeScope();
    }
}
