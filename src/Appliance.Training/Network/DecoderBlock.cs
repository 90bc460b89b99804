using static TorchSharp.torch;

namespace Appliance.Training.Network;

/// <summary>One pre-norm llama block: x + attention(norm(x)), then + feed-forward(norm(x)).</summary>
public sealed class DecoderBlock : nn.Module<Tensor, Tensor>
{
    private readonly RmsNorm attentionNorm;
    private readonly Attention attention;
    private readonly RmsNorm feedForwardNorm;
    private readonly SwiGlu feedForward;

    public DecoderBlock(string name, TrainingShape shape, RotaryEmbedding rope) : base(name)
    {
        attentionNorm = new RmsNorm("attention_norm", shape.Dimension, shape.RmsEpsilon);
        attention = new Attention("attention", shape, rope);
        feedForwardNorm = new RmsNorm("ffn_norm", shape.Dimension, shape.RmsEpsilon);
        feedForward = new SwiGlu("feed_forward", shape);
        RegisterComponents();
    }

    public RmsNorm AttentionNorm => attentionNorm;
    public Attention Attention => attention;
    public RmsNorm FeedForwardNorm => feedForwardNorm;
    public SwiGlu FeedForward => feedForward;

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = x + attention.forward(attentionNorm.forward(x));
        return (h + feedForward.forward(feedForwardNorm.forward(h))).MoveToOuterDisposeScope();
    }
}
