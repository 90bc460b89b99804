using Appliance.Primitives;

namespace Appliance.Runtime.Subnets;

/// <summary>The subnet calls' error catalogue, with subtensor's error names.</summary>
public static class SubtensorErrors
{
    public const string Module = "SubtensorModule";

    public static DispatchError SubNetworkDoesNotExist(NetUid netuid) => E(nameof(SubNetworkDoesNotExist), $"there is no subnet {netuid}.");

    public static DispatchError NotSubnetOwner(NetUid netuid, AccountId owner) =>
        E(nameof(NotSubnetOwner), $"only the owner coldkey {owner} of subnet {netuid} may do this.");

    public static DispatchError UnknownHyperparameter(string name) =>
        E(nameof(UnknownHyperparameter), $"'{name}' is not a hyperparameter; known: {string.Join(", ", Hyperparameters.All.Select(h => h.Name))}.");

    public static DispatchError ValueOutOfBounds(Hyperparameter parameter, long value) =>
        E(nameof(ValueOutOfBounds), $"{parameter.Name} = {parameter.Display(value)} is outside [{parameter.Display(parameter.Min)}, {parameter.Display(parameter.Max)}].");

    public static DispatchError InconsistentHyperparameters(string detail) => E(nameof(InconsistentHyperparameters), detail + ".");

    public static DispatchError NotEnoughBalance(string what, Rao needed, Rao free) =>
        E("NotEnoughBalanceToStake", $"{what} needs {needed}; the free balance is {free}.");

    public static DispatchError SubNetRegistrationDisabled(NetUid netuid) => E(nameof(SubNetRegistrationDisabled), $"subnet {netuid} does not allow registration now.");

    public static DispatchError HotKeyAlreadyRegisteredInSubNet(AccountId hotkey, NetUid netuid) =>
        E(nameof(HotKeyAlreadyRegisteredInSubNet), $"{hotkey} already holds a uid in subnet {netuid}.");

    public static DispatchError NonAssociatedColdKey(AccountId hotkey, AccountId owner) =>
        E(nameof(NonAssociatedColdKey), $"hotkey {hotkey} belongs to coldkey {owner}.");

    public static DispatchError NoNeuronIdAvailable(NetUid netuid) =>
        E(nameof(NoNeuronIdAvailable), $"subnet {netuid} is full and every uid is immortal.");

    public static DispatchError HotKeyNotRegisteredInSubNet(AccountId hotkey, NetUid netuid) =>
        E(nameof(HotKeyNotRegisteredInSubNet), $"{hotkey} holds no uid in subnet {netuid}.");

    public static DispatchError AmountTooLow(Rao amount, Rao minimum) => E(nameof(AmountTooLow), $"{amount} is below the minimum {minimum}.");

    public static DispatchError NotEnoughStakeToWithdraw(Rao requested, Rao staked) =>
        E(nameof(NotEnoughStakeToWithdraw), $"{requested} requested, {staked} staked.");

    public static DispatchError DelegateTake(string code, ushort take, string rule) => E(code, $"take {take} ({take / 655.35:0.##} %) {rule}.");

    public static DispatchError Weights(string code, string detail) => E(code, detail);

    public static DispatchError Serving(string code, string detail) => E(code, detail);

    private static DispatchError E(string code, string detail) => new(Module, code, detail);
}
