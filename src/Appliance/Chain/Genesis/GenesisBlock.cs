using Appliance.Runtime.Balances;
using Appliance.State;

namespace Appliance.Chain.Genesis;

/// <summary>Builds block 0 from a genesis config: the endowed balances are minted, so issuance is their sum.</summary>
public static class GenesisBlock
{
    public static (Header Header, StateOverlay State) Build(GenesisConfig config, IStateReader emptyState)
    {
        var state = new StateOverlay(emptyState);
        foreach (var balance in config.Balances)
        {
            BalancesModule.Mint(state, AccountId.Parse(balance.Address), new Rao(balance.Free));
        }
        var header = new Header(
            Hash256.Zero, 0, Roots.NextStateRoot(Hash256.Zero, state.Changes), Roots.ExtrinsicsRoot([]),
            config.Timestamp, AccountId.Parse(config.Authority));
        return (header, state);
    }
}
