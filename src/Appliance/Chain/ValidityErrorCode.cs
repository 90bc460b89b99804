namespace Appliance.Chain;

/// <summary>
/// Why an extrinsic cannot go into a block at all: the closed list of Substrate's transaction validity
/// errors as this chain names them (the names reach the API and the pool's log); each member says which
/// InvalidTransaction variant Substrate would give. An invalid extrinsic pays nothing and changes nothing.
/// </summary>
public enum ValidityErrorCode
{
    /// <summary>Signed for another chain; Substrate: BadProof (the genesis hash is signed, not sent).</summary>
    WrongGenesis,

    /// <summary>Signed for another runtime; Substrate: BadProof (the spec version is signed, not sent).</summary>
    WrongSpecVersion,

    /// <summary>Substrate: BadProof.</summary>
    BadSignature,

    /// <summary>The nonce is used already; Substrate: Stale.</summary>
    StaleNonce,

    /// <summary>Earlier nonces are missing; Substrate: Future. The extrinsic may become valid, so the pool keeps it.</summary>
    FutureNonce,

    /// <summary>Fee and tip exceed the free balance; Substrate: Payment.</summary>
    CannotPayFee,
}
