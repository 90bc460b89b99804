using System.Text.Json;

namespace Appliance.Validation;

/// <summary>The hyperparameters a validator follows, read from GET /api/subnets/{netuid}/hyperparameters.</summary>
public sealed record SubnetRules(long Tempo, ulong WeightsRateLimit, ulong VersionKey, bool CommitReveal, ulong RevealPeriod)
{
    public static SubnetRules From(IReadOnlyDictionary<string, JsonElement> hyperparameters)
    {
        ulong Number(string name) => hyperparameters.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetUInt64()
            : throw new InvalidDataException($"BadNodeResponse: hyperparameter {name} is missing or not a number.");
        var commitReveal = hyperparameters.TryGetValue("commit_reveal_weights_enabled", out var flag)
            && (flag.ValueKind == JsonValueKind.True || (flag.ValueKind == JsonValueKind.Number && flag.GetInt64() != 0));
        return new SubnetRules((long)Number("tempo"), Number("weights_rate_limit"), Number("weights_version_key"), commitReveal,
            Number("commit_reveal_period"));
    }
}
