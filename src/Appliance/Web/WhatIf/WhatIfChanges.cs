using Appliance.Consensus;

namespace Appliance.Web.WhatIf;

/// <summary>
/// What the user changed in an epoch's input. Null keeps the chain's value, so the what-if follows the chain
/// (a sudo'd kappa, new weights) wherever the user did not touch it. A replaced weights row keeps the
/// validator's last_update, so an inactive validator's new row stays as ignored as its stored one.
/// </summary>
public sealed record WhatIfChanges(ushort? Kappa = null, ulong? BondsMovingAverage = null, ValidatorWeights? Weights = null)
{
    public static WhatIfChanges None { get; } = new();

    public EpochInput ApplyTo(EpochInput input) => input with
    {
        Hyperparameters = input.Hyperparameters with
        {
            Kappa = Kappa ?? input.Hyperparameters.Kappa,
            BondsMovingAverage = BondsMovingAverage ?? input.Hyperparameters.BondsMovingAverage,
        },
        Weights = Weights is { } weights
            ? [.. input.Weights.Select((row, uid) => uid == weights.Uid ? weights.StoredRow : row)]
            : input.Weights,
    };
}
