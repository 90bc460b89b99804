using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.Runtime.Balances;

namespace Appliance.Runtime.TransactionPayment;

/// <summary>
/// Fees: a base fee per extrinsic plus a fee per encoded byte, and the tip, paid by the signer before the
/// call runs and burned (issuance falls). They stay paid when the call then fails, as in Substrate.
/// </summary>
public static class TransactionPaymentModule
{
    public const string Name = "TransactionPayment";

    /// <summary>0.0001 TAO per extrinsic.</summary>
    public static readonly Rao BaseFee = new(100_000);

    /// <summary>0.000001 TAO per byte of the encoded extrinsic.</summary>
    public static readonly Rao ByteFee = new(1_000);

    public static Rao FeeFor(int encodedLength) => new(checked(BaseFee.Value + ByteFee.Value * (ulong)encodedLength));

    /// <summary>Whether fee + tip fit in <paramref name="free"/>, without overflowing on a huge tip.</summary>
    public static bool CanPay(Rao free, Rao fee, Rao tip) => tip <= free && fee <= free - tip;

    public static DispatchError? Charge(DispatchContext context, Rao fee, Rao tip)
    {
        var free = BalancesModule.Free(context.State, context.Signer);
        if (!CanPay(free, fee, tip))
        {
            return new DispatchError(Name, "CannotPayFee", $"the fee {fee} plus tip {tip} exceeds the signer's free balance {free}.");
        }
        BalancesModule.Burn(context, context.Signer, fee + tip);
        context.Deposit(Name, "TransactionFeePaid", new JsonObject
        {
            ["who"] = context.Signer.Address,
            ["actual_fee"] = fee.Value,
            ["tip"] = tip.Value,
        });
        return null;
    }
}
