using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime;

/// <summary>
/// Every dTAO vector file names subtensor's commit; every case cites its source (subtensor test file, function
/// and line at that commit, or the reference's section), says how upstream checks it, and why where our
/// numbers differ. `python3 scripts/dtao-vectors/derive.py` writes the files.
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
        var cases = vectors.GetProperty("cases").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c =>
        {
            var (name, source, kind) = (c.GetProperty("name").GetString(), c.GetProperty("source"), c.GetProperty("expected_kind").GetString());
            Assert.Contains(kind, new[] { "exact", "derived", "adapted", "runtime_constant" });
            Assert.True(c.GetProperty("upstream").Has("check") && c.Has("expected"), $"{name}: no upstream check or expected values");
            Assert.True(kind is not ("adapted" or "runtime_constant") || c.Has("difference"), $"{name}: an adapted case says why");
            var path = source.GetProperty("path").GetString()!;
            Assert.True(path.StartsWith("spec", StringComparison.Ordinal) || (path.StartsWith("pallets/", StringComparison.Ordinal) && path.EndsWith(".rs", StringComparison.Ordinal)),
                $"{name}: source {path} is neither a subtensor file nor a section of the reference");
            Assert.False(string.IsNullOrWhiteSpace(source.GetProperty("test_fn").GetString()), $"{name}: no test named");
            Assert.True(path.StartsWith("spec", StringComparison.Ordinal) || source.GetProperty("line").GetInt32() > 0, $"{name}: no line");
        });
    }
}
