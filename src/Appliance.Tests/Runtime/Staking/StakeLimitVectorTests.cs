using System.Text.Json;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;
using Appliance.State;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Staking;

/// <summary>
/// Vectors/dtao/stake_limits.json: subtensor's test_max_amount_add_dynamic, test_max_amount_remove_dynamic and the
/// add_stake_limit / remove_stake_limit tests (partial, fill-or-kill, a limit below the price), through
/// DynamicStakeRules and the calls on a registered subnet whose reserves the case sets.
/// </summary>
public sealed class StakeLimitVectorTests
{
    public static IEnumerable<object[]> MaxAddCases => DtaoVectors.Cases("stake_limits.json", "max_amount_add");

    public static IEnumerable<object[]> MaxRemoveCases => DtaoVectors.Cases("stake_limits.json", "max_amount_remove");

    public static IEnumerable<object[]> AddLimitCases => DtaoVectors.Cases("stake_limits.json", "add_stake_limit");

    public static IEnumerable<object[]> RemoveLimitCases => DtaoVectors.Cases("stake_limits.json", "remove_stake_limit");

    [Theory]
    [MemberData(nameof(MaxAddCases))]
    public void MaxAmountAdd_ReservesAndLimit_SubtensorsAmountOrError(string name, string json) =>
        AssertMaxAmount(name, json, (state, netuid, limit) => (DynamicStakeRules.MaxAmountAdd(state, netuid, limit, out var error), error));

    [Theory]
    [MemberData(nameof(MaxRemoveCases))]
    public void MaxAmountRemove_ReservesAndLimit_SubtensorsAmountOrError(string name, string json) =>
        AssertMaxAmount(name, json, (state, netuid, limit) => (DynamicStakeRules.MaxAmountRemove(state, netuid, limit, out var error), error));

    [Theory]
    [MemberData(nameof(AddLimitCases))]
    public void AddStakeLimit_Case_StakesWhatSubtensorStakesOrRefusesAlike(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var (inputs, expected) = (c.GetProperty("inputs"), c.GetProperty("expected"));
        using var calls = new CallHarness();
        var (state, netuid, hotkey, alice) = (calls.State, calls.NetUid, CallHarness.Id(calls.Owner), CallHarness.Id(calls.Alice));
        DtaoVectors.SetPool(state, netuid, inputs.U64("SubnetTAO"), inputs.U64("SubnetAlphaIn"));
        DtaoVectors.Start(state, netuid);
        var call = new AddStakeLimit(hotkey, netuid, new Rao(inputs.U64("amount")), inputs.U64("limit_price"), inputs.GetProperty("allow_partial").GetBoolean());
        if (expected.ExpectedError() is { } code)
        {
            calls.AssertRefused(code, calls.Alice, call);
            return;
        }
        var free = BalancesModule.Free(state, alice);

        calls.Run(calls.Alice, call);

        var staked = StakingModule.Of(state, new StakeKey(alice, hotkey, netuid)).Value;
        Assert.True(expected.U64("stake_alpha") == staked, $"{name}: staked {staked}");
        Assert.Equal(expected.U64("balance_spent"), (free - BalancesModule.Free(state, alice)).Value);
        Assert.Equal(expected.U64("SubnetTAO"), SubnetPools.SubnetTao.At(state, netuid));
        Assert.Equal(expected.U64("SubnetAlphaIn"), SubnetPools.SubnetAlphaIn.At(state, netuid));
        Assert.Equal(expected.Bits("price_bits"), SubnetPools.Price(state, netuid).Bits);
        var upstream = c.GetProperty("upstream");
        if (upstream.GetProperty("check").GetString() == "abs_diff")
        {
            var values = upstream.GetProperty("values");
            Assert.InRange(staked, values.U64("stake_alpha") - values.U64("stake_epsilon"), values.U64("stake_alpha") + values.U64("stake_epsilon"));
            Assert.InRange(SubnetPools.Price(state, netuid).ToDouble(), values.GetProperty("price").GetDouble() - 0.001, values.GetProperty("price").GetDouble() + 0.001);
        }
    }

    [Theory]
    [MemberData(nameof(RemoveLimitCases))]
    public void RemoveStakeLimit_Case_UnstakesWhatSubtensorUnstakesOrRefusesAlike(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var (inputs, expected) = (c.GetProperty("inputs"), c.GetProperty("expected"));
        using var calls = new CallHarness();
        var (state, netuid, hotkey, alice) = (calls.State, calls.NetUid, CallHarness.Id(calls.Owner), CallHarness.Id(calls.Alice));
        var key = new StakeKey(alice, hotkey, netuid);
        DtaoVectors.SetPool(state, netuid, inputs.U64("SubnetTAO"), inputs.U64("SubnetAlphaIn"), inputs.U64("stake"));
        DtaoVectors.Start(state, netuid);
        StakingModule.ChangeHeld(state, key, new Rao(inputs.U64("stake")), add: true);
        var call = new RemoveStakeLimit(hotkey, netuid, new Rao(inputs.U64("amount")), inputs.U64("limit_price"), inputs.GetProperty("allow_partial").GetBoolean());
        if (expected.ExpectedError() is { } code)
        {
            calls.AssertRefused(code, calls.Alice, call);
            return;
        }
        var free = BalancesModule.Free(state, alice);

        calls.Run(calls.Alice, call);

        Assert.True(expected.U64("tao_received") == (BalancesModule.Free(state, alice) - free).Value, $"{name}: received {BalancesModule.Free(state, alice) - free}");
        Assert.Equal(expected.U64("stake_left"), StakingModule.Of(state, key).Value);
        Assert.Equal(expected.U64("SubnetTAO"), SubnetPools.SubnetTao.At(state, netuid));
        Assert.Equal(expected.U64("SubnetAlphaIn"), SubnetPools.SubnetAlphaIn.At(state, netuid));
        Assert.Equal(expected.U64("fee"), SubnetPools.BurnedAlpha.At(state, netuid));
    }

    private static void AssertMaxAmount(string name, string json, Func<IStateReader, NetUid, ulong, (Rao Max, DispatchError? Error)> maxAmount)
    {
        var c = DtaoVectors.Parse(json);
        var (inputs, expected) = (c.GetProperty("inputs"), c.GetProperty("expected"));
        using var calls = new CallHarness();
        DtaoVectors.SetPool(calls.State, calls.NetUid, inputs.U64("SubnetTAO"), inputs.U64("SubnetAlphaIn"));

        var (max, error) = maxAmount(calls.State, calls.NetUid, inputs.U64("limit_price"));

        Assert.True(expected.ExpectedError() == error?.Code, $"{name}: error {error?.ToString() ?? "none"}, max {max}");
        if (error is null)
        {
            Assert.True(expected.U64("value") == max.Value, $"{name}: max {max.Value}, expected {expected.U64("value")}");
            AssertWithinUpstreamTolerance(name, c.GetProperty("upstream"), max.Value);
        }
    }

    private static void AssertWithinUpstreamTolerance(string name, JsonElement upstream, ulong actual)
    {
        if (upstream.GetProperty("check").GetString() != "abs_diff")
        {
            return;
        }
        var (value, epsilon) = (upstream.GetProperty("values").U64("value"), upstream.U64("epsilon"));
        Assert.True(Math.Max(actual, value) - Math.Min(actual, value) <= epsilon, $"{name}: {actual} is more than {epsilon} from subtensor's {value}");
    }
}
