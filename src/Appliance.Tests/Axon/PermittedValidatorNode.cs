using System.Text.Json;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Axon;

/// <summary>
/// A real node with subnet 1 (tempo 4, started) on which //axon//validator is registered, staked and holds a
/// validator permit after an epoch, and //axon//miner is registered without stake (so without a permit).
/// //axon//outsider is not registered anywhere.
/// </summary>
public sealed class PermittedValidatorNode : IAsyncLifetime
{
    public static readonly NetUid Netuid = new(1);

    public TestNode Node { get; private set; } = null!;

    public Ed25519KeyPair Validator { get; } = TestChain.Key("//axon//validator");

    public Ed25519KeyPair Miner { get; } = TestChain.Key("//axon//miner");

    public Ed25519KeyPair Outsider { get; } = TestChain.Key("//axon//outsider");

    private Ed25519KeyPair Alice { get; } = TestChain.Key("//Alice");

    private Ed25519KeyPair Owner { get; } = TestChain.Key("//axon//owner");

    public async Task InitializeAsync()
    {
        Node = await TestNode.StartAsync(blockTimeMs: 100);
        await Included(new RegisterNetwork(TestChain.Id(Owner)));
        await Included(new SudoSetHyperparameter(Netuid, "tempo", 4));
        await Included(new StartCall(Netuid));
        await Included(new BurnedRegister(Netuid, TestChain.Id(Validator)));
        await Included(new BurnedRegister(Netuid, TestChain.Id(Miner)));
        await Included(new AddStake(TestChain.Id(Validator), Netuid, new Rao(100 * Rao.PerTao)));
        for (var attempt = 0; attempt < 200 && !await HasPermit(Validator); attempt++)
        {
            await Task.Delay(50);
        }
        Assert.True(await HasPermit(Validator), "the validator did not get a permit within 10 s");
        Assert.False(await HasPermit(Miner));
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        foreach (var key in new[] { Validator, Miner, Outsider, Alice, Owner })
        {
            key.Dispose();
        }
    }

    private async Task<bool> HasPermit(Ed25519KeyPair hotkey)
    {
        var neurons = (await Node.GetJsonAsync($"/api/subnets/{Netuid}/metagraph")).GetProperty("neurons").EnumerateArray();
        return neurons.Any(n => n.GetProperty("hotkey").GetString() == TestChain.Id(hotkey).Address && n.GetProperty("validator_permit").GetBoolean());
    }

    private async Task Included(RuntimeCall call)
    {
        var head = await Node.GetJsonAsync("/api/chain/head");
        Assert.True(Hash256.TryParse(head.GetProperty("genesis_hash").GetString()!, out var genesis));
        var nonce = (await Node.GetJsonAsync($"/api/accounts/{TestChain.Id(Alice).Address}")).GetProperty("next_nonce").GetUInt64();
        var extrinsic = SignedExtrinsic.Create(Alice, call, nonce, Rao.Zero, genesis, RuntimeVersion.SpecVersion);
        var (status, body) = await Node.PostExtrinsicAsync("0x" + Convert.ToHexStringLower(extrinsic.Encoded));
        Assert.True(status == 202, $"{call.Info.Name}: {body}");
        JsonElement included = await Node.WaitForInclusionAsync(body.GetProperty("hash").GetString()!);
        Assert.True(included.GetProperty("success").GetBoolean(), $"{call.Info.Name}: {included}");
    }
}
