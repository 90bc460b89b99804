using System.Text;

namespace Appliance.Validation;

/// <summary>
/// Scores a miner's answer: correctness in [0, 1] times a latency factor. The answer is the first non-empty
/// line of the completion; after normalisation (trimmed, whitespace collapsed, surrounding quotes and a final
/// period dropped) an exact match scores 1. Anything else gets partial credit of at most 0.9: the better of
/// the F1 overlap of its words with the expected words and that of its letters and digits (so "revri" for
/// "revir" earns more than "banana" does, and a long ramble less than a short near-miss). A reply at once
/// keeps the full score; one at the timeout half.
/// </summary>
public static class AnswerScorer
{
    private const double PartialCeiling = 0.9;

    public static double Score(string expected, string completion, TimeSpan elapsed, TimeSpan timeout) =>
        Correctness(expected, completion) * LatencyFactor(elapsed, timeout);

    public static double Correctness(string expected, string completion)
    {
        var want = Normalise(expected);
        var got = Normalise(FirstLine(completion));
        if (got.Length == 0)
        {
            return 0;
        }
        if (got == want)
        {
            return 1;
        }
        var words = F1(Words(want), Words(got));
        var characters = F1(Characters(want), Characters(got));
        return Math.Min(Math.Max(words, characters), PartialCeiling);
    }

    public static double LatencyFactor(TimeSpan elapsed, TimeSpan timeout)
    {
        var fraction = timeout > TimeSpan.Zero ? Math.Clamp(elapsed / timeout, 0, 1) : 1;
        return 1 - 0.5 * fraction;
    }

    private static string FirstLine(string text) =>
        text.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";

    private static string Normalise(string text)
    {
        var collapsed = new StringBuilder();
        foreach (var word in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            collapsed.Append(collapsed.Length == 0 ? "" : " ").Append(word);
        }
        return collapsed.ToString().Trim('"', '\'', '`').TrimEnd('.').Trim();
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split([' ', ','], StringSplitOptions.RemoveEmptyEntries);

    private static IEnumerable<char> Characters(string text) => text.ToLowerInvariant().Where(char.IsLetterOrDigit);

    /// <summary>F1 of two multisets: 2·common / (|a| + |b|).</summary>
    private static double F1<T>(IEnumerable<T> expected, IEnumerable<T> actual) where T : notnull
    {
        var counts = expected.GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
        var expectedCount = counts.Values.Sum();
        var actualCount = 0;
        var common = 0;
        foreach (var item in actual)
        {
            actualCount++;
            if (counts.TryGetValue(item, out var left) && left > 0)
            {
                counts[item] = left - 1;
                common++;
            }
        }
        return expectedCount + actualCount == 0 ? 0 : 2.0 * common / (expectedCount + actualCount);
    }
}
