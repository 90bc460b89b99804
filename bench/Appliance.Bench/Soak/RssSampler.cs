using System.Diagnostics;
using System.Globalization;

namespace Appliance.Bench.Soak;

/// <summary>The <c>up</c> process's resident memory (VmRSS of /proc/PID/status), sampled once a <see cref="Period"/> from the start of the load.</summary>
public sealed class RssSampler(int pid)
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(5);

    private readonly Lock _lock = new();
    private readonly List<(TimeSpan At, long Kib)> _samples = [];
    private readonly long _started = Stopwatch.GetTimestamp();

    public async Task RunAsync(LoadWindow window)
    {
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            Sample();
            await window.PauseAsync(Period);
        }
    }

    /// <summary>Reads VmRSS now and keeps it; null once the process is gone.</summary>
    public long? Sample()
    {
        string status;
        try
        {
            status = File.ReadAllText($"/proc/{pid}/status");
        }
        catch (IOException)
        {
            return null;
        }
        var line = status.Split('\n').First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        var kib = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        lock (_lock)
        {
            _samples.Add((Stopwatch.GetElapsedTime(_started), kib));
        }
        return kib;
    }

    /// <summary>The first sample taken at or after <paramref name="at"/> from the start; null when none was.</summary>
    public long? At(TimeSpan at)
    {
        lock (_lock)
        {
            return _samples.FirstOrDefault(s => s.At >= at) is { Kib: > 0 } sample ? sample.Kib : null;
        }
    }

    public long? Last
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count == 0 ? null : _samples[^1].Kib;
            }
        }
    }

    public long? Max
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count == 0 ? null : _samples.Max(s => s.Kib);
            }
        }
    }
}
