using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Coinbase;

/// <summary>
/// Vectors/dtao/moving_price.json: subtensor's test_coinbase_moving_prices, test_update_moving_price_initial and
/// _after_time, and scenario A's EMA step, through MovingPrices.Update. Cases whose upstream test sets another
/// SubnetMovingAlpha run with ours (0.000003; the value is a constant here) and say so in the file.
/// </summary>
public sealed class MovingPriceVectorTests
{
    public static IEnumerable<object[]> UpdateCases => DtaoVectors.Cases("moving_price.json", "update");

    [Theory]
    [MemberData(nameof(UpdateCases))]
    public void Update_Case_StoresSubtensorsI96F32Bits(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var inputs = c.GetProperty("inputs");
        using var calls = new CallHarness();
        var (state, netuid) = (calls.State, calls.NetUid);
        DtaoVectors.SetPool(state, netuid, inputs.U64("SubnetTAO"), inputs.U64("SubnetAlphaIn"));
        DtaoVectors.Start(state, netuid, inputs.U64("first_emission_block"));
        SubnetPools.MovingPrice.Set(state, netuid, new FixedValue(inputs.Bits("moving_price_bits")));

        for (var i = 0UL; i < inputs.U64("updates"); i++)
        {
            MovingPrices.Update(state, netuid, inputs.U64("block"));
        }

        var bits = SubnetPools.MovingPrice.GetOrDefault(state, netuid, default).Bits;
        Assert.True(c.GetProperty("expected").Bits("bits") == bits, $"{name}: bits {bits}");
        var upstream = c.GetProperty("upstream");
        if (upstream.GetProperty("check").GetString() == "lt" && upstream.GetProperty("values").TryGetProperty("price_below", out var below))
        {
            Assert.True((double)bits / (1UL << 32) < below.GetDouble(), $"{name}: upstream's bound {below} does not hold");
        }
    }
}
