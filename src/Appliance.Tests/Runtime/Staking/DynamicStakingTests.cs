using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Staking;

/// <summary>
/// Stake through a subnet's pool on a dynamic chain: subnet 1's pool opens with the 1,000 TAO lock and 1,000
/// alpha (price 1). The amounts are those of subtensor's constant-product swap at weights ½ with its 33/65535
/// fee (docs/consensus.md), computed independently in the spec's emulation (round trip on 1e12/1e12).
/// </summary>
public sealed class DynamicStakingTests : IDisposable
{
    private const ulong PoolSide = 1_000 * Rao.PerTao;
    private readonly CallHarness _calls = new();

    public void Dispose() => _calls.Dispose();

    private AccountId Owner => CallHarness.Id(_calls.Owner);

    private AccountId Alice => CallHarness.Id(_calls.Alice);

    [Fact]
    public void RegisterNetwork_OpensThePool_WithTheLockAsTaoAndAlphaAtPriceOne()
    {
        Assert.Equal(new Reserves(PoolSide, PoolSide), SubnetPools.ReservesOf(_calls.State, _calls.NetUid));
        Assert.Equal(Rao.Zero, SubnetPools.AlphaOut(_calls.State, _calls.NetUid));
        Assert.Equal(Rao.PerTao, PoolSwap.PriceInRao(SubnetPools.Price(_calls.State, _calls.NetUid)));
    }

    [Fact]
    public void AddStake_BeforeStartCall_SubtokenDisabled_StateUnchanged() =>
        _calls.AssertRefused(DispatchErrorCode.SubtokenDisabled, _calls.Alice, new AddStake(Owner, _calls.NetUid, new Rao(10 * Rao.PerTao)));

