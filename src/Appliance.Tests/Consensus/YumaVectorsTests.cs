using Appliance.Tests.Support;

namespace Appliance.Tests.Consensus;

/// <summary>
/// The vector tests enumerate the folder, so a file lost from the repository or from the csproj's copy would
/// quietly drop its cases: this names every file the folder must hold and checks each has cases.
/// </summary>
public sealed class YumaVectorsTests
{
    private static readonly string[] Expected =
    [
        "active_stake.json", "classic_bonds_ema.json", "graph_1_self_weight.json", "math.json",
        "outdated_weights_after_reregistration.json", "registration.json", "single_staker_no_weights.json",
        "validator_permits_i0_n2_v1_a0.json", "validator_permits_i0_n2_v1_a1.json",
        "validator_permits_i0_n4_v2_a0.json", "validator_permits_i0_n4_v2_a1.json",
        "validator_permits_i0_n8_v4_a0.json", "validator_permits_i0_n8_v4_a1.json",
        "yuma3_kappa_moves_first.json", "yuma3_liquid_alpha_disabled.json", "zero_weights_fallback.json",
    ];

    public static TheoryData<string> ExpectedFiles() => [.. Expected];

    [Fact]
    public void VectorFolder_NextToTests_HoldsExactlyTheExpectedFiles()
    {
        Assert.True(Directory.Exists(YumaVectors.Folder), $"no vector folder at {YumaVectors.Folder}");
        var present = Directory.GetFiles(YumaVectors.Folder, "*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);
        Assert.Equal(Expected, present);
    }

    [Theory]
    [MemberData(nameof(ExpectedFiles))]
    public void VectorFile_Expected_HasStepsOrCases(string file)
    {
        var vector = YumaVectors.Load(file);
        var items = vector.TryGetProperty("steps", out var steps) ? steps : vector.GetProperty("cases");
        Assert.True(items.GetArrayLength() > 0, $"{file} holds no steps or cases");
    }
}
