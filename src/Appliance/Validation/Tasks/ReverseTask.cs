namespace Appliance.Validation.Tasks;

/// <summary>"Reverse the word 'river'" → "revir".</summary>
public sealed class ReverseTask : ITaskKind
{
    public string Name => "reverse";

    public ValidationTask Create(Random random)
    {
        var word = Words.Pick(random);
        var reversed = new string(word.Reverse().ToArray());
        return new ValidationTask(Name, $"Reverse the letters of the word '{word}'. Answer with the reversed word only.\nAnswer:", reversed);
    }
}
