namespace Appliance.Validation.Tasks;

/// <summary>"Write 'lemon tiger' in upper case" → "LEMON TIGER" (checked case-sensitively, see AnswerScorer).</summary>
public sealed class UpperCaseTask : ITaskKind
{
    public string Name => "upper-case";

    public ValidationTask Create(Random random)
    {
        var phrase = $"{Words.Pick(random)} {Words.Pick(random)}";
        return new ValidationTask(Name, $"Write '{phrase}' in upper case. Answer with the text only.\nAnswer:", phrase.ToUpperInvariant());
    }
}
