using Appliance.Fuzz.Targets;

namespace Appliance.Tests.Fuzz;

/// <summary>
/// The fuzz targets on a few thousand mutations of their seeds, with a fixed random seed so a failure repeats:
/// the short, uninstrumented sibling of `scripts/fuzz` (AFL++ with coverage, minutes per target). A failure
/// names the input in hex; once fixed it stays there as a regression case.
/// </summary>
public sealed class SeededFuzzTests
{
    private const int InputsPerTarget = 3_000;

    public static TheoryData<string> Targets() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_ThousandsOfMutatedSeeds_NoUnexpectedException(string name)
    {
        var target = FuzzTargets.Find(name)!;
        var seeds = Seeds.All().Where(s => s.Target == name).Select(s => s.Bytes).ToArray();
        Assert.NotEmpty(seeds);
        foreach (var seed in seeds)
        {
            target.Run(seed);
        }
        var mutator = new Mutator(new Random(20261206), seeds);
        for (var i = 0; i < InputsPerTarget; i++)
        {
            var input = mutator.Next();
            var error = Record.Exception(() => target.Run(input));
            Assert.True(error is null, $"{name} input #{i} ({Convert.ToHexString(input)}) threw {error}");
        }
    }
}
