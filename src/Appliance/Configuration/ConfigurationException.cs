namespace Appliance.Configuration;

/// <summary>Settings that cannot be used; each problem names its key.</summary>
public sealed class ConfigurationException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
