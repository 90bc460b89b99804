using Appliance.Primitives;

namespace Appliance.Axon;

/// <summary>Who may call a miner: hotkeys registered on its subnet that hold a validator permit.</summary>
public interface IValidatorPermits
{
    Task<PermitCheck> CheckAsync(NetUid netuid, string hotkey, CancellationToken cancellation);
}

public enum PermitStatus
{
    Permitted,
    NotRegistered,
    NoValidatorPermit,
    Unavailable,
}

/// <summary>The answer about one hotkey, as of a block, with a sentence for the refusal.</summary>
public sealed record PermitCheck(PermitStatus Status, string Detail)
{
    public static PermitCheck Permitted(ushort uid, ulong block) => new(PermitStatus.Permitted, $"uid {uid} holds a validator permit at block {block}.");

    public static PermitCheck NotRegistered(string hotkey, NetUid netuid, ulong block) =>
        new(PermitStatus.NotRegistered, $"{hotkey} is not registered on subnet {netuid} at block {block}.");

    public static PermitCheck NoValidatorPermit(string hotkey, ushort uid, NetUid netuid, ulong block) =>
        new(PermitStatus.NoValidatorPermit, $"{hotkey} is uid {uid} on subnet {netuid} but holds no validator permit at block {block}.");

    public static PermitCheck Unavailable(string detail) => new(PermitStatus.Unavailable, detail);
}
