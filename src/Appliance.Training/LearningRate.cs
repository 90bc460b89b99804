namespace Appliance.Training;

/// <summary>Linear warm-up to the peak, then cosine decay to a tenth of it at the end of training (nanoGPT's schedule).</summary>
public static class LearningRate
{
    public static double At(double progress, int step, int warmupSteps, double peak)
    {
        if (step < warmupSteps)
        {
            return peak * (step + 1) / warmupSteps;
        }
        var cosine = 0.5 * (1 + Math.Cos(Math.PI * Math.Clamp(progress, 0, 1)));
        return peak * (0.1 + 0.9 * cosine);
    }
}
