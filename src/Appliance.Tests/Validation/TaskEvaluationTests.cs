using Appliance.Models.Trained;
using Appliance.Tests.Support;

namespace Appliance.Tests.Validation;

/// <summary>
/// `appliance model eval` on the shipped models, through the miner's generator (llama.cpp, greedy, the
/// validator's 32-token limit) on tasks of a seed training never used.
/// </summary>
public sealed class TaskEvaluationTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task ModelEval_ShippedTrainedModel_OverallExactAtLeast80Percent()
    {
        var result = await new CliRunner(_dir.Path).RunAsync("model", "eval", "--model", TrainedModels.Trained, "--count", "400", "--seed", "2024", "--threads", "1", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        var report = result.Json;
        Assert.Equal(400, report.GetProperty("count").GetInt32());
        var exact = report.GetProperty("overall").GetProperty("exact").GetDouble();
        Assert.True(exact >= 0.80, $"overall exact {exact:P1}:\n{result.Output}");
        Assert.Equal(["arithmetic", "counting", "ordering", "reverse", "sort-letters", "upper-case"],
            report.GetProperty("by_kind").EnumerateObject().Select(k => k.Name));
    }

    [Fact]
    public async Task ModelEval_ShippedModels_TrainedBeatsUnderTrainedBeatsRandom()
    {
        var random = Appliance.Models.ModelMaker.Make(Appliance.Models.ModelShape.Tiny, _dir.Combine("tiny.gguf"), seed: 1).Path;
        var scores = new List<double>();
        foreach (var model in new[] { TrainedModels.Trained, TrainedModels.UnderTrained, random })
        {
            var result = await new CliRunner(_dir.Path).RunAsync("model", "eval", "--model", model, "--count", "100", "--seed", "2025", "--threads", "1", "--json");
            Assert.True(result.ExitCode == 0, result.Error);
            scores.Add(result.Json.GetProperty("overall").GetProperty("score").GetDouble());
        }

        Assert.True(scores[0] > scores[1] && scores[1] > scores[2], $"mean scores trained {scores[0]:0.000}, under-trained {scores[1]:0.000}, random {scores[2]:0.000}");
    }
}
