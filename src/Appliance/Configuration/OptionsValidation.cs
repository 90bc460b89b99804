using Appliance.Keys;

namespace Appliance.Configuration;

/// <summary>
/// Checks settings before anything starts and names every bad key with its environment variable, so a
/// bad config stops start-up with one line per problem.
/// </summary>
public static class OptionsValidation
{
    public static IReadOnlyList<string> Validate(NodeOptions node)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(node.DataDir))
        {
            problems.Add(Problem("DataDir", "must name a folder"));
        }
        if (node.BlockTimeMs is < 10 or > 3_600_000)
        {
            problems.Add(Problem("BlockTimeMs", $"must be 10 to 3600000 milliseconds, got {node.BlockTimeMs}"));
        }
        try
        {
            SecretUri.Parse(node.AuthorityUri).DeriveSeed();
        }
        catch (FormatException e)
        {
            problems.Add(Problem("AuthorityUri", e.Message));
        }
        if (!string.IsNullOrEmpty(node.GenesisFile) && !File.Exists(node.GenesisFile))
        {
            problems.Add(Problem("GenesisFile", $"no file at {node.GenesisFile}"));
        }
        if (!string.IsNullOrEmpty(node.EmissionModel) && node.EmissionModel is not ("dynamic" or "classic"))
        {
            problems.Add(Problem("EmissionModel", $"must be \"dynamic\" or \"classic\", got '{node.EmissionModel}'"));
        }
        if (!string.IsNullOrEmpty(node.EmissionModel) && !string.IsNullOrEmpty(node.GenesisFile))
        {
            problems.Add(Problem("EmissionModel", "cannot be given with a genesis file, which names its own emission_model"));
        }
        return problems;
    }

    private static string Problem(string key, string what) =>
        $"configuration key {NodeOptions.Section}:{key} (APPLIANCE_{NodeOptions.Section.ToUpperInvariant()}__{key.ToUpperInvariant()}) {what}.";
}
