using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Tests.Support;

/// <summary>
/// Runs calls straight on an overlay of a fresh chain's genesis state, at whatever block a test names, with
/// subnet 1 registered (owner coldkey //Alice, owner hotkey //owner-hot, uid 0). <see cref="Run"/> sets up
/// and must succeed; <see cref="AssertRefused"/> checks a refusal's exact code and that the call wrote nothing.
/// </summary>
public sealed class CallHarness : IDisposable
{
    private readonly TestChain _chain;
    private readonly IHeadState _genesis;
    private readonly List<Ed25519KeyPair> _keys = [];

    public CallHarness(EmissionModel model = EmissionModel.Dynamic)
    {
        _chain = new TestChain(GenesisConfig.Development(model));
        _genesis = _chain.Chain.OpenSnapshot();
        State = new StateOverlay(_genesis);
        Owner = Key("//owner-hot");
        Run(Alice, new RegisterNetwork(Id(Owner)));
    }

    public Ed25519KeyPair Alice => _chain.Alice;

    public Ed25519KeyPair Owner { get; }

    public NetUid NetUid { get; } = new(1);

    public StateOverlay State { get; }

    /// <summary>The block the next call runs in.</summary>
    public ulong Block { get; set; } = 1;

    public static AccountId Id(Ed25519KeyPair key) => TestChain.Id(key);

    public Ed25519KeyPair Key(string uri)
    {
        var key = TestChain.Key(uri);
        _keys.Add(key);
        return key;
    }

    public void Run(Ed25519KeyPair signer, RuntimeCall call)
    {
        var error = call.Dispatch(new DispatchContext(State, Id(signer), Block, [], 0));
        Assert.True(error is null, $"{call.Info.Name}: {error}");
    }

    public void Fund(Ed25519KeyPair who, ulong tao) => Run(Alice, new TransferAllowDeath(Id(who), new Rao(tao * Rao.PerTao)));

    public void Set(Hyperparameter parameter, long value) => Run(Alice, new SudoSetHyperparameter(NetUid, parameter.Name, value));

    /// <summary>A new hotkey of //Alice's, registered in subnet 1.</summary>
    public Ed25519KeyPair Register(string uri)
    {
        var hotkey = Key(uri);
        Run(Alice, new BurnedRegister(NetUid, Id(hotkey)));
        return hotkey;
    }

    /// <summary>Dispatches on a child overlay: the call must fail with <paramref name="code"/>, writing no state and depositing no event.</summary>
    public DispatchError AssertRefused(DispatchErrorCode code, Ed25519KeyPair signer, RuntimeCall call)
    {
        var scratch = new StateOverlay(State);
        var events = new List<RuntimeEvent>();
        var error = call.Dispatch(new DispatchContext(scratch, Id(signer), Block, events, 0));
        Assert.Equal(code, error?.Code);
        Assert.Empty(scratch.Changes);
        Assert.Empty(events);
        return error!;
    }

    public void Dispose()
    {
        _keys.ForEach(k => k.Dispose());
        _genesis.Dispose();
        _chain.Dispose();
    }
}
