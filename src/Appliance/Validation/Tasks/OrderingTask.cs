using System.Globalization;

namespace Appliance.Validation.Tasks;

/// <summary>"Put 41, 7, 19 in ascending order" → "7, 19, 41".</summary>
public sealed class OrderingTask : ITaskKind
{
    public string Name => "ordering";

    public ValidationTask Create(Random random)
    {
        var numbers = Enumerable.Range(0, random.Next(3, 6)).Select(_ => random.Next(1, 100)).ToArray();
        var listed = string.Join(", ", numbers.Select(n => n.ToString(CultureInfo.InvariantCulture)));
        var ordered = string.Join(", ", numbers.Order().Select(n => n.ToString(CultureInfo.InvariantCulture)));
        return new ValidationTask(Name, $"Put these numbers in ascending order: {listed}. Answer with the numbers separated by commas.\nAnswer:", ordered);
    }
}
