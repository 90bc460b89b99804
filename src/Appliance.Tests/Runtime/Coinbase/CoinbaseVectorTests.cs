using System.Text.Json;
using Appliance.Consensus;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;
using Appliance.State;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Coinbase;

/// <summary>
/// Vectors/dtao/coinbase.json: subtensor's coinbase tests (TAO and alpha issuance, the injection cap, owner cut,
/// pending emission, root proportion) and the spec's end-to-end scenarios A and B, each a list of blocks run by
/// DynamicCoinbase.RunBlock on a real chain's state with the case's storage set before each block.
/// </summary>
public sealed class CoinbaseVectorTests
{
    private static readonly Dictionary<string, Func<IStateReader, NetUid, UInt128>> Fields = new()
    {
        ["SubnetTAO"] = (s, n) => SubnetPools.SubnetTao.At(s, n),
        ["SubnetAlphaIn"] = (s, n) => SubnetPools.SubnetAlphaIn.At(s, n),
        ["SubnetAlphaOut"] = (s, n) => SubnetPools.SubnetAlphaOut.At(s, n),
        ["SubnetProtocolAlpha"] = (s, n) => SubnetPools.ProtocolAlpha.At(s, n),
        ["PendingServerEmission"] = (s, n) => DynamicCoinbase.PendingServer.At(s, n),
        ["PendingValidatorEmission"] = (s, n) => DynamicCoinbase.PendingValidator.At(s, n),
        ["PendingRootAlphaDivs"] = (s, n) => DynamicCoinbase.PendingRootAlpha.At(s, n),
        ["PendingOwnerCut"] = (s, n) => DynamicCoinbase.PendingOwnerCut.At(s, n),
        ["SubnetTaoInEmission"] = (s, n) => DynamicCoinbase.TaoInEmission.At(s, n),
        ["SubnetAlphaInEmission"] = (s, n) => DynamicCoinbase.AlphaInEmission.At(s, n),
        ["SubnetAlphaOutEmission"] = (s, n) => DynamicCoinbase.AlphaOutEmission.At(s, n),
        ["SubnetExcessTao"] = (s, n) => DynamicCoinbase.ExcessTao.At(s, n),
        ["SubnetMovingPriceBits"] = (s, n) => SubnetPools.MovingPrice.GetOrDefault(s, n, default).Bits,
        ["PriceBits"] = (s, n) => SubnetPools.Price(s, n).Bits,
    };

    public static IEnumerable<object[]> BlockCases => DtaoVectors.Cases("coinbase.json", "run_block");

    public static IEnumerable<object[]> RootProportionCases => DtaoVectors.Cases("coinbase.json", "root_proportion");

    [Theory]
    [MemberData(nameof(BlockCases))]
    public void RunBlock_Case_LeavesSubtensorsPoolsAndPots(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        using var calls = new CallHarness();
        var state = calls.State;
        var steps = c.GetProperty("steps").EnumerateArray().ToList();
        var (before, issuanceBefore, events) = (Snapshot(state), Rao.Zero, new List<RuntimeEvent>());
        foreach (var step in steps)
        {
            Apply(calls, step.GetProperty("set"));
            (before, issuanceBefore, events) = (Snapshot(state), BalancesModule.Issuance(state), []);
            DynamicCoinbase.RunBlock(state, step.U64("block"), SubnetsModule.AllSubnets(state).ToList(), events);
        }

        var expected = c.GetProperty("expected");
        Assert.All(events.Where(e => e.Name == "SubnetEmission"), e => Assert.Equal(expected.U64("block_emission_last_step"), (ulong)e.Fields["block_emission"]!));
        var minted = (BalancesModule.Issuance(state) - issuanceBefore).Value;
        Assert.True(expected.U64("total_issuance_increase_last_step") == minted, $"{name}: minted {minted}");
        var mismatches = expected.GetProperty("subnets").EnumerateObject()
            .SelectMany(subnet => subnet.Value.EnumerateObject().Select(field => (Netuid: subnet.Name, Field: field.Name, Expected: Number(field.Value),
                Actual: Fields[field.Name](state, new NetUid(ushort.Parse(subnet.Name))))))
            .Where(f => f.Expected != f.Actual)
            .Select(f => $"subnet {f.Netuid} {f.Field}: expected {f.Expected}, ours {f.Actual}")
            .ToList();
        Assert.True(mismatches.Count == 0, $"{name}:\n{string.Join('\n', mismatches)}");
        if (c.TryGetProperty("expected_last_step_increase", out var increases))
        {
            foreach (var subnet in increases.EnumerateObject())
            {
                var netuid = new NetUid(ushort.Parse(subnet.Name));
                foreach (var field in subnet.Value.EnumerateObject())
                {
                    Assert.True(Number(field.Value) == Fields[field.Name](state, netuid) - before[(netuid, field.Name)], $"{name}: increase of {field.Name}");
                }
            }
        }
        foreach (var check in c.GetProperty("upstream_checks").EnumerateArray())
        {
            AssertUpstreamCheck(name, state, check, minted);
        }
    }

