using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Appliance.Training.Network;

/// <summary>
/// A llama decoder in TorchSharp with exactly the tensors llama.cpp's LLM_ARCH_LLAMA reads: token embedding,
/// blocks, final RMSNorm, and the output projection tied to the embedding (llama.cpp reuses token_embd.weight
/// when a file has no output.weight). Weights start as GPT-2 does: N(0, 0.02), the projections back into the
/// residual stream scaled down by √(2·layers) so a deep stack starts near the identity.
/// </summary>
public sealed class LlamaNetwork : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly ModuleList<DecoderBlock> blocks = new();
    private readonly RmsNorm norm;
    private readonly RotaryEmbedding rope;

    public LlamaNetwork(TrainingShape shape, int vocabularySize) : base("llama")
    {
        Shape = shape;
        rope = new RotaryEmbedding(shape.HeadDimension, shape.ContextLength, shape.RopeFreqBase);
        embedding = nn.Embedding(vocabularySize, shape.Dimension);
        for (var i = 0; i < shape.Layers; i++)
        {
            blocks.Add(new DecoderBlock($"block{i}", shape, rope));
        }
        norm = new RmsNorm("norm", shape.Dimension, shape.RmsEpsilon);
        RegisterComponents();
        Initialise();
    }

    public TrainingShape Shape { get; }
    public Embedding Embedding => embedding;
    public IReadOnlyList<DecoderBlock> Blocks => [.. blocks];
    public RmsNorm Norm => norm;

    /// <summary>Logits [batch, time, vocabulary] for token ids [batch, time].</summary>
    public override Tensor forward(Tensor tokens)
    {
        using var scope = NewDisposeScope();
        var x = embedding.forward(tokens);
        foreach (var block in blocks)
        {
            x = block.forward(x);
        }
        return nn.functional.linear(norm.forward(x), embedding.weight!).MoveToOuterDisposeScope();
    }

    private void Initialise()
    {
        using var noGrad = no_grad();
        var residualScale = 0.02 / Math.Sqrt(2.0 * Shape.Layers);
        nn.init.normal_(embedding.weight!, 0, 0.02);
        foreach (var block in blocks)
        {
            foreach (var linear in new[] { block.Attention.Query, block.Attention.Key, block.Attention.Value, block.FeedForward.Gate, block.FeedForward.Up })
            {
                nn.init.normal_(linear.weight!, 0, 0.02);
            }
            nn.init.normal_(block.Attention.Output.weight!, 0, residualScale);
            nn.init.normal_(block.FeedForward.Down.weight!, 0, residualScale);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            rope.Dispose();
        }
        base.Dispose(disposing);
    }
}
