using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime;

namespace Appliance.Mempool;

/// <summary>
/// The pool's answer to a submitted extrinsic: accepted, or refused with a named reason (in the manner of
/// Nethermind's AcceptTxResult and Substrate's InvalidTransaction). A refusal by the chain's validity rules
/// or by the call itself carries that typed error, and its code is the one the API shows.
/// </summary>
public sealed record AdmissionResult(AdmissionCode Code, string Detail, Hash256? Hash = null)
{
    public ValidityError? Invalidity { get; private init; }

    public DispatchError? CallError { get; private init; }

    public bool Accepted => Code == AdmissionCode.Accepted;

    /// <summary>The API's error code: the validity or dispatch error's own code, else the pool's.</summary>
    public string Error => Invalidity?.Code.ToString() ?? CallError?.Code.ToString() ?? Code.ToString();

    public static AdmissionResult Ok(Hash256 hash, bool future) =>
        new(AdmissionCode.Accepted, future ? "queued until the nonces before it arrive" : "ready for the next block", hash);

    public static AdmissionResult TooLarge(int size, int max) =>
        new(AdmissionCode.TooLarge, $"the extrinsic is {size} bytes; the limit is {max}.");

    public static AdmissionResult Undecodable(string detail) => new(AdmissionCode.Undecodable, detail);

    public static AdmissionResult AlreadyImported(Hash256 hash) => new(AdmissionCode.AlreadyImported, $"{hash} is already in the pool.", hash);

    public static AdmissionResult StaleNonce(ulong nonce, ulong accountNonce) =>
        new(AdmissionCode.StaleNonce, $"nonce {nonce} is already used; the account's next nonce is {accountNonce}.");

    public static AdmissionResult NonceTooFarAhead(ulong nonce, ulong accountNonce, int window) =>
        new(AdmissionCode.NonceTooFarAhead, $"nonce {nonce} is more than {window} ahead of the account's nonce {accountNonce}.");

    public static AdmissionResult TooLowPriority(ulong nonce) =>
        new(AdmissionCode.TooLowPriority, $"an extrinsic with nonce {nonce} from this signer is already pooled with an equal or higher tip.");

    public static AdmissionResult PoolFull(int count, long bytes) =>
        new(AdmissionCode.PoolFull, $"the pool holds {count} extrinsics and {bytes} bytes, its limit; try again after the next block.");

    public static AdmissionResult Invalid(ValidityError error) => new(AdmissionCode.Invalid, error.Detail) { Invalidity = error };

    public static AdmissionResult CallFailed(DispatchError error) => new(AdmissionCode.CallFailed, error.Detail) { CallError = error };
}
