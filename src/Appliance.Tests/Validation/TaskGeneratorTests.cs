using System.Globalization;
using Appliance.Validation.Tasks;

namespace Appliance.Tests.Validation;

public sealed class TaskGeneratorTests
{
    [Fact]
    public void Next_SameSeed_ReplaysTheSameTasks()
    {
        var first = new TaskGenerator(7);
        var second = new TaskGenerator(7);
        var a = Enumerable.Range(0, 50).Select(_ => first.Next()).ToList();
        var b = Enumerable.Range(0, 50).Select(_ => second.Next()).ToList();
        Assert.Equal(a, b);
        Assert.NotEqual(a, Enumerable.Range(0, 50).Select(_ => new TaskGenerator(8).Next()).ToList());
    }

    [Fact]
    public void Next_ManyDraws_CoverEveryKind()
    {
        var generator = new TaskGenerator(1);
        var kinds = Enumerable.Range(0, 300).Select(_ => generator.Next().Kind).ToHashSet();
        Assert.Equal(TaskGenerator.Kinds.Select(k => k.Name).ToHashSet(), kinds);
    }

    [Fact]
    public void Arithmetic_ExpectedAnswer_IsTheResultOfThePrompt()
    {
        var random = new Random(3);
        for (var i = 0; i < 100; i++)
        {
            var task = new ArithmeticTask().Create(random);
            var parts = task.Prompt["What is ".Length..task.Prompt.IndexOf('?')].Split(' ');
            var (a, b) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            var result = parts[1] switch { "+" => a + b, "-" => a - b, _ => a * b };
            Assert.Equal(result.ToString(CultureInfo.InvariantCulture), task.ExpectedAnswer);
        }
    }

    [Fact]
    public void StringTasks_ExpectedAnswers_FollowTheirRules()
    {
        var random = new Random(5);
        var reverse = new ReverseTask().Create(random);
        var word = reverse.Prompt.Split('\'')[1];
        Assert.Equal(new string(word.Reverse().ToArray()), reverse.ExpectedAnswer);

        var sorted = new SortLettersTask().Create(random);
        Assert.Equal(new string(sorted.Prompt.Split('\'')[1].Order().ToArray()), sorted.ExpectedAnswer);

        var upper = new UpperCaseTask().Create(random);
        Assert.Equal(upper.Prompt.Split('\'')[1].ToUpperInvariant(), upper.ExpectedAnswer);

        var counting = new CountingTask().Create(random);
        var parts = counting.Prompt.Split('\'');
        Assert.Equal(parts[3].Count(c => c == parts[1][0]).ToString(CultureInfo.InvariantCulture), counting.ExpectedAnswer);

        var ordering = new OrderingTask().Create(random);
        var listed = ordering.Prompt.Split(':')[1].Split('.')[0].Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture));
        Assert.Equal(string.Join(", ", listed.Order()), ordering.ExpectedAnswer);
    }
}
