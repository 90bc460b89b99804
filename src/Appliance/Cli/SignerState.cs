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

    /// <summary>The free balance once the pooled extrinsics have paid their fees and tips and moved their amounts.</summary>
    public Rao FreeAfterPending()
    {
        var free = (decimal)Account.Free;
        foreach (var extrinsic in Pending)
        {
            free -= BlockExecutor.FeeFor(extrinsic).Value + extrinsic.Tip.Value;
            free += extrinsic.Call switch
            {
                BalanceTransfer transfer => -(decimal)transfer.Value.Value,
                AddStake add => -(decimal)add.Amount.Value,
                RemoveStake remove => remove.Amount.Value,
                _ => 0,
            };
        }
        return new Rao((ulong)Math.Max(free, 0));
    }

    /// <summary>The signer's stake on the hotkey in the subnet once the pooled stake calls have run.</summary>
    public Rao StakeAfterPending(AccountId hotkey, NetUid netuid)
    {
        var stake = (decimal)Account.Stakes.Where(s => s.Hotkey == hotkey.Address && s.Netuid == netuid.Value).Sum(s => (decimal)s.Amount);
        foreach (var call in Pending.Select(p => p.Call).OfType<StakeCall>().Where(c => c.Hotkey == hotkey && c.NetUid == netuid))
        {
            stake += call is AddStake ? call.Amount.Value : -(decimal)call.Amount.Value;
        }
        return new Rao((ulong)Math.Max(stake, 0));
    }

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
