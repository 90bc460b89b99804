using Appliance.Primitives;

namespace Appliance.Validation;

/// <summary>How a validator works: where, how often, how long it waits, how many miners it asks, how fast scores move.</summary>
public sealed record ValidatorSettings(
    NetUid Netuid, TimeSpan QueryInterval, TimeSpan Timeout, int SampleSize, double Alpha, int Seed, int MaxTokens = ValidatorSettings.AnswerTokens)
{
    /// <summary>The answer length a validator asks miners for.</summary>
    public const int AnswerTokens = 32;

    public const int RecentRounds = 50;
}
