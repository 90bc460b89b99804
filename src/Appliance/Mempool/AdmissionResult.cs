using Appliance.Primitives;
using Appliance.Runtime;

namespace Appliance.Mempool;

/// <summary>
/// The pool's answer to a submitted extrinsic: accepted, or refused with a named reason (in the manner of
/// Nethermind's AcceptTxResult and Substrate's InvalidTransaction).
/// </summary>
public sealed record AdmissionResult(string Code, string Detail, Hash256? Hash = null)
{
    public bool Accepted => Code == nameof(Accepted);

    public static AdmissionResult Ok(Hash256 hash, bool future) =>
        new(nameof(Accepted), future ? "queued until the nonces before it arrive" : "ready for the next block", hash);

    public static AdmissionResult MalformedHex(string detail) => new(nameof(MalformedHex), detail);

    public static AdmissionResult TooLarge(int size, int max) =>
        new(nameof(TooLarge), $"the extrinsic is {size} bytes; the limit is {max}.");

    public static AdmissionResult Undecodable(string detail) => new(nameof(Undecodable), detail);

    public static AdmissionResult AlreadyImported(Hash256 hash) => new(nameof(AlreadyImported), $"{hash} is already in the pool.", hash);

    public static AdmissionResult StaleNonce(ulong nonce, ulong accountNonce) =>
        new(nameof(StaleNonce), $"nonce {nonce} is already used; the account's next nonce is {accountNonce}.");

    public static AdmissionResult NonceTooFarAhead(ulong nonce, ulong accountNonce, int window) =>
        new(nameof(NonceTooFarAhead), $"nonce {nonce} is more than {window} ahead of the account's nonce {accountNonce}.");

    public static AdmissionResult TooLowPriority(ulong nonce) =>
        new(nameof(TooLowPriority), $"an extrinsic with nonce {nonce} from this signer is already pooled with an equal or higher tip.");

    public static AdmissionResult PoolFull(int count, long bytes) =>
        new(nameof(PoolFull), $"the pool holds {count} extrinsics and {bytes} bytes, its limit; try again after the next block.");

    public static AdmissionResult CallFailed(DispatchError error) => new(error.Code, error.Detail);

    /// <summary>A refusal phrased "Code: detail" by the chain's validity rules (WrongGenesis, BadSignature, CannotPayFee …).</summary>
    public static AdmissionResult Invalid(string codeAndDetail)
    {
        var colon = codeAndDetail.IndexOf(": ", StringComparison.Ordinal);
        return colon < 0 ? new("Invalid", codeAndDetail) : new(codeAndDetail[..colon], codeAndDetail[(colon + 2)..]);
    }
}
