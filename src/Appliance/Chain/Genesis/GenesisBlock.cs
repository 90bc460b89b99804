using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.System;
using Appliance.State;

namespace Appliance.Chain.Genesis;

/// <summary>
/// Builds block 0 from a genesis config: the chain name is stored and the endowed balances minted (issuance
/// is their sum) and a dynamic emission model recorded, so every field of the config is in the genesis state root and so in the genesis hash.
/// </summary>
public static class GenesisBlock
{
    public static (Header Header, StateOverlay State) Build(GenesisConfig config, IStateReader emptyState)
    {
        var state = new StateOverlay(emptyState);
        SystemModule.ChainName.Set(state, new ChainNameValue(config.ChainName));
        EmissionModels.Write(state, config.EmissionModel);
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
