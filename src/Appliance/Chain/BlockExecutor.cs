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
    public ValidityError? Validate(IStateReader state, SignedExtrinsic extrinsic, bool checkSignature)
    {
        if (ChainMismatch(extrinsic) is { } mismatch)
        {
            return mismatch;
        }
        if (checkSignature && !extrinsic.HasValidSignature())
        {
            return ValidityError.BadSignature(extrinsic.Signer);
        }
        var account = SystemModule.GetAccount(state, extrinsic.Signer);
        if (extrinsic.Nonce != account.Nonce)
        {
            return extrinsic.Nonce < account.Nonce
                ? ValidityError.StaleNonce(extrinsic.Nonce, account.Nonce)
                : ValidityError.FutureNonce(extrinsic.Nonce, account.Nonce);
        }
        return Unpayable(state, extrinsic);
    }

    public ValidityError? ChainMismatch(SignedExtrinsic extrinsic)
    {
        if (extrinsic.GenesisHash != genesisHash)
        {
            return ValidityError.WrongGenesis(extrinsic.GenesisHash, genesisHash);
        }
        return extrinsic.SpecVersion != RuntimeVersion.SpecVersion ? ValidityError.WrongSpecVersion(extrinsic.SpecVersion) : null;
    }

    public static ValidityError? Unpayable(IStateReader state, SignedExtrinsic extrinsic)
    {
        var free = SystemModule.GetAccount(state, extrinsic.Signer).Free;
        var fee = FeeFor(extrinsic);
        return TransactionPaymentModule.CanPay(free, fee, extrinsic.Tip)
            ? null
            : ValidityError.CannotPayFee(fee, extrinsic.Tip, free, extrinsic.Signer);
    }

    public static Rao FeeFor(SignedExtrinsic extrinsic) =>
        extrinsic.Call.Info.PaysFee ? TransactionPaymentModule.FeeFor(extrinsic.Length) : Rao.Zero;

    /// <summary>Applies a valid extrinsic (see <see cref="Validate"/>) and records its events.</summary>
    public ExtrinsicResult Apply(StateOverlay blockState, SignedExtrinsic extrinsic, ulong blockNumber, int index, List<RuntimeEvent> events)
    {
        var context = new DispatchContext(blockState, extrinsic.Signer, blockNumber, events, index);
        var fee = FeeFor(extrinsic);
        TransactionPaymentModule.Charge(context, fee, extrinsic.Tip);
        var account = SystemModule.GetAccount(blockState, extrinsic.Signer);
        SystemModule.SetAccount(blockState, extrinsic.Signer, account with { Nonce = account.Nonce + 1 });

        var callState = new StateOverlay(blockState);
        var callEvents = new List<RuntimeEvent>();
        var error = extrinsic.Call.Dispatch(context.Child(callState, callEvents));
        if (error is null)
        {
            callState.MergeInto(blockState);
            events.AddRange(callEvents);
            context.Deposit(ModuleName, "ExtrinsicSuccess", static _ => { });
        }
        else
        {
            context.Deposit(ModuleName, "ExtrinsicFailed", writer =>
            {
                writer.WriteString("module", error.Module);
                writer.WriteString("error", error.Code.ToString());
                writer.WriteString("detail", error.Detail);
            });
        }
        return new ExtrinsicResult(extrinsic, index, fee, error);
    }
}
