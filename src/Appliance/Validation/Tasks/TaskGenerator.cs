namespace Appliance.Validation.Tasks;

/// <summary>
/// Draws tasks from a seeded RNG: the same seed gives the same sequence of tasks, so a validator's run can
/// be replayed.
/// </summary>
public sealed class TaskGenerator(int seed)
{
    public static IReadOnlyList<ITaskKind> Kinds { get; } =
        [new ArithmeticTask(), new ReverseTask(), new UpperCaseTask(), new SortLettersTask(), new CountingTask(), new OrderingTask()];

    private readonly Random _random = new(seed);

    public ValidationTask Next() => Kinds[_random.Next(Kinds.Count)].Create(_random);
}
