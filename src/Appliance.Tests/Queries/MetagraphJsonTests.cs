using System.Text.Json;
using Appliance.Contracts;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Queries;

/// <summary>
/// The kept metagraph against one read afresh, head after head: its view equals a new reader's, its JSON is
/// what System.Text.Json writes for that view, a block that writes none of its entries rebuilds no row (and
/// its document shares the neurons' JSON of the head before), and one that writes a few rebuilds those rows
/// only, whether the hub told of the block (its state writes are applied) or not (the subnet is scanned);
/// epochs and registrations in between.
/// </summary>
public sealed class MetagraphJsonTests : IDisposable
{
    private const int Tempo = 4;
    private static readonly NetUid Netuid = new(1);
    private readonly TestChain _chain = new();
    private readonly ChainEventHub _hub = new();
    private readonly List<Appliance.Crypto.Ed25519KeyPair> _hotkeys = Enumerable.Range(0, 6).Select(i => TestChain.Key($"//metagraph//{i}")).ToList();

    public void Dispose()
    {
        _hotkeys.ForEach(h => h.Dispose());
        _chain.Dispose();
    }

    [Fact]
    public void KeptMetagraph_HeadAfterHead_EqualsFreshReadAndItsSerialisation()
    {
        var queries = new ChainQueries(_chain.Chain, _chain.Pool, _hub);
        Build();
        AssertEqualsFresh(queries);

        var before = queries.Metagraph(Netuid)!;
        var neuronsBefore = queries.MetagraphJson(Netuid)!.Value.Neurons;
        SealUntil(epoch: false);
        var after = AssertEqualsFresh(queries);
        Assert.Equal(before.Block + 1, after.Block);
        Assert.Equal(before.Neurons.Count, Kept(before, after).Count(same => same));
        var neuronsAfter = queries.MetagraphJson(Netuid)!.Value.Neurons;
        Assert.True(neuronsAfter.Span.Overlaps(neuronsBefore.Span, out var offset) && offset == 0 && neuronsAfter.Length == neuronsBefore.Length,
            "the new head's document does not share the neurons' JSON of the head before");

        _chain.Submit(_chain.Alice, new AddStake(TestChain.Id(_hotkeys[2]), Netuid, Rao.FromTao(5)));
        _chain.Submit(_hotkeys[3], new ServeAxon(Netuid, 1, 0x7F000001, 9000, 4, 4));
        before = after;
        SealUntil(epoch: false);
        after = AssertEqualsFresh(queries);
        Assert.Equal([2, 3], Enumerable.Range(0, after.Neurons.Count).Where(uid => !Kept(before, after)[uid]));

        _chain.Submit(_chain.Alice, new AddStake(TestChain.Id(_hotkeys[4]), Netuid, Rao.FromTao(5)));
        before = after;
        _chain.Seal();
        after = AssertEqualsFresh(queries);
        Assert.Equal([4], Enumerable.Range(0, after.Neurons.Count).Where(uid => !Kept(before, after)[uid]));

        SealUntil(epoch: true);
        AssertEqualsFresh(queries);
        _chain.Submit(_chain.Alice, new BurnedRegister(Netuid, TestChain.Id(TestChain.Key("//metagraph//late"))));
        SealUntil(epoch: false);
        Assert.Equal(_hotkeys.Count + 1, AssertEqualsFresh(queries).Neurons.Count);
    }

    private void Build()
    {
        Assert.True(_chain.Submit(_chain.Alice, new RegisterNetwork(TestChain.Id(_hotkeys[0]))).Accepted);
        Publish();
        Assert.True(_chain.Submit(_chain.Alice, new StartCall(Netuid)).Accepted);
        foreach (var (name, value) in new[] { ("tempo", (long)Tempo), ("commit_reveal_weights_enabled", 0), ("weights_rate_limit", 0) })
        {
            Assert.True(_chain.Submit(_chain.Alice, new SudoSetHyperparameter(Netuid, name, value)).Accepted, name);
        }
        foreach (var hotkey in _hotkeys.Skip(1))
        {
            _chain.Submit(_chain.Alice, new BurnedRegister(Netuid, TestChain.Id(hotkey)));
            _chain.Submit(_chain.Alice, new Appliance.Runtime.Balances.TransferAllowDeath(TestChain.Id(hotkey), Rao.FromTao(1)));
        }
        _chain.Submit(_chain.Alice, new AddStake(TestChain.Id(_hotkeys[1]), Netuid, Rao.FromTao(100)));
        Publish();
        _chain.Submit(_hotkeys[1], new ServeAxon(Netuid, 1, 0x0A000001, 8091, 4, 4));
        SealUntil(epoch: true);
    }

    /// <summary>Seals blocks, each told to the hub as the producer does, until one that runs the subnet's epoch or one that does not.</summary>
    private void SealUntil(bool epoch)
    {
        bool NextRunsEpoch() => SubnetsModule.NextEpochBlock(_chain.Chain.Head.Number, Netuid, Tempo) == _chain.Chain.Head.Number + 1;
        while (NextRunsEpoch() != epoch)
        {
            Publish();
        }
        Publish();
    }

    private void Publish() => _hub.Publish(_chain.Seal());

    private MetagraphView AssertEqualsFresh(ChainQueries queries)
    {
        var document = queries.MetagraphJson(Netuid)!.Value;
        byte[] json = [.. document.Head.Span, .. document.Neurons.Span];
        var view = queries.Metagraph(Netuid)!;
        var fresh = new ChainQueries(_chain.Chain, _chain.Pool, new ChainEventHub()).Metagraph(Netuid)!;
        Assert.Equal(JsonSerializer.Serialize(fresh, ApiJson.Options), JsonSerializer.Serialize(view, ApiJson.Options));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(view, ApiJson.Options), json);
        return view;
    }

    /// <summary>For each uid of <paramref name="after"/>, whether its row is still the very one <paramref name="before"/> had.</summary>
    private static bool[] Kept(MetagraphView before, MetagraphView after) =>
        after.Neurons.Select((neuron, uid) => uid < before.Neurons.Count && ReferenceEquals(neuron, before.Neurons[uid])).ToArray();
}
