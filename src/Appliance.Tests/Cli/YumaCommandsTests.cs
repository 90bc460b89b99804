using System.Text.Json;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// Every scenario in Vectors/ through `appliance yuma run --json`: each step's expected values
/// (exact where exact, within the stated tolerance where approximate) are read from the command's output.
/// </summary>
public sealed class YumaCommandsTests
{
    private static readonly string[] NotScenarios = ["math.json", "registration.json"];
    private readonly CliRunner _cli = new(Path.GetTempPath());

    public static IEnumerable<object[]> Scenarios() =>
        Directory.GetFiles(YumaVectors.Folder, "*.json").Select(Path.GetFileName).OfType<string>()
            .Where(f => !NotScenarios.Contains(f)).Order(StringComparer.Ordinal).Select(f => new object[] { f });

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task YumaRun_Scenario_ReproducesEveryExpectedValue(string file)
    {
        var result = await _cli.RunAsync("yuma", "run", "--scenario", Path.Combine(YumaVectors.Folder, file), "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var steps = result.Json;
        var vector = YumaVectors.Load(file).GetProperty("steps");
        Assert.Equal(vector.GetArrayLength(), steps.GetArrayLength());

        var failures = new List<string>();
        for (var k = 0; k < steps.GetArrayLength(); k++)
        {
            Assert.Equal(vector[k].GetProperty("label").GetString(), steps[k].GetProperty("label").GetString());
            foreach (var check in vector[k].GetProperty("expected").EnumerateObject())
            {
                failures.AddRange(Check(check.Name, check.Value, steps[k]).Select(f => $"step {k}: {f}"));
            }
        }
        Assert.True(failures.Count == 0, $"{file}: {string.Join("; ", failures)}");
    }

    [Fact]
    public async Task YumaRun_WithoutJson_OneObjectPerLine()
    {
        var result = await _cli.RunAsync("yuma", "run", "--scenario", Path.Combine(YumaVectors.Folder, "classic_bonds_ema.json"));

        var lines = result.Output.Trim().Split('\n');
        Assert.Equal(9, lines.Length);
        Assert.All(lines, line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("incentive_u16", out _)));
    }

    [Fact]
    public async Task YumaRun_BadFile_OneLineError()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("bad.json"), "{\"initial_state\": 3}");

        var missing = await _cli.RunAsync("yuma", "run", "--scenario", temp.Combine("nope.json"));
        var invalid = await _cli.RunAsync("yuma", "run", "--scenario", temp.Combine("bad.json"));

        Assert.StartsWith("error: ScenarioUnreadable:", missing.Error);
        Assert.StartsWith("error: InvalidScenario:", invalid.Error);
        Assert.Equal((1, 1), (missing.ExitCode, invalid.ExitCode));
    }

    private static IEnumerable<string> Check(string name, JsonElement expected, JsonElement step)
    {
        switch (name)
        {
            case "bonds_u16":
                foreach (var cell in expected.EnumerateArray())
                {
                    var (i, j, v) = (cell[0].GetInt32(), cell[1].GetInt32(), cell[2].GetInt32());
                    if (Bond(step, i, j) != v)
                    {
                        yield return $"bond[{i}][{j}] = {Bond(step, i, j)}, expected {v}";
                    }
                }
                break;
            case "approx":
                var tolerance = expected.GetProperty("abs_tol").GetDouble();
                if (expected.TryGetProperty("dividends", out var dividends))
                {
                    foreach (var (d, uid) in dividends.EnumerateArray().Select((d, uid) => (d.GetDouble(), uid)))
                    {
                        var got = step.GetProperty("dividends_u16")[uid].GetInt32() / 65535.0;
                        if (Math.Abs(got - d) > tolerance)
                        {
                            yield return $"dividend[{uid}] = {got:F5}, expected {d} ± {tolerance}";
                        }
                    }
                }
                if (expected.TryGetProperty("bonds", out var bonds))
                {
                    foreach (var cell in bonds.EnumerateArray())
                    {
                        var (i, j, b) = (cell[0].GetInt32(), cell[1].GetInt32(), cell[2].GetDouble());
                        if (Math.Abs(Bond(step, i, j) / 65535.0 - b) > tolerance)
                        {
                            yield return $"bond[{i}][{j}] = {Bond(step, i, j) / 65535.0:F5}, expected {b} ± {tolerance}";
                        }
                    }
                }
                break;
            case "sum_server_plus_validator_emission_rao":
                var paid = Sum(step, "server_emission_rao") + Sum(step, "validator_emission_rao");
                if (Math.Abs((double)paid - expected.GetProperty("value").GetUInt64()) > expected.GetProperty("abs_tol").GetDouble())
                {
                    yield return $"server + validator emission = {paid}, expected {expected.GetProperty("value")}";
                }
                break;
            default:
                var field = name.Replace("_legacy", "");
                foreach (var uid in expected.EnumerateObject())
                {
                    var got = step.GetProperty(field)[int.Parse(uid.Name)].ToString().ToLowerInvariant();
                    if (got != uid.Value.ToString().ToLowerInvariant())
                    {
                        yield return $"{field}[{uid.Name}] = {got}, expected {uid.Value}";
                    }
                }
                break;
        }
    }

    private static ulong Sum(JsonElement step, string field) => step.GetProperty(field).EnumerateArray().Aggregate(0UL, (a, v) => a + v.GetUInt64());

    private static int Bond(JsonElement step, int i, int j) =>
        step.GetProperty("bonds_u16").EnumerateArray().Where(c => c[0].GetInt32() == i && c[1].GetInt32() == j).Select(c => c[2].GetInt32()).DefaultIfEmpty(0).First();
}