    [Fact]
    public void StartCall_SecondTime_FirstEmissionBlockNumberAlreadySet_ByAnother_NotSubnetOwner()
    {
        using var bob = TestChain.Key("//Bob");
        _calls.Fund(bob, 10);
        _calls.AssertRefused(DispatchErrorCode.NotSubnetOwner, bob, new StartCall(_calls.NetUid));
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));

        Assert.Equal(_calls.Block + 1, SubnetPools.FirstEmissionBlock.GetOrDefault(_calls.State, _calls.NetUid, new U64(0)).Value);
        _calls.AssertRefused(DispatchErrorCode.FirstEmissionBlockNumberAlreadySet, _calls.Alice, new StartCall(_calls.NetUid));
    }

    [Fact]
    public void AddStake_ThenRemoveAll_SwapsThroughThePool_FeesBurned_ExactAmounts()
    {
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));
        var free = BalancesModule.Free(_calls.State, Alice);
        var issuance = BalancesModule.Issuance(_calls.State);

        _calls.Run(_calls.Alice, new AddStake(Owner, _calls.NetUid, new Rao(10 * Rao.PerTao)));

        const ulong fee = 5_035_477, alpha = 9_896_053_816;
        Assert.Equal(new Rao(alpha), StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid)));
        Assert.Equal(free - new Rao(10 * Rao.PerTao), BalancesModule.Free(_calls.State, Alice));
        Assert.Equal(new Reserves(PoolSide + (10 * Rao.PerTao) - fee, PoolSide - alpha), SubnetPools.ReservesOf(_calls.State, _calls.NetUid));
        Assert.Equal(new Rao(alpha), SubnetPools.AlphaOut(_calls.State, _calls.NetUid));
        Assert.Equal(issuance - new Rao(fee), BalancesModule.Issuance(_calls.State));

        _calls.Run(_calls.Alice, new RemoveStake(Owner, _calls.NetUid, new Rao(ulong.MaxValue)));

        Assert.Equal(Rao.Zero, StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid)));
        Assert.Equal(free - new Rao(10 * Rao.PerTao) + new Rao(9_989_981_362), BalancesModule.Free(_calls.State, Alice));
        Assert.Equal(new Rao(4_983_135), SubnetPools.BurnedAlpha.GetOrDefault(_calls.State, _calls.NetUid, Rao.Zero));
        Assert.Equal(new Rao(4_983_135), SubnetPools.AlphaOut(_calls.State, _calls.NetUid));
    }

    [Fact]
    public void AddStake_Limits_SlippageTooHigh_PriceLimitExceeded_InsufficientLiquidity_AmountTooLow()
    {
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));
        _calls.AssertRefused(DispatchErrorCode.SlippageTooHigh, _calls.Alice, new AddStakeLimit(Owner, _calls.NetUid, new Rao(100 * Rao.PerTao), 1_010_000_000, false));
        _calls.AssertRefused(DispatchErrorCode.PriceLimitExceeded, _calls.Alice, new AddStakeLimit(Owner, _calls.NetUid, new Rao(100 * Rao.PerTao), Rao.PerTao, true));
        _calls.AssertRefused(DispatchErrorCode.InsufficientLiquidity, _calls.Alice, new AddStake(Owner, _calls.NetUid, new Rao((PoolSide * 1_000) + 1)));
        _calls.AssertRefused(DispatchErrorCode.AmountTooLow, _calls.Alice, new AddStake(Owner, _calls.NetUid, StakingModule.DynamicMinStake));
    }

    [Fact]
    public void AddStakeLimit_Partial_BuysUntilThePriceReachesTheLimit()
    {
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));

        _calls.Run(_calls.Alice, new AddStakeLimit(Owner, _calls.NetUid, new Rao(100 * Rao.PerTao), 1_010_000_000, true));

        var price = PoolSwap.PriceInRao(SubnetPools.Price(_calls.State, _calls.NetUid));
        Assert.InRange(price, 1_009_000_000UL, 1_010_000_000UL);
        var staked = StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid));
        Assert.InRange(staked.Value, 4 * Rao.PerTao, 5 * Rao.PerTao);
    }

    [Fact]
    public void RemoveStakeLimit_BelowThePrice_PriceLimitExceeded_FillOrKill_SlippageTooHigh()
    {
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));
        _calls.Run(_calls.Alice, new AddStake(Owner, _calls.NetUid, new Rao(100 * Rao.PerTao)));
        var staked = StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid));

        _calls.AssertRefused(DispatchErrorCode.PriceLimitExceeded, _calls.Alice, new RemoveStakeLimit(Owner, _calls.NetUid, staked, 2 * Rao.PerTao, true));
        _calls.AssertRefused(DispatchErrorCode.SlippageTooHigh, _calls.Alice, new RemoveStakeLimit(Owner, _calls.NetUid, staked, 1_150_000_000, false));
        _calls.Run(_calls.Alice, new RemoveStakeLimit(Owner, _calls.NetUid, staked, 1_150_000_000, true));

        Assert.InRange(PoolSwap.PriceInRao(SubnetPools.Price(_calls.State, _calls.NetUid)), 1_150_000_000UL, 1_151_000_000UL);
        Assert.True(StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid)) > Rao.Zero);
    }

    [Fact]
    public void Swap_TooLargeOrDryPool_SwapInputTooLarge_ReservesTooLow()
    {
        PoolSwap.Swap(new Reserves(1_000_000_000, 1_000_000_000), buy: true, 2_000_000_000_000, PoolStake.MaxPrice, dropFees: true, out var error);
        Assert.Equal(DispatchErrorCode.SwapInputTooLarge, error?.Code);
        PoolSwap.Swap(new Reserves(1_000_000_000, 999_999), buy: true, 1_000, PoolStake.MaxPrice, dropFees: true, out error);
        Assert.Equal(DispatchErrorCode.ReservesTooLow, error?.Code);
    }

    [Fact]
    public void MoveStake_ToAnotherHotkeyInTheSubnet_AlphaChangesHands_SameStake_SameNetuid()
    {
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));
        var validator = _calls.Register("//validator");
        _calls.Run(_calls.Alice, new AddStake(Owner, _calls.NetUid, new Rao(10 * Rao.PerTao)));
        var staked = StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid));
        _calls.AssertRefused(DispatchErrorCode.SameNetuid, _calls.Alice, new MoveStake(Owner, Owner, _calls.NetUid, _calls.NetUid, staked));

        _calls.Run(_calls.Alice, new MoveStake(Owner, CallHarness.Id(validator), _calls.NetUid, _calls.NetUid, staked));

        Assert.Equal(Rao.Zero, StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid)));
        Assert.Equal(staked, StakingModule.Of(_calls.State, new StakeKey(Alice, CallHarness.Id(validator), _calls.NetUid)));
    }

    [Fact]
    public void SwapStake_ToRoot_SellsAlphaAndStakesTheTao_TransferStake_GivesItToAnotherColdkey()
    {
        _calls.Run(_calls.Alice, new StartCall(_calls.NetUid));
        _calls.Run(_calls.Alice, new AddStake(Owner, _calls.NetUid, new Rao(10 * Rao.PerTao)));
        var staked = StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, _calls.NetUid));
        var expected = PoolStake.SimulateSell(_calls.State, _calls.NetUid, staked.Value, PoolStake.MinPrice, false, out _).PaidOut;

        _calls.Run(_calls.Alice, new SwapStake(Owner, _calls.NetUid, SubnetPools.Root, staked));

        var root = StakingModule.Of(_calls.State, new StakeKey(Alice, Owner, SubnetPools.Root));
        Assert.Equal(new Rao(expected), root);
        Assert.Equal(root, SubnetPools.SubnetTao.GetOrDefault(_calls.State, SubnetPools.Root, Rao.Zero));
        using var bob = TestChain.Key("//Bob");
        _calls.Run(_calls.Alice, new TransferStake(CallHarness.Id(bob), Owner, SubnetPools.Root, SubnetPools.Root, root));
        Assert.Equal(root, StakingModule.Of(_calls.State, new StakeKey(CallHarness.Id(bob), Owner, SubnetPools.Root)));
    }

    [Fact]
    public void LimitCalls_OnAClassicChain_NeedsDynamicTao()
    {
        using var classic = new CallHarness(EmissionModel.Classic);
        classic.AssertRefused(DispatchErrorCode.NeedsDynamicTao, classic.Alice,
            new AddStakeLimit(CallHarness.Id(classic.Owner), classic.NetUid, new Rao(Rao.PerTao), Rao.PerTao, true));
    }
}
