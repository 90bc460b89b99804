using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime;

/// <summary>
/// Every dTAO vector file names subtensor's commit and carries a verbatim copy of each upstream function its
/// cases cite; every case names its source, says how upstream checks it, and why where our numbers differ.
/// </summary>
public sealed class DtaoVectorFileTests
{
    public static TheoryData<string> Files => new() { "swap.json", "stake_limits.json", "coinbase.json", "moving_price.json", "block_emission.json" };

    [Theory]
    [MemberData(nameof(Files))]
    public void VectorFile_EveryCase_CitesItsSubtensorSourceAtTheCommit(string file)
    {
        var vectors = DtaoVectors.Load(file);
        Assert.Equal("opentensor/subtensor", vectors.GetProperty("source").GetProperty("repo").GetString());
        Assert.Equal(DtaoVectors.Commit, vectors.GetProperty("source").GetProperty("commit").GetString());
        var sources = vectors.GetProperty("upstream_sources");
        var cases = vectors.GetProperty("cases").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            var (name, source, kind) = (c.GetProperty("name").GetString(), c.GetProperty("source"), c.GetProperty("expected_kind").GetString());
            Assert.Contains(kind, new[] { "exact", "derived", "adapted", "runtime_constant" });
            Assert.True(c.GetProperty("upstream").Has("check") && c.Has("expected"), $"{name}: no upstream check or expected values");
            Assert.True(kind is not ("adapted" or "runtime_constant") || c.Has("difference"), $"{name}: an adapted case says why");
            var path = source.GetProperty("path").GetString()!;
            if (path.StartsWith("spec", StringComparison.Ordinal))
            {
                return;
            }
            foreach (var fn in source.GetProperty("test_fn").GetString()!.Split(" + "))
            {
                Assert.True(sources.TryGetProperty($"{path}::{fn}", out var copied), $"{name}: {path}::{fn} is not copied into the file");
                Assert.Contains(copied.GetProperty("text").EnumerateArray(), line => line.GetString()!.Contains($"fn {fn}", StringComparison.Ordinal));
            }
        });
    }
}
