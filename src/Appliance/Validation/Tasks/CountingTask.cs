using System.Globalization;

namespace Appliance.Validation.Tasks;

/// <summary>"How many times does 'a' appear in 'banana'?" → "3".</summary>
public sealed class CountingTask : ITaskKind
{
    public string Name => "counting";

    public ValidationTask Create(Random random)
    {
        var word = Words.Pick(random);
        var letter = word[random.Next(word.Length)];
        var count = word.Count(c => c == letter);
        return new ValidationTask(Name, $"How many times does the letter '{letter}' appear in '{word}'? Answer with the number only.\nAnswer:",
            count.ToString(CultureInfo.InvariantCulture));
    }
}
