namespace Appliance.Validation.Tasks;

/// <summary>A question with one checkable answer, as sent to miners in a TextCompletion.</summary>
public sealed record ValidationTask(string Kind, string Prompt, string ExpectedAnswer);

/// <summary>A kind of task; new kinds plug in by implementing this and joining <see cref="TaskGenerator.Kinds"/>.</summary>
public interface ITaskKind
{
    string Name { get; }

    ValidationTask Create(Random random);
}
