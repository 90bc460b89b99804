using System.Globalization;

namespace Appliance.Validation.Tasks;

/// <summary>"What is 37 + 58?": addition, subtraction or multiplication of small integers.</summary>
public sealed class ArithmeticTask : ITaskKind
{
    public string Name => "arithmetic";

    public ValidationTask Create(Random random)
    {
        var a = random.Next(2, 100);
        var b = random.Next(2, 100);
        var (symbol, result) = random.Next(3) switch
        {
            0 => ("+", a + b),
            1 => ("-", a - b),
            _ => ("*", a * b),
        };
        return new ValidationTask(Name, $"What is {a} {symbol} {b}? Answer with the number only.\nAnswer:",
            result.ToString(CultureInfo.InvariantCulture));
    }
}
