namespace Appliance.Validation.Tasks;

/// <summary>"Sort the letters of 'stone' alphabetically" → "enost".</summary>
public sealed class SortLettersTask : ITaskKind
{
    public string Name => "sort-letters";

    public ValidationTask Create(Random random)
    {
        var word = Words.Pick(random);
        var sorted = new string(word.Order().ToArray());
        return new ValidationTask(Name, $"Sort the letters of '{word}' alphabetically. Answer with the sorted letters only.\nAnswer:", sorted);
    }
}
