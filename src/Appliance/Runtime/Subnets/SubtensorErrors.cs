using Appliance.Primitives;

namespace Appliance.Runtime.Subnets;

/// <summary>The messages of SubtensorModule's errors, one factory per <see cref="DispatchErrorCode"/> of the pallet.</summary>
public static class SubtensorErrors
{
    public static DispatchError SubNetworkDoesNotExist(NetUid netuid) =>
        E(DispatchErrorCode.SubNetworkDoesNotExist, $"there is no subnet {netuid}.");

    public static DispatchError NotSubnetOwner(NetUid netuid, AccountId owner) =>
        E(DispatchErrorCode.NotSubnetOwner, $"only the owner coldkey {owner} of subnet {netuid} may do this.");

    public static DispatchError UnknownHyperparameter(string name) =>
        E(DispatchErrorCode.UnknownHyperparameter, $"'{name}' is not a hyperparameter; known: {string.Join(", ", Hyperparameters.All.Select(h => h.Name))}.");

    public static DispatchError ValueOutOfBounds(Hyperparameter parameter, long value) =>
        E(DispatchErrorCode.ValueOutOfBounds, $"{parameter.Name} = {parameter.Display(value)} is outside [{parameter.Display(parameter.Min)}, {parameter.Display(parameter.Max)}].");

    public static DispatchError InconsistentHyperparameters(string detail) => E(DispatchErrorCode.InconsistentHyperparameters, detail + ".");

    public static DispatchError NotEnoughBalanceToStake(string what, Rao needed, Rao free) =>
        E(DispatchErrorCode.NotEnoughBalanceToStake, $"{what} needs {needed}; the free balance is {free}.");

    public static DispatchError SubNetRegistrationDisabled(NetUid netuid) =>
        E(DispatchErrorCode.SubNetRegistrationDisabled, $"subnet {netuid} does not allow registration now.");

    public static DispatchError HotKeyAlreadyRegisteredInSubNet(AccountId hotkey, NetUid netuid) =>
        E(DispatchErrorCode.HotKeyAlreadyRegisteredInSubNet, $"{hotkey} already holds a uid in subnet {netuid}.");

    public static DispatchError NonAssociatedColdKey(AccountId hotkey, AccountId owner) =>
        E(DispatchErrorCode.NonAssociatedColdKey, $"hotkey {hotkey} belongs to coldkey {owner}.");

    public static DispatchError NoNeuronIdAvailable(NetUid netuid) =>
        E(DispatchErrorCode.NoNeuronIdAvailable, $"subnet {netuid} is full and every uid is immortal.");

    public static DispatchError HotKeyNotRegisteredInSubNet(AccountId hotkey, NetUid netuid) =>
        E(DispatchErrorCode.HotKeyNotRegisteredInSubNet, $"{hotkey} holds no uid in subnet {netuid}.");

    public static DispatchError HotKeyAccountNotExists(AccountId hotkey) =>
        E(DispatchErrorCode.HotKeyAccountNotExists, $"{hotkey} is registered nowhere.");

    public static DispatchError AmountTooLow(Rao amount, Rao minimum) =>
        E(DispatchErrorCode.AmountTooLow, $"{amount} is below the minimum {minimum}.");

    public static DispatchError NotEnoughStakeToWithdraw(Rao requested, Rao staked) =>
        E(DispatchErrorCode.NotEnoughStakeToWithdraw, $"{requested} requested, {staked} staked.");

    public static DispatchError DelegateTakeTooHigh(ushort take, ushort current, ushort max) =>
        Take(DispatchErrorCode.DelegateTakeTooHigh, take, $"must be above the current {current} and at most {max}");

    public static DispatchError DelegateTakeTooLow(ushort take, ushort current) =>
        Take(DispatchErrorCode.DelegateTakeTooLow, take, $"must be below the current {current}");

    public static DispatchError CommitRevealEnabled(NetUid netuid) =>
        E(DispatchErrorCode.CommitRevealEnabled, $"subnet {netuid} takes weights by commit_weights then reveal_weights.");

    public static DispatchError CommitRevealDisabled(NetUid netuid) =>
        E(DispatchErrorCode.CommitRevealDisabled, $"subnet {netuid} takes weights directly with set_weights.");

    public static DispatchError WeightVecNotEqualSize(int uids, int values) =>
        E(DispatchErrorCode.WeightVecNotEqualSize, $"{uids} uids but {values} values.");

    public static DispatchError UidsLengthExceedUidsInSubNet(int uids, int neurons) =>
        E(DispatchErrorCode.UidsLengthExceedUidsInSubNet, $"{uids} uids, the subnet has {neurons}.");

    public static DispatchError NotEnoughStakeToSetWeights(Rao stake, Rao threshold) =>
        E(DispatchErrorCode.NotEnoughStakeToSetWeights, $"{stake} staked, the threshold is {threshold}.");

    public static DispatchError IncorrectWeightVersionKey(ulong versionKey, ulong subnetKey) =>
        E(DispatchErrorCode.IncorrectWeightVersionKey, $"version key {versionKey} is below the subnet's {subnetKey}.");

    public static DispatchError SettingWeightsTooFast(ulong lastUpdate, ulong limit) =>
        E(DispatchErrorCode.SettingWeightsTooFast, TooFast(lastUpdate, limit));

    public static DispatchError NeuronNoValidatorPermit(Uid uid, NetUid netuid) =>
        E(DispatchErrorCode.NeuronNoValidatorPermit, $"uid {uid} has no validator permit in subnet {netuid}; only a self-weight is allowed.");

