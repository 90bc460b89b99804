using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.System;
using Appliance.Runtime.TransactionPayment;
using Appliance.State;

namespace Appliance.Chain;

/// <summary>
/// Applies extrinsics to a block's state overlay, the same way when producing a block and when replaying
/// one: check validity (chain, nonce, fee), charge the fee and bump the nonce, then run the call in a child
/// overlay kept only if it succeeds. An invalid extrinsic changes nothing and is reported, not applied.
/// </summary>
public sealed class BlockExecutor(Hash256 genesisHash)
{
    public const string ModuleName = SystemModule.Name;

    /// <summary>Why <paramref name="extrinsic"/> cannot go into a block on this state, or null if it can.</summary>
    public string? Invalidity(IStateReader state, SignedExtrinsic extrinsic, bool checkSignature)
    {
        if (ChainMismatch(extrinsic) is { } mismatch)
        {
            return mismatch;
        }
        if (checkSignature && !extrinsic.HasValidSignature())
        {
            return BadSignature(extrinsic);
        }
        var account = SystemModule.GetAccount(state, extrinsic.Signer);
        if (extrinsic.Nonce != account.Nonce)
        {
            return extrinsic.Nonce < account.Nonce
                ? $"StaleNonce: nonce {extrinsic.Nonce} is already used; the account's nonce is {account.Nonce}."
                : $"FutureNonce: nonce {extrinsic.Nonce} is ahead of the account's nonce {account.Nonce}.";
        }
        return Unpayable(state, extrinsic);
    }

    public string? ChainMismatch(SignedExtrinsic extrinsic)
    {
        if (extrinsic.GenesisHash != genesisHash)
        {
            return $"WrongGenesis: signed for chain {extrinsic.GenesisHash}, this chain is {genesisHash}.";
        }
        return extrinsic.SpecVersion != RuntimeVersion.SpecVersion
            ? $"WrongSpecVersion: signed for spec version {extrinsic.SpecVersion}, the runtime is {RuntimeVersion.SpecVersion}."
            : null;
    }

    public static string BadSignature(SignedExtrinsic extrinsic) =>
        $"BadSignature: the signature does not match signer {extrinsic.Signer} and the signed payload.";

    public static string? Unpayable(IStateReader state, SignedExtrinsic extrinsic)
    {
        var free = SystemModule.GetAccount(state, extrinsic.Signer).Free;
        var fee = FeeFor(extrinsic);
        return TransactionPaymentModule.CanPay(free, fee, extrinsic.Tip)
            ? null
            : $"CannotPayFee: the fee {fee} and tip {extrinsic.Tip} exceed the free balance {free} of {extrinsic.Signer}.";
    }

    public static Rao FeeFor(SignedExtrinsic extrinsic) =>
        extrinsic.Call.Info.PaysFee ? TransactionPaymentModule.FeeFor(extrinsic.Length) : Rao.Zero;

    /// <summary>Applies a valid extrinsic (see <see cref="Invalidity"/>) and records its events.</summary>
    public ExtrinsicResult Apply(StateOverlay blockState, SignedExtrinsic extrinsic, ulong blockNumber, int index, List<RuntimeEvent> events)
    {
        var context = new DispatchContext(blockState, extrinsic.Signer, blockNumber, events, index);
        var fee = FeeFor(extrinsic);
        if (TransactionPaymentModule.Charge(context, fee, extrinsic.Tip) is { } unpaid)
        {
            throw new InvalidOperationException($"Apply was called on an extrinsic that cannot pay: {unpaid}");
        }
        var account = SystemModule.GetAccount(blockState, extrinsic.Signer);
        SystemModule.SetAccount(blockState, extrinsic.Signer, account with { Nonce = account.Nonce + 1 });

        var callState = new StateOverlay(blockState);
        var callEvents = new List<RuntimeEvent>();
        var error = extrinsic.Call.Dispatch(context.Child(callState, callEvents));
        if (error is null)
        {
            callState.MergeInto(blockState);
            events.AddRange(callEvents);
            context.Deposit(ModuleName, "ExtrinsicSuccess", []);
        }
        else
        {
            context.Deposit(ModuleName, "ExtrinsicFailed", new JsonObject { ["module"] = error.Module, ["error"] = error.Code, ["detail"] = error.Detail });
        }
        return new ExtrinsicResult(extrinsic, index, fee, error);
    }
}
