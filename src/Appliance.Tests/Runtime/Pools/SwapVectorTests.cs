using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Pools;

/// <summary>
/// Vectors/dtao/swap.json: subtensor's swap tests (test_swap_basic, the 1000× input limit, test_stake_base_case),
/// the fee of spec §1.3 and the stake/unstake round trip, reproduced through PoolSwap, PoolStake and the calls.
/// </summary>
public sealed class SwapVectorTests
{
    public static IEnumerable<object[]> SwapCases => DtaoVectors.Cases("swap.json", "swap");

    public static IEnumerable<object[]> FeeCases => DtaoVectors.Cases("swap.json", "fee");

    public static IEnumerable<object[]> PoolBuyCases => DtaoVectors.Cases("swap.json", "pool_buy");

    public static IEnumerable<object[]> RoundTripCases => DtaoVectors.Cases("swap.json", "round_trip");

    [Theory]
    [MemberData(nameof(SwapCases))]
    public void Swap_FromReserves_GivesSubtensorsAmounts(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var (inputs, expected) = (c.GetProperty("inputs"), c.GetProperty("expected"));
        var reserves = new Reserves(inputs.U64("tao_reserve"), inputs.U64("alpha_reserve"));

        var result = PoolSwap.Swap(reserves, inputs.GetProperty("order").GetString() == "buy", inputs.U64("amount"),
            new U64F64(inputs.Bits("limit_price_bits")), inputs.GetProperty("drop_fees").GetBoolean(), out var error);

        Assert.True(expected.ExpectedError() == error?.Code, $"{name}: error {error?.ToString() ?? "none"}");
        if (error is not null)
        {
            return;
        }
        Assert.Equal(
            (expected.U64("paid_in"), expected.U64("paid_out"), expected.U64("fee")),
            (result.PaidIn, result.PaidOut, result.Fee));
        var upstream = c.GetProperty("upstream");
        if (upstream.GetProperty("check").GetString() == "abs_diff")
        {
            var (values, epsilon) = (upstream.GetProperty("values"), upstream.U64("epsilon"));
            Assert.InRange(result.PaidOut, values.U64("paid_out") - epsilon, values.U64("paid_out") + epsilon);
            Assert.InRange(result.PaidIn, values.U64("paid_in") - epsilon, values.U64("paid_in") + epsilon);
        }
    }

    [Theory]
    [MemberData(nameof(FeeCases))]
    public void FeeOf_Amount_IsSubtensorsFloorOfAmountTimes33Over65535(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        Assert.True(c.GetProperty("expected").U64("fee") == PoolSwap.FeeOf(c.GetProperty("inputs").U64("amount")), name);
    }

    [Theory]
    [MemberData(nameof(PoolBuyCases))]
    public void BuyAlpha_OnSubnetStorage_MovesReservesAndAlphaOutLikeSwapTaoForAlpha(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var (inputs, expected) = (c.GetProperty("inputs"), c.GetProperty("expected"));
        using var calls = new CallHarness();
        DtaoVectors.SetPool(calls.State, calls.NetUid, inputs.U64("SubnetTAO"), inputs.U64("SubnetAlphaIn"), inputs.U64("SubnetAlphaOut"));

        var result = PoolStake.BuyAlpha(calls.State, calls.NetUid, inputs.U64("tao"), PoolStake.MaxPrice, inputs.GetProperty("drop_fees").GetBoolean(), out var error);

        Assert.True(error is null, $"{name}: {error}");
        Assert.Equal((expected.U64("paid_in"), expected.U64("paid_out"), expected.U64("fee")), (result.PaidIn, result.PaidOut, result.Fee));
        Assert.Equal(expected.U64("SubnetTAO"), SubnetPools.SubnetTao.At(calls.State, calls.NetUid));
        Assert.Equal(expected.U64("SubnetAlphaIn"), SubnetPools.SubnetAlphaIn.At(calls.State, calls.NetUid));
        Assert.Equal(expected.U64("SubnetAlphaOut"), SubnetPools.SubnetAlphaOut.At(calls.State, calls.NetUid));
    }

    [Theory]
    [MemberData(nameof(RoundTripCases))]
    public void AddStakeThenRemoveAll_GivesSubtensorsAmounts_FeeAlphaBurned(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var (inputs, expected) = (c.GetProperty("inputs"), c.GetProperty("expected"));
        using var calls = new CallHarness();
        var (state, netuid, hotkey) = (calls.State, calls.NetUid, CallHarness.Id(calls.Owner));
        DtaoVectors.SetPool(state, netuid, inputs.U64("SubnetTAO"), inputs.U64("SubnetAlphaIn"));
        DtaoVectors.Start(state, netuid);
        var alice = CallHarness.Id(calls.Alice);
        var key = new StakeKey(alice, hotkey, netuid);
        var free = BalancesModule.Free(state, alice);

        calls.Run(calls.Alice, new AddStake(hotkey, netuid, new Rao(inputs.U64("stake_tao"))));
        var staked = StakingModule.Of(state, key);
        Assert.True(expected.U64("stake_alpha") == staked.Value, $"{name}: staked {staked}");
        Assert.Equal(free - new Rao(inputs.U64("stake_tao")), BalancesModule.Free(state, alice));

        calls.Run(calls.Alice, new RemoveStake(hotkey, netuid, staked));
        Assert.Equal(Rao.Zero, StakingModule.Of(state, key));
        Assert.Equal(free - new Rao(inputs.U64("stake_tao")) + new Rao(expected.U64("unstake_tao")), BalancesModule.Free(state, alice));
        Assert.Equal(expected.U64("SubnetTAO"), SubnetPools.SubnetTao.At(state, netuid));
        Assert.Equal(expected.U64("SubnetAlphaIn"), SubnetPools.SubnetAlphaIn.At(state, netuid));
        Assert.Equal(expected.U64("SubnetAlphaBurned"), SubnetPools.BurnedAlpha.At(state, netuid));
        Assert.Equal(expected.U64("SubnetAlphaBurned"), SubnetPools.AlphaOut(state, netuid).Value);
    }
}
