using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Consensus;

namespace Appliance.Bench;

/// <summary>
/// One Yuma epoch (<see cref="YumaEpoch.Run"/>, fixed point) for 256, 1024 and 4096 uids with 64, 128 and
/// 256 validators setting dense random weights, beside a float64 NumPy port of spec §5 (bench/yuma_numpy.py
/// under Debian's /usr/bin/python3) run on the same inputs in the same run. Each side times itself: warmup,
/// then the median of <see cref="Repetitions"/> runs. The table adds the time ratio and the largest
/// differences between our stored incentive and dividends (u16/65535) and NumPy's. A plain Stopwatch
/// loop rather than BenchmarkDotNet, so that the NumPy figures come from the same process and inputs.
/// With <c>--json</c> the last line is <c>{"rows": [{"uids", "validators", "ours_ms", "numpy_ms", "ratio"}]}</c>,
/// ratio = numpy_ms / ours_ms.
/// </summary>
public static class EpochVsNumPy
{
    private const string Python = "/usr/bin/python3";
    private const int Repetitions = 15;

    /// <summary>
    /// Tiered JIT optimises a method after 30 calls and a quiet 100 ms, and the epoch calls most helpers once,
    /// so warm up for at least this many runs and this long.
    /// </summary>
    private const int WarmupRuns = 40;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(2);

    /// <summary>The u16 floors alone differ by up to 1/65535; a gap this large means the two ports disagree.</summary>
    private const double Tolerance = 1e-3;

    private static readonly (int Uids, int Validators)[] Sizes = [(256, 64), (1024, 128), (4096, 256)];

    private sealed record JsonRow(int Uids, int Validators, double OursMs, double NumpyMs, double Ratio);

    private sealed record NumPyResult(double MedianMs, [property: JsonPropertyName("numpy")] string NumPy, double[] Incentive, double[] Dividends);

    public static int Run(string[] options)
    {
        if (options.Any(o => o != "--json"))
        {
            Console.Error.WriteLine($"epoch: unknown option {options.First(o => o != "--json")}; the only one is --json");
            return 1;
        }
        if (!File.Exists(Python))
        {
            Console.Error.WriteLine($"epoch: {Python} is missing: apt-get install -y python3 python3-numpy");
            return 1;
        }
        var script = Path.Combine(AppContext.BaseDirectory, "yuma_numpy.py");
        var folder = Directory.CreateTempSubdirectory("appliance-epoch-bench-").FullName;
        try
        {
            var withinTolerance = true;
            var numPyVersion = "";
            var rows = new List<JsonRow>();
            Console.WriteLine($"{"UIDs",6} {"validators",10} {"ours ms",9} {"NumPy ms",9} {"NumPy/ours",10} {"max |Δincentive|",17} {"max |Δdividends|",17}");
            foreach (var (uids, validators) in Sizes)
            {
                var bench = EpochBenchInput.Create(uids, validators);
                var (oursMs, output) = Time(bench.Input);
                if (RunNumPy(script, bench.WriteJson(folder, warmup: 3, Repetitions)) is not { } numPy)
                {
                    return 1;
                }
                var incentive = MaxDifference(output.Incentive, numPy.Incentive);
                var dividends = MaxDifference(output.Dividends, numPy.Dividends);
                withinTolerance &= incentive <= Tolerance && dividends <= Tolerance;
                numPyVersion = numPy.NumPy;
                rows.Add(new JsonRow(uids, validators, Math.Round(oursMs, 3), Math.Round(numPy.MedianMs, 3), Math.Round(numPy.MedianMs / oursMs, 3)));
                Console.WriteLine($"{uids,6} {validators,10} {oursMs,9:F2} {numPy.MedianMs,9:F2} {numPy.MedianMs / oursMs,10:F2} {incentive,17:0.00E+0} {dividends,17:0.00E+0}");
            }
            Console.WriteLine($"Median of {Repetitions} runs each; .NET {Environment.Version}, NumPy {numPyVersion}, {Environment.ProcessorCount} cores.");
            if (!withinTolerance)
            {
                Console.Error.WriteLine($"epoch: incentive or dividends differ from the NumPy port by more than {Tolerance}");
                return 1;
            }
            if (options.Contains("--json"))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { rows }, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (double MedianMs, EpochOutput Output) Time(EpochInput input)
    {
        var output = YumaEpoch.Run(input);
        var warmup = Stopwatch.StartNew();
        for (var i = 1; i < WarmupRuns || warmup.Elapsed < WarmupTime; i++)
        {
            output = YumaEpoch.Run(input);
        }
        GC.Collect();
        var times = new double[Repetitions];
        for (var i = 0; i < Repetitions; i++)
        {
            var start = Stopwatch.GetTimestamp();
            output = YumaEpoch.Run(input);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return (times[Repetitions / 2], output);
    }

    private static NumPyResult? RunNumPy(string script, string inputPath)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(inputPath);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine($"epoch: {error.Result.Trim()}");
            return null;
        }
        return JsonSerializer.Deserialize<NumPyResult>(output, new JsonSerializerOptions(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower });
    }

    private static double MaxDifference(ushort[] ours, double[] numPy) =>
        ours.Select((value, i) => Math.Abs(value / 65535.0 - numPy[i])).Max();
}
