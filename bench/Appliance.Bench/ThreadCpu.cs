using System.Runtime.InteropServices;

namespace Appliance.Bench;

/// <summary>
/// CPU time of the calling thread (Linux <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>): what the block
/// producer's own thread spends, apart from the admission threads running beside it.
/// </summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTime = 3;

    public static TimeSpan Now()
    {
        if (ClockGetTime(ClockThreadCpuTime, out var time) != 0)
        {
            throw new InvalidOperationException($"clock_gettime failed: errno {Marshal.GetLastPInvokeError()}");
        }
        return TimeSpan.FromTicks(time.Seconds * TimeSpan.TicksPerSecond + time.Nanoseconds / 100);
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
