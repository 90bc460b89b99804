namespace Appliance.Validation.Tasks;

/// <summary>Short common words the string tasks draw from.</summary>
internal static class Words
{
    private static readonly string[] List =
    [
        "apple", "river", "stone", "cloud", "tiger", "lemon", "piano", "candle", "forest", "silver",
        "rocket", "garden", "window", "planet", "orange", "bridge", "winter", "yellow", "market", "castle",
        "banana", "mirror", "pencil", "harbor", "meadow", "thunder", "copper", "lantern", "falcon", "velvet",
    ];

    public static string Pick(Random random) => List[random.Next(List.Length)];
}
