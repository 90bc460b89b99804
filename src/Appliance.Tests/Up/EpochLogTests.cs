using System.Text.Json;
using Appliance.Up;

namespace Appliance.Tests.Up;

/// <summary>The epoch line says where the pot came from and who got what.</summary>
public sealed class EpochLogTests
{
    [Fact]
    public void Describe_CarriedPot_SplitsNewAndCarried_NamesOwnerMinersValidatorsCarriedOver()
    {
        var fields = JsonDocument.Parse("""
            { "netuid": 1, "pending": 46070000000, "carried_in": 25070000000, "owner_cut": 3779999999, "carried_over": 2,
              "server_emission": 21145000000, "validator_emission": 21144999999, "emission": [0, 21145000000, 21144999999] }
            """).RootElement;

        Assert.Equal("epoch of subnet 1 at block #63: pot 46.07 TAO (21 new + 25.07 carried in): owner 3.78 (18 % of new), miners' incentive 21.145, "
            + "validators' dividends 21.145, carried over 0; emission by uid 0:0 1:21.145 2:21.145", EpochLog.Describe(63, fields));
    }
}
