using Appliance.Fuzz.Targets;
using Appliance.Models.Gguf;

namespace Appliance.Tests.Fuzz;

/// <summary>
/// Every input a fuzzer found to crash a target, kept in Fuzz/Regressions/TARGET/ named after the bug, run
/// through its target again; a crash that comes back fails here.
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fuzz", "Regressions");

    public static TheoryData<string, string> Findings()
    {
        var findings = new TheoryData<string, string>();
        foreach (var file in Directory.GetDirectories(Folder).SelectMany(Directory.GetFiles))
        {
            findings.Add(Path.GetFileName(Path.GetDirectoryName(file)!), Path.GetFileName(file));
        }
        return findings;
    }

    [Theory]
    [MemberData(nameof(Findings))]
    public void Finding_RunThroughItsTarget_NoLongerCrashes(string target, string finding)
    {
        FuzzTargets.Find(target)!.Run(File.ReadAllBytes(Path.Combine(Folder, target, finding)));
    }

    /// <summary>AFL++, 2026-12-06: a shape whose first dimensions multiply past 2^64 before a zero dimension passed
    /// the reader's check (a product in doubles, made 0 by the zero) and crashed counting elements.</summary>
    [Fact]
    public void Gguf_ShapeOverflowingBeforeAZeroDimension_RefusedAsImpossibleShape()
    {
        using var stream = new MemoryStream(File.ReadAllBytes(Path.Combine(Folder, "gguf", "shape-overflows-before-a-zero-dimension-1")));

        var refused = Assert.Throws<InvalidDataException>(() => GgufReader.Read(stream, "finding.gguf"));

        Assert.Contains("impossible shape", refused.Message);
    }
}
