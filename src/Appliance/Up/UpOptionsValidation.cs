using Appliance.Axon;
using Appliance.Wallets;

namespace Appliance.Up;

/// <summary>Checks the "Up" section before anything starts; each problem names its key and environment variable.</summary>
public static class UpOptionsValidation
{
    public static IReadOnlyList<string> Validate(UpOptions up)
    {
        var problems = new List<string>();
        void Check(bool ok, string key, string what)
        {
            if (!ok)
            {
                problems.Add($"configuration key {UpOptions.Section}:{key} (APPLIANCE_{UpOptions.Section.ToUpperInvariant()}__{key.Replace(":", "__").ToUpperInvariant()}) {what}.");
            }
        }

        Check(up.Tempo is >= 1 and <= 50_400, "Tempo", $"must be 1 to 50400 blocks, got {up.Tempo}");
        Check(up.CommitRevealPeriod is >= 1 and <= 100, "CommitRevealPeriod", $"must be 1 to 100 epochs, got {up.CommitRevealPeriod}");
        Check(up.WeightsRateLimit is >= 0 and <= 100_000, "WeightsRateLimit", $"must be 0 to 100000 blocks, got {up.WeightsRateLimit}");
        Check(up.Sequences is >= 1 and <= 256, "Sequences", $"must be 1 to 256, got {up.Sequences}");
        Check(up.Threads is null or >= 1, "Threads", $"must be at least 1, got {up.Threads}");
        Check(string.IsNullOrEmpty(up.Model) || File.Exists(up.Model), "Model", $"names no file: {up.Model}");
        Check(up.AdminFailureLimit is >= 1 and <= 10_000, "AdminFailureLimit", $"must be 1 to 10000, got {up.AdminFailureLimit}");
        Check(up.AdminFailureWindowSeconds is >= 1 and <= 86_400, "AdminFailureWindowSeconds", $"must be 1 to 86400 seconds, got {up.AdminFailureWindowSeconds}");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var miners = up.EffectiveMiners;
        for (var i = 0; i < miners.Count; i++)
        {
            var key = $"Miners:{i}";
            Check(names.Add(miners[i].Name), $"{key}:Name", $"'{miners[i].Name}' is used twice");
            CheckMiner(miners[i], (ok, field, what) => Check(ok, $"{key}:{field}", what));
        }
        var validators = up.EffectiveValidators;
        for (var i = 0; i < validators.Count; i++)
        {
            var validator = validators[i];
            Check(WalletStore.IsValidName(validator.Name), $"Validators:{i}:Name", $"must be a wallet name (letters, digits, '_', '.', '-'), got '{validator.Name}'");
            Check(names.Add(validator.Name), $"Validators:{i}:Name", $"'{validator.Name}' is used twice");
            Check(validator.StakeTao is >= 1 and <= 100_000, $"Validators:{i}:StakeTao", $"must be 1 to 100000 TAO, got {validator.StakeTao}");
            Check(validator.QueryIntervalSeconds is > 0 and <= 3600, $"Validators:{i}:QueryIntervalSeconds", $"must be above 0 and at most 3600, got {validator.QueryIntervalSeconds}");
            Check(validator.TimeoutSeconds is > 0 and <= 120, $"Validators:{i}:TimeoutSeconds", $"must be above 0 and at most 120, got {validator.TimeoutSeconds}");
            Check(validator.SampleSize >= 0, $"Validators:{i}:SampleSize", $"must be 0 (all) or more, got {validator.SampleSize}");
            Check(validator.Alpha is > 0 and <= 1, $"Validators:{i}:Alpha", $"must be above 0 and at most 1, got {validator.Alpha}");
        }
        return problems;
    }

    /// <summary>One miner's settings, as configured or as added from the UI; each problem goes to <paramref name="check"/> with its field.</summary>
    public static void CheckMiner(MinerOptions miner, Action<bool, string, string> check)
    {
        check(WalletStore.IsValidName(miner.Name), "Name", $"must be a wallet name (letters, digits, '_', '.', '-'), got '{miner.Name}'");
        check(string.IsNullOrEmpty(miner.Model) || File.Exists(miner.Model), "Model", $"names no file: {miner.Model}");
        check(miner.Temperature is >= 0 and <= TextCompletion.MaxTemperature, "Temperature", $"must be 0 to 2, got {miner.Temperature}");
        check(miner.MaxTokens is >= 1 and <= 512, "MaxTokens", $"must be 1 to 512, got {miner.MaxTokens}");
        check(miner.Port is >= 0 and <= 65_535, "Port", $"must be 0 to 65535, got {miner.Port}");
    }
}
