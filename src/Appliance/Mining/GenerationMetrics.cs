using System.Diagnostics;
using System.Diagnostics.Metrics;
using Appliance.Metrics;

namespace Appliance.Mining;

/// <summary>
/// What the process's miners generated, per model: completion tokens, and generation time per request, so that
/// <c>rate(appliance_generation_tokens_total[1m]) / rate(appliance_generation_duration_seconds_sum[1m])</c> is tokens per second.
/// </summary>
public static class GenerationMetrics
{
    private static readonly Counter<long> Tokens = ApplianceMeter.Process.CreateCounter<long>(
        "appliance.generation.tokens", "{token}", "Completion tokens the miners generated.");

    private static readonly Histogram<double> Duration = ApplianceMeter.Process.CreateHistogram(
        "appliance.generation.duration", "s", "Generation time of one completion.", advice: ApplianceMeter.Seconds);

    public static void Generated(string model, GenerationResult result)
    {
        var tags = new TagList { { "model", model } };
        Tokens.Add(result.CompletionTokens, tags);
        Duration.Record(result.Elapsed.TotalSeconds, tags);
    }
}
