using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// Which coinbase a chain runs, fixed at genesis: classic (stake and emission in TAO, before February 2025)
/// or dynamic (subtensor's dynamic TAO: an alpha token and pool per subnet). Only a dynamic chain stores the
/// choice, so a classic chain's genesis state, and hash, are what they were before the choice existed.
/// </summary>
public enum EmissionModel
{
    Classic,
    Dynamic,
}

public static class EmissionModels
{
    public static readonly StorageValue<U16> Stored = new(SubnetsModule.Name, "EmissionModel");

    public static EmissionModel Of(IStateReader state) =>
        Stored.GetOrDefault(state, new U16(0)).Value == 1 ? EmissionModel.Dynamic : EmissionModel.Classic;

    public static bool IsDynamic(IStateReader state) => Of(state) == EmissionModel.Dynamic;

    public static void Write(StateOverlay state, EmissionModel model)
    {
        if (model == EmissionModel.Dynamic)
        {
            Stored.Set(state, new U16(1));
        }
    }

    /// <summary>The name genesis files and the API use: "classic" or "dynamic".</summary>
    public static string Name(EmissionModel model) => model == EmissionModel.Dynamic ? "dynamic" : "classic";

    public static EmissionModel? Parse(string? name) => name switch
    {
        "classic" => EmissionModel.Classic,
        "dynamic" => EmissionModel.Dynamic,
        _ => null,
    };
}
