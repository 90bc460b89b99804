using Appliance.ApiClient;
using Appliance.Primitives;

namespace Appliance.Cli;

/// <summary>
/// Every subnet's price, to value stake in TAO as btcli does: on a dynamic chain stake on a subnet is its alpha,
/// worth alpha × the pool's spot price; root stake (netuid 0) and a classic chain's stake are TAO already.
/// </summary>
public sealed class StakePrices
{
    private readonly Dictionary<ushort, ulong> _prices;

    private StakePrices(Dictionary<ushort, ulong> prices, bool dynamic)
    {
        _prices = prices;
        Dynamic = dynamic;
    }

    public bool Dynamic { get; }

    public static async Task<StakePrices> LoadAsync(NodeClient client, CancellationToken cancellation)
    {
        var subnets = await client.SubnetsAsync(cancellation);
        return new StakePrices(
            subnets.Where(s => s.Pool is not null).ToDictionary(s => s.Netuid, s => s.Pool!.Price), subnets.Any(s => s.Pool is not null));
    }

    /// <summary>The price in rao of TAO per unit of the subnet's stake (1 TAO where stake is TAO).</summary>
    public ulong PriceOf(ushort netuid) => _prices.GetValueOrDefault(netuid, Rao.PerTao);

    /// <summary>The stake's unit in the subnet: α on a dynamic chain's subnets, τ on root and on a classic chain.</summary>
    public string UnitOf(ushort netuid) => _prices.ContainsKey(netuid) ? Output.Alpha : Output.Tau;

    /// <summary>What the stake is worth in TAO (rao) at the subnet's price.</summary>
    public ulong ValueOf(ushort netuid, ulong amount) => SubnetPool.TaoValue(amount, PriceOf(netuid));
}
