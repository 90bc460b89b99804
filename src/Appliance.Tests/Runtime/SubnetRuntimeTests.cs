using Appliance.Chain.Genesis;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime;

/// <summary>Subnet calls on a chain sealed block by block; TestChain checks the issuance invariant after every block.</summary>
public sealed class SubnetRuntimeTests : IDisposable
{
    private readonly TestChain _chain = new(GenesisConfig.Development(EmissionModel.Classic));
    private readonly Appliance.Crypto.Ed25519KeyPair _owner = TestChain.Key("//owner-hot");
    private readonly Appliance.Crypto.Ed25519KeyPair _miner = TestChain.Key("//miner-hot");
    private readonly NetUid _netuid = new(1);

    public SubnetRuntimeTests()
    {
        Assert.True(_chain.Submit(_chain.Alice, new RegisterNetwork(TestChain.Id(_owner))).Accepted);
        _chain.Seal();
    }

    public void Dispose()
    {
        _owner.Dispose();
        _miner.Dispose();
        _chain.Dispose();
    }

    [Fact]
    public void RegisterNetwork_LocksTheCost_NotBurned_OwnerHotkeyIsUidZero()
    {
        using var state = _chain.Chain.OpenSnapshot();
        var subnet = SubnetsModule.Subnets.GetOrDefault(state, _netuid, default);

        Assert.Equal(RegisterNetwork.MinLockCost, subnet.Locked);
        Assert.Equal(TestChain.Id(_owner), SubnetsModule.Neuron(state, _netuid, new Uid(0)).Hotkey);
        Assert.Equal(new Rao(1_000_000 * Rao.PerTao) - _chain.Issuance(), Fees());
        var next = RegisterNetwork.LockCost(state, _chain.Chain.Head.Number + 1);
        Assert.True(next > RegisterNetwork.MinLockCost && next <= new Rao(2 * RegisterNetwork.MinLockCost.Value), $"next lock {next}");
    }

    [Fact]
    public void BurnedRegister_DestroysTheBurn_AndDecaysItEveryBlock()
    {
        var issuance = _chain.Issuance();
        Assert.True(_chain.Submit(_chain.Alice, new BurnedRegister(_netuid, TestChain.Id(_miner))).Accepted);
        var block = _chain.Seal();

        var paid = (ulong)block.Events.Single(e => e.Name == "NeuronRegistered").Fields["burn"]!;
        Assert.Equal(issuance + BlockEmission.ForIssuance(issuance) - new Rao(paid) - block.Extrinsics[0].Fee, _chain.Issuance());
        var bumped = Burn();
        _chain.Seal();
        Assert.True(Burn() < bumped);
    }

    [Fact]
    public void StakeAndUnstake_MoveBalance_TotalsFollow_ManyBlocks()
    {
        Assert.True(_chain.Submit(_chain.Alice, new BurnedRegister(_netuid, TestChain.Id(_miner))).Accepted);
        _chain.Seal();
        for (var i = 0; i < 10; i++)
        {
            Assert.True(_chain.Submit(_chain.Alice, new AddStake(TestChain.Id(_miner), _netuid, new Rao(3 * Rao.PerTao))).Accepted);
            _chain.Seal();
        }
        Assert.True(_chain.Submit(_chain.Alice, new RemoveStake(TestChain.Id(_miner), _netuid, new Rao(7 * Rao.PerTao))).Accepted);
        _chain.Seal();

        using var state = _chain.Chain.OpenSnapshot();
        Assert.Equal(new Rao(23 * Rao.PerTao), StakingModule.OfHotkey(state, _netuid, TestChain.Id(_miner)));
        Assert.Equal(new Rao(23 * Rao.PerTao), StakingModule.Total(state));
    }

    [Fact]
    public void FailedSubnetCall_InBlock_RevertsItsWrites()
    {
        Assert.True(_chain.Submit(_chain.Alice, new BurnedRegister(_netuid, TestChain.Id(_miner))).Accepted);
        var second = _chain.Sign(_chain.Alice, new BurnedRegister(_netuid, TestChain.Id(_miner)));
        Assert.True(_chain.Pool.Submit(second.Encoded).Accepted);

        var block = _chain.Seal();

        Assert.Equal(DispatchErrorCode.HotKeyAlreadyRegisteredInSubNet, block.Extrinsics[1].Error!.Code);
        using var state = _chain.Chain.OpenSnapshot();
        Assert.Equal(2, SubnetsModule.Count(state, _netuid));
    }

    private Rao Burn()
    {
        using var state = _chain.Chain.OpenSnapshot();
        return SubnetsModule.Burn.GetOrDefault(state, _netuid, Rao.Zero);
    }

    private Rao Fees()
    {
        using var connection = _chain.Chain.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT SUM(fee) FROM extrinsics";
        return new Rao((ulong)(long)command.ExecuteScalar()!);
    }
}
