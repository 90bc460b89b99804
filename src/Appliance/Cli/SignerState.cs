using Appliance.ApiClient;
using Appliance.Chain;
using Appliance.Contracts;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Staking;

namespace Appliance.Cli;

/// <summary>
/// What a signer's next extrinsic will meet: the head, its account, and its extrinsics still in the pool
/// (which run first, in nonce order). Balances and stakes are projected past those, assuming they succeed,
/// so a check refuses only what the chain would refuse.
/// </summary>
public sealed class SignerState
{
    private SignerState(HeadView head, AccountView account, IReadOnlyList<SignedExtrinsic> pending)
    {
        Head = head;
        Account = account;
        Pending = pending;
    }

    public HeadView Head { get; }

    public AccountView Account { get; }

    public IReadOnlyList<SignedExtrinsic> Pending { get; }

    /// <summary>The first block the new extrinsic can be in.</summary>
    public ulong NextBlock => Head.Number + 1;

    public static async Task<SignerState> LoadAsync(NodeClient client, AccountId signer, CancellationToken cancellation)
    {
        var head = await client.HeadAsync(cancellation);
        var account = await client.AccountAsync(signer.Address, cancellation);
        var pending = (await client.PendingAsync(signer.Address, cancellation)).Select(Decode).ToList();
        return new SignerState(head, account, pending);
    }

    /// <summary>
    /// The fee the chain will charge for <paramref name="call"/>, known before signing: it depends on the encoded
    /// length, which a signature does not change, so it is measured on a copy signed by a throw-away key (as
    /// Substrate's payment_queryInfo measures a fake-signed one).
    /// </summary>
    public Rao FeeFor(RuntimeCall call, Rao tip)
    {
        using var measuring = Ed25519KeyPair.FromSeed(new byte[Ed25519KeyPair.SeedSize]);
        return BlockExecutor.FeeFor(SignedExtrinsic.Create(measuring, call, Account.NextNonce, tip, default, Head.SpecVersion));
    }

    /// <summary>
    /// The free balance once the pooled extrinsics have paid their fees and tips and moved their amounts. On a
    /// dynamic chain (<paramref name="dynamic"/>) a pooled sale of stake pays what the pool gives when it runs,
    /// unknown here, so it is not counted.
    /// </summary>
    public Rao FreeAfterPending(bool dynamic = false)
    {
        var free = (decimal)Account.Free;
        foreach (var extrinsic in Pending)
        {
            free -= BlockExecutor.FeeFor(extrinsic).Value + extrinsic.Tip.Value;
            free += extrinsic.Call switch
            {
                BalanceTransfer transfer => -(decimal)transfer.Value.Value,
                AddStake add => -(decimal)add.Amount.Value,
                AddStakeLimit add => -(decimal)add.Amount.Value,
                RemoveStake remove when !dynamic => remove.Amount.Value,
                _ => 0,
            };
        }
        return new Rao((ulong)Math.Max(free, 0));
    }

    /// <summary>
    /// The signer's stake on the hotkey in the subnet once the pooled stake calls have run. On a dynamic chain
    /// the alpha a pooled buy or move will bring is unknown until it runs, so only what leaves is counted (see
    /// <see cref="StakeIncoming"/>).
    /// </summary>
    public Rao StakeAfterPending(AccountId hotkey, NetUid netuid, bool dynamic = false)
    {
        var stake = (decimal)Account.Stakes.Where(s => s.Hotkey == hotkey.Address && s.Netuid == netuid.Value).Sum(s => (decimal)s.Amount);
        foreach (var call in Pending.Select(p => p.Call))
        {
            stake += call switch
            {
                AddStake add when !dynamic && add.Hotkey == hotkey && add.NetUid == netuid => add.Amount.Value,
                RemoveStake remove when remove.Hotkey == hotkey && remove.NetUid == netuid => -(decimal)remove.Amount.Value,
                RemoveStakeLimit remove when remove.Hotkey == hotkey && remove.NetUid == netuid => -(decimal)remove.Amount.Value,
                MoveStake move when move.OriginHotkey == hotkey && move.OriginNetUid == netuid => -(decimal)move.Alpha.Value,
                TransferStake transfer when transfer.Hotkey == hotkey && transfer.OriginNetUid == netuid => -(decimal)transfer.Alpha.Value,
                SwapStake swap when swap.Hotkey == hotkey && swap.OriginNetUid == netuid => -(decimal)swap.Alpha.Value,
                _ => 0,
            };
        }
        return new Rao((ulong)Math.Max(stake, 0));
    }

    /// <summary>Whether a pooled call of the signer's will bring stake to the hotkey in the subnet (a dynamic chain's amount unknown until it runs).</summary>
    public bool StakeIncoming(AccountId hotkey, NetUid netuid) => Pending.Select(p => p.Call).Any(call => call switch
    {
        AddStake add => add.Hotkey == hotkey && add.NetUid == netuid,
        AddStakeLimit add => add.Hotkey == hotkey && add.NetUid == netuid,
        MoveStake move => move.DestinationHotkey == hotkey && move.DestinationNetUid == netuid,
        SwapStake swap => swap.Hotkey == hotkey && swap.DestinationNetUid == netuid,
        _ => false,
    });

    /// <summary>The last pooled extrinsic whose call matches, or null.</summary>
    public SignedExtrinsic? LastPending(Func<RuntimeCall, bool> match) => Pending.LastOrDefault(p => match(p.Call));

    private static SignedExtrinsic Decode(PendingExtrinsicView view)
    {
        try
        {
            return SignedExtrinsic.Decode(Convert.FromHexString(view.Hex.StartsWith("0x", StringComparison.Ordinal) ? view.Hex[2..] : view.Hex));
        }
        catch (FormatException e)
        {
            throw new ClientError("BadNodeResponse", $"the pooled extrinsic {view.Hash} does not decode: {e.Message}");
        }
    }
}
