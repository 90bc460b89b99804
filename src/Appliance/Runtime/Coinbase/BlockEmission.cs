using Appliance.Primitives;

namespace Appliance.Runtime.Coinbase;

/// <summary>
/// TAO minted per block (spec §7.1, get_block_emission_for_issuance): 1 TAO, halved each time issuance
/// covers another half of what is left of the 21M supply: k = floor(log2(1 / (1 − I / 21e15))), emission =
/// floor(1e9 / 2^k), 0 from 21e15 on. k is found with exact integers (the largest k with 2^k·(21e15 − I) ≤
/// 21e15); subtensor's I96F32 log2 gives the same boundaries (10.5e15, 15.75e15, 18.375e15 rao, checked at ±1).
/// </summary>
public static class BlockEmission
{
    public const ulong TotalSupply = 21_000_000 * Rao.PerTao;
    public static readonly Rao Initial = new(Rao.PerTao);

    public static Rao ForIssuance(Rao issuance)
    {
        if (issuance.Value >= TotalSupply)
        {
            return Rao.Zero;
        }
        var remaining = (UInt128)(TotalSupply - issuance.Value);
        var halvings = 0;
        while ((remaining << (halvings + 1)) <= TotalSupply)
        {
            halvings++;
        }
        return halvings >= 64 ? Rao.Zero : new Rao(Initial.Value >> halvings);
    }
}
