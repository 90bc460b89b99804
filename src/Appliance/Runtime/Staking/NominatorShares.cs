using Appliance.Primitives;

namespace Appliance.Runtime.Staking;

/// <summary>A hotkey's dividends after its take, shared by its nominators pro rata by stake, each share floored.</summary>
public static class NominatorShares
{
    /// <summary>Each nominator's share (zero shares left out) and what the floors leave, which goes to the hotkey's owner.</summary>
    public static (List<(AccountId Coldkey, Rao Share)> Shares, Rao Left) Split(Rao rest, IReadOnlyList<(AccountId Coldkey, Rao Amount)> nominators)
    {
        var total = nominators.Aggregate(0UL, (sum, n) => checked(sum + n.Amount.Value));
        var shares = new List<(AccountId, Rao)>();
        var shared = Rao.Zero;
        if (total > 0)
        {
            foreach (var (coldkey, amount) in nominators)
            {
                var share = new Rao((ulong)((UInt128)rest.Value * amount.Value / total));
                if (share > Rao.Zero)
                {
                    shares.Add((coldkey, share));
                    shared += share;
                }
            }
        }
        return (shares, rest - shared);
    }
}
