using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Scale;

namespace Appliance.Runtime.Balances;

/// <summary>The arguments both transfer calls share: dest as a MultiAddress, value as a compact.</summary>
public abstract record BalanceTransfer(AccountId Dest, Rao Value) : RuntimeCall
{
    /// <summary>Where a transfer call sits in Balances, decoding its arguments into <paramref name="create"/>.</summary>
    protected static CallInfo InfoFor(byte callIndex, string name, Func<AccountId, Rao, BalanceTransfer> create) =>
        new(BalancesModule.Index, BalancesModule.Name, callIndex, name, reader => create(MultiAddress.Read(reader), new Rao(reader.Compact())));

    public override void WriteArgs(ScaleWriter writer)
    {
        MultiAddress.Write(writer, Dest);
        writer.Compact(Value.Value);
    }

    public override JsonObject Describe() => new() { ["dest"] = Dest.Address, ["value"] = Value.Value };
}
