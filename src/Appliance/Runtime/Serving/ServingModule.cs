using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Runtime.Serving;

/// <summary>Axon endpoints per (netuid, hotkey).</summary>
public static class ServingModule
{
    public static readonly StorageMap<SubnetAccountKey, AxonInfo> Axons = new(SubnetsModule.Name, "Axons");
}
