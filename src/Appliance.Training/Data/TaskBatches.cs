using Appliance.Validation.Tasks;
using static TorchSharp.torch;

namespace Appliance.Training.Data;

/// <summary>
/// Training batches of the validator's own task kinds (<see cref="TaskGenerator.Kinds"/>, the same prompts and
/// answers): each example is BOS, the prompt exactly as the validator sends it, then " " + the expected answer
/// and EOS, so the model learns to answer and stop. Only the answer and EOS are scored — the prompt is given,
/// not to be learned. Examples are right-padded to the longest in the batch; padding is never attended to
/// (attention is causal and padding comes last) and never scored. Kinds are drawn as <see cref="KindMix"/> says.
/// </summary>
public sealed class TaskBatches(TaskTokenizer tokenizer, KindMix mix, int seed)
{
    public const long Ignored = -100;

    private readonly Random random = new(seed);

    /// <summary>Input ids and targets, both [size, time]; targets are the next token or <see cref="Ignored"/>.</summary>
    public (Tensor Inputs, Tensor Targets, int Tokens) Next(int size)
    {
        var examples = new List<(List<int> Tokens, int AnswerStart)>(size);
        for (var i = 0; i < size; i++)
        {
            examples.Add(Example(mix.Draw(random).Create(random)));
        }
        var time = examples.Max(e => e.Tokens.Count) - 1;
        var inputs = new long[size * time];
        var targets = new long[size * time];
        Array.Fill(targets, Ignored);
        var tokens = 0;
        for (var row = 0; row < size; row++)
        {
            var (ids, answerStart) = examples[row];
            for (var t = 0; t < ids.Count - 1; t++)
            {
                inputs[row * time + t] = ids[t];
                if (t + 1 >= answerStart)
                {
                    targets[row * time + t] = ids[t + 1];
                }
            }
            tokens += ids.Count - 1;
        }
        return (tensor(inputs, [size, time]), tensor(targets, [size, time]), tokens);
    }

    /// <summary>The example's ids and the index of its first answer token.</summary>
    public (List<int> Tokens, int AnswerStart) Example(ValidationTask task)
    {
        var ids = new List<int> { tokenizer.BeginningOfText };
        ids.AddRange(tokenizer.Encode(task.Prompt));
        var answerStart = ids.Count;
        ids.AddRange(tokenizer.EncodeContinuation(" " + task.ExpectedAnswer));
        ids.Add(tokenizer.EndOfText);
        return (ids, answerStart);
    }
}
