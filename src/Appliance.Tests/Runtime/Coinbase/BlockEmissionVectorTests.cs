using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Coinbase;

/// <summary>
/// Vectors/dtao/block_emission.json: get_block_emission_for_issuance either side of the first eleven halvings and
/// at the supply cap; BlockEmission.ForIssuance's exact integers against subtensor's I96F32 log2.
/// </summary>
public sealed class BlockEmissionVectorTests
{
    public static IEnumerable<object[]> Cases => DtaoVectors.Cases("block_emission.json", "block_emission");

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForIssuance_Issuance_SubtensorsBlockEmission(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var emission = BlockEmission.ForIssuance(new Rao(c.GetProperty("inputs").U64("issuance")));
        Assert.True(c.GetProperty("expected").U64("emission") == emission.Value, $"{name}: {emission.Value}");
    }
}