    public static DispatchError DuplicateUids() => E(DispatchErrorCode.DuplicateUids, "a uid appears twice.");

    public static DispatchError UidVecContainInvalidOne(ushort uid, int neurons) =>
        E(DispatchErrorCode.UidVecContainInvalidOne, $"uid {uid} does not exist; the subnet has {neurons}.");

    public static DispatchError WeightVecLengthIsLow(int count, long minimum) =>
        E(DispatchErrorCode.WeightVecLengthIsLow, $"{count} weights; the subnet asks for at least {minimum}.");

    public static DispatchError CommittingWeightsTooFast(ulong lastUpdate, ulong limit) =>
        E(DispatchErrorCode.CommittingWeightsTooFast, TooFast(lastUpdate, limit));

    public static DispatchError TooManyUnrevealedCommits(int count, int limit) =>
        E(DispatchErrorCode.TooManyUnrevealedCommits, $"{count} commits wait to be revealed; the limit is {limit}.");

    public static DispatchError NoWeightsCommitFound(AccountId hotkey, NetUid netuid) =>
        E(DispatchErrorCode.NoWeightsCommitFound, $"{hotkey} has no pending weight commit in subnet {netuid}.");

    public static DispatchError InvalidRevealCommitHashNotMatch(Hash256 hash) =>
        E(DispatchErrorCode.InvalidRevealCommitHashNotMatch, $"these weights, salt and version key hash to {hash}, which matches no pending commit.");

    public static DispatchError RevealTooEarly(ulong commitEpoch, ulong revealEpoch, ulong fromBlock, ulong currentEpoch) =>
        E(DispatchErrorCode.RevealTooEarly, $"committed in epoch {commitEpoch}; reveal in epoch {revealEpoch}, from block {fromBlock} (now epoch {currentEpoch}).");

    public static DispatchError ExpiredWeightCommit(ulong commitEpoch, ulong currentEpoch) =>
        E(DispatchErrorCode.ExpiredWeightCommit, $"the commit was for epoch {commitEpoch}; its reveal epoch has passed (now epoch {currentEpoch}).");

    public static DispatchError InvalidIpType(byte ipType) => E(DispatchErrorCode.InvalidIpType, $"ip_type {ipType}; use 4 or 6.");

    public static DispatchError InvalidIpAddress(UInt128 ip, byte ipType) =>
        E(DispatchErrorCode.InvalidIpAddress, $"{ip} is not a routable IPv{ipType} address.");

    public static DispatchError InvalidPort() => E(DispatchErrorCode.InvalidPort, "port 0 cannot be served.");

    public static DispatchError ServingRateLimitExceeded(ulong previous, ulong limit) =>
        E(DispatchErrorCode.ServingRateLimitExceeded, $"served at block {previous}; again from block {previous + limit}.");

    private static string TooFast(ulong lastUpdate, ulong limit) =>
        $"last set at block {lastUpdate}; the rate limit is {limit} blocks, so not before block {lastUpdate + limit}.";

    private static DispatchError Take(DispatchErrorCode code, ushort take, string rule) => E(code, $"take {take} ({take / 655.35:0.##} %) {rule}.");

    private static DispatchError E(DispatchErrorCode code, string detail) => new(code, detail);

    public static DispatchError SubtokenDisabled(NetUid netuid) =>
        E(DispatchErrorCode.SubtokenDisabled, $"subnet {netuid} has not been started: its owner starts it with start_call (`appliance subnet start`).");

    public static DispatchError FirstEmissionBlockNumberAlreadySet(NetUid netuid, ulong block) =>
        E(DispatchErrorCode.FirstEmissionBlockNumberAlreadySet, $"subnet {netuid} was started already; it emits from block {block}.");

    public static DispatchError SlippageTooHigh(Rao amount, Rao possible) =>
        E(DispatchErrorCode.SlippageTooHigh, $"only {possible.Value} rao of {amount.Value} can go through the pool within the limit price, and partial fills are not allowed.");

    public static DispatchError InsufficientLiquidity(string detail) => E(DispatchErrorCode.InsufficientLiquidity, detail + ".");

    public static DispatchError SameNetuid(NetUid netuid) =>
        E(DispatchErrorCode.SameNetuid, $"origin and destination are the same stake in subnet {netuid}.");

    public static DispatchError PriceLimitExceeded(Consensus.U64F64 price, Consensus.U64F64 limit, bool buy) =>
        E(DispatchErrorCode.PriceLimitExceeded,
            $"the price is {price.ToDouble():0.#########} TAO per alpha; a {(buy ? "buy" : "sale")} limited to {limit.ToDouble():0.#########} cannot start.");

    public static DispatchError ReservesTooLow(ulong reserve, ulong minimum) =>
        E(DispatchErrorCode.ReservesTooLow, $"the pool's output reserve {reserve} rao cannot pay out (minimum reserve {minimum}).");

    public static DispatchError SwapInputTooLarge(ulong amount, ulong reserve) =>
        E(DispatchErrorCode.SwapInputTooLarge, $"{amount} rao is more than 1000× the pool's input reserve {reserve}.");

    public static DispatchError NeedsDynamicTao(string call) =>
        E(DispatchErrorCode.NeedsDynamicTao, $"{call} moves stake through subnet pools; this chain's genesis chose the classic emission model, which has none.");

    public static DispatchError NoAlphaToRemove(NetUid netuid) =>
        E(DispatchErrorCode.AmountTooLow, $"no alpha of subnet {netuid} to remove: nothing is staked there, or the amount is 0.");
}
