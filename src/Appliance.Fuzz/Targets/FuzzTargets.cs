namespace Appliance.Fuzz.Targets;

/// <summary>Every target by the name `scripts/fuzz` and the corpus folders use.</summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyList<IFuzzTarget> All = [new ExtrinsicTarget(), new GgufTarget(), new KeyfileTarget(), new SynapseTarget()];

    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(t => t.Name == name);
}
