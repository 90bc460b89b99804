using Appliance.Primitives;

namespace Appliance.Chain;

/// <summary>A validity code and what happened; shown as "Code: detail" like a dispatch error.</summary>
public sealed record ValidityError(ValidityErrorCode Code, string Detail)
{
    public static ValidityError WrongGenesis(Hash256 signedFor, Hash256 chain) =>
        new(ValidityErrorCode.WrongGenesis, $"signed for chain {signedFor}, this chain is {chain}.");

    public static ValidityError WrongSpecVersion(uint signedFor) =>
        new(ValidityErrorCode.WrongSpecVersion, $"signed for spec version {signedFor}, the runtime is {RuntimeVersion.SpecVersion}.");

    public static ValidityError BadSignature(AccountId signer) =>
        new(ValidityErrorCode.BadSignature, $"the signature does not match signer {signer} and the signed payload.");

    public static ValidityError StaleNonce(ulong nonce, ulong accountNonce) =>
        new(ValidityErrorCode.StaleNonce, $"nonce {nonce} is already used; the account's nonce is {accountNonce}.");

    public static ValidityError FutureNonce(ulong nonce, ulong accountNonce) =>
        new(ValidityErrorCode.FutureNonce, $"nonce {nonce} is ahead of the account's nonce {accountNonce}.");

    public static ValidityError CannotPayFee(Rao fee, Rao tip, Rao free, AccountId signer) =>
        new(ValidityErrorCode.CannotPayFee, $"the fee {fee} and tip {tip} exceed the free balance {free} of {signer}.");

    public override string ToString() => $"{Code}: {Detail}";
}
