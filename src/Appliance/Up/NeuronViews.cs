using Appliance.Validation;

namespace Appliance.Up;

/// <summary>A miner of the appliance as the API and UI show it.</summary>
public sealed record MinerStatus(
    string Name, string Hotkey, bool Running, string? Url, string Model, float Temperature, int MaxTokens, long Requests, long Tokens, double TokensPerSecond);

/// <summary>A validator of the appliance as the API and UI show it, with its recent rounds and moving averages.</summary>
public sealed record ValidatorStatus(
    string Name, string Hotkey, bool Running, long Rounds, IReadOnlyDictionary<ushort, double> Scores, IReadOnlyList<ValidatorRound> RecentRounds);
