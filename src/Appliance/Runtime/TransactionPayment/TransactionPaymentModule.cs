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

    /// <summary>
    /// Burns fee and tip. It cannot refuse: whether the signer can pay is a validity check (the chain's
    /// CannotPayFee, with <see cref="CanPay"/>) made before a block takes the extrinsic.
    /// </summary>
    public static void Charge(DispatchContext context, Rao fee, Rao tip)
    {
        BalancesModule.Burn(context, context.Signer, fee + tip);
        var who = context.Signer;
        context.Deposit(Name, "TransactionFeePaid", writer =>
        {
            writer.WriteString("who", who.Address);
            writer.WriteNumber("actual_fee", fee.Value);
            writer.WriteNumber("tip", tip.Value);
        });
    }
}
