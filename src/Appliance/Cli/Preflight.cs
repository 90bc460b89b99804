using Appliance.ApiClient;
using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.TransactionPayment;

namespace Appliance.Cli;

/// <summary>
/// Check, confirm, sign, submit — in that order, so a refused or declined command signs and sends nothing.
/// The checks read the signer's state past its pooled extrinsics (<see cref="SignerState"/>) and return the
/// chain's own "Code: detail" line, or null to go on; the key is opened (the password asked) only after. A
/// quote (what a swap through a pool would give) goes to stderr before the confirmation, so stdout stays data.
/// </summary>
public static class Preflight
{
    public delegate string? Check(SignerState state, Rao fee);

    /// <summary>What the call is expected to do, worked out on the state the checks passed on; null to say nothing.</summary>
    public delegate string? Quote(SignerState state);

    public static async Task<int> SubmitAsync(
        CliConsole console, NodeClient client, AccountId signer, Func<Ed25519KeyPair> openKey, RuntimeCall call, Rao tip,
        string question, Check? check, SubmitOptions options, CancellationToken cancellation, ExtrinsicOutcome? outcome = null, Quote? quote = null)
    {
        var state = await SignerState.LoadAsync(client, signer, cancellation);
        var fee = state.FeeFor(call, tip);
        var free = state.FreeAfterPending();
        var refusal = TransactionPaymentModule.CanPay(free, fee, tip)
            ? check?.Invoke(state, fee)
            : $"{ValidityError.CannotPayFee(fee, tip, free, signer)}{AfterPending(state)}";
        if (refusal is not null)
        {
            throw new CliError(refusal);
        }
        if (quote?.Invoke(state) is { } expected)
        {
            console.Error.WriteLine(expected);
        }
        Confirmation.Ask(console, options.NoPrompt, question, fee + tip);
        using var key = openKey();
        var status = await Submission.SubmitAsync(client, key, call, tip, options.Wait, cancellation);
        return outcome is null
            ? SubmissionReport.Write(console, options.Json, status)
            : await outcome.ReportAsync(client, console, options.Json, status, cancellation);
    }

    /// <summary>" (after N pending extrinsics from this signer)" when the pool shaped the state checked, else "".</summary>
    public static string AfterPending(SignerState state) =>
        state.Pending.Count == 0 ? "" : $" (after {state.Pending.Count} pending extrinsic{(state.Pending.Count == 1 ? "" : "s")} from this signer)";

    /// <summary>" (pending extrinsic 0x… from this signer)": the pooled extrinsic that makes the new one fail.</summary>
    public static string Blocking(SignedExtrinsic pending) => $" (pending extrinsic {pending.Hash} from this signer)";
}

/// <summary>The submit flags every signing command has: --no-prompt, --wait, --json.</summary>
public readonly record struct SubmitOptions(bool NoPrompt, bool Wait, bool Json);
