using Appliance.Mining;
using Appliance.Validation.Tasks;

namespace Appliance.Validation.Evaluation;

/// <summary>Exact-match rate and mean correctness over a set of tasks.</summary>
public sealed record KindScore(double Exact, double Score, int Count);

/// <summary>What a model earned on <see cref="Count"/> validator tasks, overall and per task kind.</summary>
public sealed record EvaluationReport(KindScore Overall, IReadOnlyDictionary<string, KindScore> ByKind, int Count, int Seed, string Model);

/// <summary>One task, what the model answered, and its correctness.</summary>
public sealed record EvaluatedTask(ValidationTask Task, string Completion, double Score);

/// <summary>
/// Asks a generator the validator's tasks — the same <see cref="TaskGenerator"/>, prompts and answer limit — and
/// scores the answers with the validator's <see cref="AnswerScorer.Correctness"/>. The latency factor is left
/// out: every request is queued at once so the generator batches them, which says nothing about how fast a
/// miner answers one validator. Exact means a correctness of 1 (the normalised first line equals the answer).
/// </summary>
public static class TaskEvaluation
{
    public static async Task<(EvaluationReport Report, IReadOnlyList<EvaluatedTask> Tasks)> RunAsync(
        ITextGenerator generator, int count, int seed, int maxTokens, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var source = new TaskGenerator(seed);
        var tasks = Enumerable.Range(0, count).Select(_ => source.Next()).ToList();
        var completions = await Task.WhenAll(tasks.Select((task, i) =>
            generator.GenerateAsync(new GenerationRequest(task.Prompt, maxTokens, Temperature: 0.7f, Seed: (uint)i), cancellation)));
        var evaluated = tasks.Zip(completions, (task, result) => new EvaluatedTask(task, result.Text, AnswerScorer.Correctness(task.ExpectedAnswer, result.Text))).ToList();
        var byKind = evaluated.GroupBy(e => e.Task.Kind).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Summarise(g.ToList()));
        return (new EvaluationReport(Summarise(evaluated), byKind, count, seed, generator.ModelName), evaluated);
    }

    private static KindScore Summarise(IReadOnlyList<EvaluatedTask> tasks) =>
        new(tasks.Count(t => t.Score == 1) / (double)tasks.Count, tasks.Average(t => t.Score), tasks.Count);
}
