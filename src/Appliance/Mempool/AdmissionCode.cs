namespace Appliance.Mempool;

/// <summary>The pool's answers to a submitted extrinsic: accepted, one of its own refusals, or the chain's.</summary>
public enum AdmissionCode
{
    Accepted,
    TooLarge,
    Undecodable,
    AlreadyImported,
    StaleNonce,
    NonceTooFarAhead,
    TooLowPriority,
    PoolFull,

    /// <summary>The chain's validity rules refuse it; <see cref="AdmissionResult.Invalidity"/> says which.</summary>
    Invalid,

    /// <summary>Its call fails when dry-run on the head state; <see cref="AdmissionResult.CallError"/> says why.</summary>
    CallFailed,
}
