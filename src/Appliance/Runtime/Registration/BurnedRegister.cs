using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;
using Appliance.Scale;

namespace Appliance.Runtime.Registration;

/// <summary>
/// burned_register(netuid, hotkey), signed by the coldkey (spec §9.1): pays the current burn, which is
/// destroyed (issuance falls) — on a dynamic chain it buys the subnet's alpha, which is destroyed, so the TAO
/// stays in the pool (subtensor's registration.rs) — appends the hotkey or replaces the prune candidate when the subnet is full,
/// and bumps the price.
/// </summary>
public sealed record BurnedRegister(NetUid NetUid, AccountId Hotkey) : RuntimeCall
{
    public static readonly CallInfo CallInfo = new(SubnetsModule.Index, SubnetsModule.Name, 7, "burned_register",
        r => new BurnedRegister(NetUid.Read(r), AccountId.Read(r)));

    public override CallInfo Info => CallInfo;

    public override void WriteArgs(ScaleWriter writer)
    {
        NetUid.Write(writer);
        Hotkey.Write(writer);
    }

    public override JsonObject Describe() => new() { ["netuid"] = NetUid.Value, ["hotkey"] = Hotkey.Address };

    public override DispatchError? Dispatch(DispatchContext context)
    {
        var state = context.State;
        if (!SubnetsModule.Exists(state, NetUid))
        {
            return SubtensorErrors.SubNetworkDoesNotExist(NetUid);
        }
        if (Hyperparameters.Get(state, NetUid, Hyperparameters.RegistrationAllowed) == 0)
        {
            return SubtensorErrors.SubNetRegistrationDisabled(NetUid);
        }
        if (SubnetsModule.TryGetUid(state, NetUid, Hotkey, out _))
        {
            return SubtensorErrors.HotKeyAlreadyRegisteredInSubNet(Hotkey, NetUid);
        }
        var burn = SubnetsModule.Burn.GetOrDefault(state, NetUid, RegisterNetwork.InitialBurn);
        var free = BalancesModule.Free(state, context.Signer);
        if (free < burn)
        {
            return SubtensorErrors.NotEnoughBalanceToStake("the registration burn", burn, free);
        }
        if (NeuronRegistry.CheckOwnership(state, context.Signer, Hotkey) is { } notOwner)
        {
            return notOwner;
        }
        var full = SubnetsModule.Count(state, NetUid) >= Hyperparameters.Get(state, NetUid, Hyperparameters.MaxAllowedUids);
        Uid? replaced = full ? NeuronRegistry.ToPrune(state, NetUid, context.BlockNumber) : null;
        if (full && replaced is null)
        {
            return SubtensorErrors.NoNeuronIdAvailable(NetUid);
        }

        var fields = new JsonObject { ["netuid"] = NetUid.Value };
        if (EmissionModels.IsDynamic(state))
        {
            var swap = PoolStake.BuyAlpha(state, NetUid, burn.Value, PoolStake.MaxPrice, dropFees: false, out var swapError);
            if (swapError is not null)
            {
                return swapError;
            }
            BalancesModule.Withdraw(context, context.Signer, burn);
            BalancesModule.TotalIssuance.Set(state, BalancesModule.Issuance(state) - new Rao(swap.Fee));
            SubnetPools.Subtract(state, SubnetPools.SubnetAlphaOut, NetUid, new Rao(swap.PaidOut));
            fields["swap_fee"] = swap.Fee;
            fields["alpha_recycled"] = swap.PaidOut;
        }
        else
        {
            BalancesModule.Burn(context, context.Signer, burn);
        }
        SubnetsModule.Owner.Set(state, Hotkey, context.Signer);
        Uid uid;
        if (replaced is { } pruned)
        {
            var old = SubnetsModule.Neuron(state, NetUid, pruned).Hotkey;
            NeuronRegistry.Replace(state, NetUid, pruned, Hotkey, context.BlockNumber);
            context.Deposit(SubnetsModule.Name, "NeuronDeregistered", new JsonObject { ["netuid"] = NetUid.Value, ["uid"] = pruned.Value, ["hotkey"] = old.Address });
            uid = pruned;
        }
        else
        {
            uid = NeuronRegistry.Append(state, NetUid, Hotkey, context.BlockNumber);
        }
        SubnetsModule.Burn.Set(state, NetUid, BurnPrice.Bump(burn,
            Hyperparameters.Get(state, NetUid, Hyperparameters.BurnIncreaseMult),
            new Rao((ulong)Hyperparameters.Get(state, NetUid, Hyperparameters.MinBurn)),
            new Rao((ulong)Hyperparameters.Get(state, NetUid, Hyperparameters.MaxBurn))));
        fields["uid"] = uid.Value;
        fields["hotkey"] = Hotkey.Address;
        fields["burn"] = burn.Value;
        context.Deposit(SubnetsModule.Name, "NeuronRegistered", fields);
        return null;
    }
}