    [Theory]
    [MemberData(nameof(RootProportionCases))]
    public void RootProportion_RootStakeTaoWeightAndAlphaIssuance_SubtensorsBits(string name, string json)
    {
        var c = DtaoVectors.Parse(json);
        var inputs = c.GetProperty("inputs");
        using var calls = new CallHarness();
        SubnetPools.SubnetTao.Set(calls.State, SubnetPools.Root, new Rao(inputs.U64("root_tao")));
        SubnetPools.TaoWeightValue.Set(calls.State, new U64(inputs.U64("tao_weight")));
        DtaoVectors.SetPool(calls.State, calls.NetUid, SubnetPools.SubnetTao.At(calls.State, calls.NetUid), inputs.U64("SubnetAlphaIn"), inputs.U64("SubnetAlphaOut"));

        var proportion = DynamicCoinbase.RootProportion(calls.State, calls.NetUid);

        Assert.True(new U96F32(c.GetProperty("expected").Bits("bits")) == proportion, $"{name}: bits {proportion.Bits}");
    }

    /// <summary>Sets the step's storage; a subnet the chain does not have yet is registered first (by //Alice).</summary>
    private static void Apply(CallHarness calls, JsonElement set)
    {
        var state = calls.State;
        var subnets = set.TryGetProperty("subnets", out var given) ? given.EnumerateObject().ToList() : [];
        foreach (var subnet in subnets)
        {
            var (netuid, values) = (new NetUid(ushort.Parse(subnet.Name)), subnet.Value);
            while (!SubnetsModule.Exists(state, netuid))
            {
                calls.Run(calls.Alice, new RegisterNetwork(CallHarness.Id(calls.Key($"//dtao-owner-{netuid.Value}"))));
            }
            if (values.Has("SubnetTAO"))
            {
                DtaoVectors.SetPool(state, netuid, values.U64("SubnetTAO"), values.U64("SubnetAlphaIn"), values.U64("SubnetAlphaOut"));
                DtaoVectors.Start(state, netuid, values.U64("FirstEmissionBlockNumber"));
            }
            if (values.Has("SubnetMovingPriceBits"))
            {
                SubnetPools.MovingPrice.Set(state, netuid, new FixedValue(values.Bits("SubnetMovingPriceBits")));
            }
        }
        if (set.Has("total_issuance"))
        {
            BalancesModule.TotalIssuance.Set(state, new Rao(set.U64("total_issuance")));
        }
        if (set.Has("root_tao"))
        {
            SubnetPools.SubnetTao.Set(state, SubnetPools.Root, new Rao(set.U64("root_tao")));
        }
        if (set.Has("tao_weight"))
        {
            SubnetPools.TaoWeightValue.Set(state, new U64(set.U64("tao_weight")));
        }
    }

    private static Dictionary<(NetUid, string), UInt128> Snapshot(IStateReader state) =>
        SubnetsModule.AllSubnets(state).SelectMany(n => Fields.Select(f => ((n, f.Key), f.Value(state, n)))).ToDictionary(p => p.Item1, p => p.Item2);

    private static void AssertUpstreamCheck(string name, IStateReader state, JsonElement check, ulong minted)
    {
        var field = check.GetProperty("field").GetString()!;
        var netuid = check.Has("netuid") ? new NetUid(check.GetProperty("netuid").GetUInt16()) : SubnetPools.Root;
        var actual = field == "total_issuance_increase" ? minted : Fields[field](state, netuid);
        var value = Number(check.GetProperty("value")) + (check.TryGetProperty("plus_field", out var plus) ? Fields[plus.GetString()!](state, netuid) : 0);
        var holds = check.GetProperty("op").GetString() switch
        {
            "==" => actual == value,
            "<" => actual < value,
            ">" => actual > value,
            var op => throw new InvalidOperationException($"{name}: unknown op {op}"),
        };
        Assert.True(holds, $"{name}: upstream's check {check} does not hold (ours {actual})");
    }

    private static UInt128 Number(JsonElement value) => value.ValueKind == JsonValueKind.String ? UInt128.Parse(value.GetString()!) : value.GetUInt64();
}
