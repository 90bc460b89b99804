using Appliance.Chain.Genesis;
using Appliance.Primitives;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Subnets;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime.Coinbase;

/// <summary>
/// The owner's 18 % is taken once, from new emission only: subtensor takes it per block from alpha_out
/// (emit_to_subnets), so what an epoch carries over is never cut again.
/// </summary>
public sealed class OwnerCutTests : IDisposable
{
    private readonly TestChain _chain = new(GenesisConfig.Development(EmissionModel.Classic));

    public void Dispose() => _chain.Dispose();

    [Fact]
    public void Epoch_PotCarriedOver_OwnerCutOnlyFromEmissionSinceLastEpoch_PaidToOwnerOnce()
    {
        var netuid = new NetUid(1);
        using var ownerHotkey = TestChain.Key("//owner");
        Assert.True(_chain.Submit(_chain.Alice, new RegisterNetwork(TestChain.Id(ownerHotkey))).Accepted);
        _chain.Seal();
        Assert.True(_chain.Submit(_chain.Alice, new SudoSetHyperparameter(netuid, Hyperparameters.Tempo.Name, 4)).Accepted);
        _chain.Seal();

        // Nobody has weights, so no epoch pays miners or validators: each carries all but the owner's cut.
        var carried = Rao.Zero;
        var fresh = PendingNow(netuid);
        var epochsWithCarriedPot = 0;
        for (var i = 0; i < 20; i++)
        {
            var issuanceBefore = _chain.Issuance();
            var ownerBefore = _chain.Account(_chain.Alice).Free;
            var block = _chain.Seal();
            fresh += BlockEmission.ForIssuance(issuanceBefore);
            if (block.Events.SingleOrDefault(e => e.Name == "EpochRun") is not { } epoch)
            {
                continue;
            }
            var pot = (ulong)epoch.Fields["pending"]!;
            var ownerCut = (ulong)epoch.Fields["owner_cut"]!;
            Assert.Equal(carried.Value, (ulong)epoch.Fields["carried_in"]!);
            Assert.Equal((carried + fresh).Value, pot);
            Assert.Equal(CoinbaseModule.OwnerCutOf(fresh).Value, ownerCut);
            Assert.Equal(ownerBefore + new Rao(ownerCut), _chain.Account(_chain.Alice).Free);
            Assert.Equal(pot - ownerCut, (ulong)epoch.Fields["carried_over"]!);
            epochsWithCarriedPot += carried > Rao.Zero ? 1 : 0;
            carried = new Rao((ulong)epoch.Fields["carried_over"]!);
            fresh = Rao.Zero;
        }
        Assert.True(epochsWithCarriedPot >= 2, $"only {epochsWithCarriedPot} epochs started with a carried pot");
    }

    private Rao PendingNow(NetUid netuid)
    {
        using var state = _chain.Chain.OpenSnapshot();
        return CoinbaseModule.Pending(state, netuid);
    }
}
