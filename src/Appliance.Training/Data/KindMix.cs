using System.Globalization;
using Appliance.Validation.Tasks;

namespace Appliance.Training.Data;

/// <summary>
/// How often training draws each of the validator's task kinds (<see cref="TaskGenerator.Kinds"/>): whole-number
/// weights, 1 for a kind not named. The validator draws kinds uniformly; the default draws arithmetic, ordering
/// and counting twice as often, because reversing, sorting and upper-casing the 30 words are learnt within a few
/// hundred steps while computing, sorting numbers and counting letters need many more examples — the time on
/// two cores is better spent there.
/// </summary>
public sealed class KindMix
{
    public const string Default = "arithmetic=2,ordering=2,counting=2";

    private readonly IReadOnlyList<ITaskKind> draws;

    private KindMix(IReadOnlyList<ITaskKind> draws, string text) => (this.draws, Text) = (draws, text);

    public string Text { get; }

    public ITaskKind Draw(Random random) => draws[random.Next(draws.Count)];

    /// <summary>Parses "kind=weight,…"; a problem comes back as a sentence naming the bad part.</summary>
    public static KindMix Parse(string text)
    {
        var weights = TaskGenerator.Kinds.ToDictionary(k => k.Name, _ => 1);
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=');
            if (pair.Length != 2 || !weights.ContainsKey(pair[0]) || !int.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var weight) || weight > 100)
            {
                throw new FormatException($"--mix takes kind=weight pairs with kinds {string.Join(", ", weights.Keys)} and weights 0 to 100; got '{part}'.");
            }
            weights[pair[0]] = weight;
        }
        var draws = TaskGenerator.Kinds.SelectMany(k => Enumerable.Repeat(k, weights[k.Name])).ToList();
        if (draws.Count == 0)
        {
            throw new FormatException("--mix gives every kind weight 0.");
        }
        return new KindMix(draws, text);
    }
}
