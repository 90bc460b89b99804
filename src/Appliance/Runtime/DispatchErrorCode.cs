using Appliance.Runtime.Balances;
using Appliance.Runtime.Subnets;

namespace Appliance.Runtime;

/// <summary>
/// Every reason a call can be refused, in one closed list with FRAME's and subtensor's error names (the
/// hyperparameter ones are ours: subtensor spreads them over AdminUtils' calls; the swap pallet's errors are
/// SubtensorModule's here, as the pallet's stake calls are what raise them). As in Substrate's
/// ModuleError, a code's high byte is its pallet's index, so <see cref="DispatchError.Module"/> follows from
/// the code. The name is what the failed-extrinsic event, the API and the CLI show.
/// </summary>
public enum DispatchErrorCode
{
    InsufficientBalance = BalancesModule.Index << 8,
    ExistentialDeposit,
    Expendability,

    SubNetworkDoesNotExist = SubnetsModule.Index << 8,
    NotSubnetOwner,
    UnknownHyperparameter,
    ValueOutOfBounds,
    InconsistentHyperparameters,
    NotEnoughBalanceToStake,
    SubNetRegistrationDisabled,
    HotKeyAlreadyRegisteredInSubNet,
    NonAssociatedColdKey,
    NoNeuronIdAvailable,
    HotKeyNotRegisteredInSubNet,
    HotKeyAccountNotExists,
    AmountTooLow,
    NotEnoughStakeToWithdraw,
    DelegateTakeTooHigh,
    DelegateTakeTooLow,
    CommitRevealEnabled,
    CommitRevealDisabled,
    WeightVecNotEqualSize,
    UidsLengthExceedUidsInSubNet,
    NotEnoughStakeToSetWeights,
    IncorrectWeightVersionKey,
    SettingWeightsTooFast,
    NeuronNoValidatorPermit,
    DuplicateUids,
    UidVecContainInvalidOne,
    WeightVecLengthIsLow,
    CommittingWeightsTooFast,
    TooManyUnrevealedCommits,
    NoWeightsCommitFound,
    InvalidRevealCommitHashNotMatch,
    RevealTooEarly,
    ExpiredWeightCommit,
    InvalidIpType,
    InvalidIpAddress,
    InvalidPort,
    ServingRateLimitExceeded,
    SubtokenDisabled,
    FirstEmissionBlockNumberAlreadySet,
    SlippageTooHigh,
    InsufficientLiquidity,
    SameNetuid,
    PriceLimitExceeded,
    ReservesTooLow,
    SwapInputTooLarge,
    NeedsDynamicTao,
}
