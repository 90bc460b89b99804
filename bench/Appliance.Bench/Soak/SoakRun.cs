using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Wallets;

namespace Appliance.Bench.Soak;

/// <summary>
/// <c>soak --minutes N [--json]</c>: starts <c>appliance up</c> on a fresh temp folder (1 s blocks, tempo 10, its
/// default miners, plus a validator "soak" that queries once an hour and lends the generator its hotkey), funds
/// <see cref="TransferLoad.Accounts"/> accounts from //Alice, then for N minutes runs every load at once —
/// transfers, signed axon queries to miner1, UI pages, event-stream visits — while sampling the pool and up's
/// RSS; then reads the block timestamps, stops up with Ctrl-C and prints a <see cref="SoakReport"/> (with
/// <c>--json</c>, its last line is the report as one JSON object). Exit code 0 when the verdict passes.
/// </summary>
public static class SoakRun
{
    private const string SoakValidator = "soak";
    private const string TargetMiner = "miner1";
    private const int BlockTimeMs = 1000;
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan Progress = TimeSpan.FromMinutes(1);

    public static int Run(string[] args)
    {
        if (Options(args) is not var (minutes, json))
        {
            Console.Error.WriteLine("usage: soak --minutes N [--json]   (N: 1 to 1440, decimals allowed)");
            return 2;
        }
        try
        {
            return RunAsync(minutes, json).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or ClientError or HttpRequestException)
        {
            // up could not start, or the setup before the load failed; up (if started) is already stopped.
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(double minutes, bool json)
    {
        var folder = Directory.CreateTempSubdirectory("appliance-soak-").FullName;
        var started = DateTimeOffset.UtcNow;
        var loadBefore = LoadAverage();
        Console.WriteLine($"Soak of {minutes:0.##} min; up's folder {folder}; load average {loadBefore}.");
        var clock = Stopwatch.StartNew();
        using var up = await UpChild.StartAsync(folder, WriteConfig(folder));
        Console.WriteLine($"up ready at {up.Url} (pid {up.Pid}) after {clock.Elapsed.TotalSeconds:0} s.");

        using var setup = new NodeClient(up.Url);
        var (axon, minerHotkey) = await MinerAsync(up.Url, TargetMiner);
        using var validatorHotkey = new WalletStore(Path.Combine(folder, "wallets")).OpenHotkey(SoakValidator, WalletStore.DefaultHotkey);
        await WaitForPermitAsync(setup, new AccountId(validatorHotkey.PublicKey).Address);
        var accounts = TransferLoad.DeriveAccounts();
        await TransferLoad.FundAsync(setup, accounts, CancellationToken.None);
        Console.WriteLine($"{accounts.Count} accounts funded, {SoakValidator}'s permit granted, axon {axon}; load for {minutes:0.##} min after {clock.Elapsed.TotalSeconds:0} s.");

        var duration = TimeSpan.FromMinutes(minutes);
        var firstBlock = (await setup.HeadAsync(CancellationToken.None)).Number + 1;
        using var window = new LoadWindow(duration);
        var log = new RequestLog(window.Stop);
        using var api = new NodeClient(up.Url, new RecordingHandler(log, "api"));
        using var axonHttp = new HttpClient(new RecordingHandler(log, "axon")) { Timeout = TimeSpan.FromMinutes(2) };
        using var ui = Client(up.Url, new RecordingHandler(log, "ui"));
        using var sse = Client(up.Url, new RecordingHandler(log, "sse", readBody: false));
        using var scrapes = Client(up.Url, new RecordingHandler(log, "metrics"));
        var transfers = new TransferLoad(api, accounts);
        var queries = new AxonLoad(axonHttp, validatorHotkey, axon, minerHotkey);
        var streams = new EventStreamLoad(sse);
        var pool = new PoolSampler(scrapes);
        var rss = new RssSampler(up.Pid);
        var alice = new AccountId(DevAccounts.Alice().PublicKey).Address;
        await Task.WhenAll(
            transfers.RunAsync(window), queries.RunAsync(window), new UiLoad(ui, alice).RunAsync(window), streams.RunAsync(window),
            pool.RunAsync(window), rss.RunAsync(window), ReportProgressAsync(window, log, rss, pool));

        var rssEnd = rss.Sample();
        var lastBlock = (await setup.HeadAsync(CancellationToken.None)).Number;
        using var reader = Client(up.Url, new HttpClientHandler());
        var blocks = await BlockTiming.ReadAsync(reader, firstBlock, lastBlock, TimeSpan.FromMilliseconds(BlockTimeMs), CancellationToken.None);
        var (exitCode, stopTook) = await up.InterruptAsync();
        foreach (var account in accounts)
        {
            account.Dispose();
        }

        var warmUp = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(1).Ticks, duration.Ticks / 5));
        var report = new SoakReport(
            started.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture), minutes, Machine(), loadBefore, LoadAverage(), BlockTimeMs,
            log.Summaries(), transfers.Accepted, transfers.Refused, queries.Completed, streams.Visits, streams.Events, streams.Stalled,
            rss.At(warmUp), duration >= FiveMinutes ? rss.At(FiveMinutes) : null, rssEnd, rss.Max, pool.HighWater, pool.Samples, blocks,
            exitCode, stopTook.TotalSeconds, up.Problems, up.LogPath);
        report.Print(Console.Out);
        if (json)
        {
            Console.WriteLine(report.ToJson());
        }
        if (report.Passed && exitCode == 0)
        {
            Directory.Delete(Path.Combine(folder, "data"), recursive: true);
        }
        return report.Passed ? 0 : 1;
    }

    /// <summary>
    /// up's settings: the demo's 1 s blocks, a short tempo so permits and epochs come quickly, one llama.cpp
    /// thread (the machine is shared), its default miners, and beside its two validators the soak's, which
    /// queries once an hour: it is there for its registered, staked hotkey.
    /// </summary>
    private static string WriteConfig(string folder)
    {
        var path = Path.Combine(folder, "up.json");
        File.WriteAllText(path, $$"""
            {
              "Node": { "BlockTimeMs": {{BlockTimeMs}} },
              "Up": {
                "Tempo": 10, "WeightsRateLimit": 3, "Threads": 1,
                "Validators": [
                  { "Name": "validator1", "StakeTao": 2000, "Seed": 1 },
                  { "Name": "validator2", "StakeTao": 500, "Seed": 2 },
                  { "Name": "{{SoakValidator}}", "StakeTao": 1000, "Seed": 3, "QueryIntervalSeconds": 3600 }
                ]
              }
            }
            """);
        return path;
    }

    private static HttpClient Client(string url, HttpMessageHandler handler) =>
        new(handler) { BaseAddress = Loopback.Require(new Uri(url)), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The miner's axon (loopback only) and hotkey, from up's GET /api/miners.</summary>
    private static async Task<(Uri Axon, string Hotkey)> MinerAsync(string url, string name)
    {
        using var http = Client(url, new HttpClientHandler());
        var miner = (await http.GetFromJsonAsync<JsonElement>("/api/miners")).EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);
        return (Loopback.Require(new Uri(miner.GetProperty("url").GetString()!)), miner.GetProperty("hotkey").GetString()!);
    }

    /// <summary>The soak validator gets its permit at the first epoch after its stake; until then miners refuse it.</summary>
    private static async Task WaitForPermitAsync(NodeClient node, string hotkey)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline)
        {
            var metagraph = await node.MetagraphAsync(new NetUid(1), CancellationToken.None);
            if (metagraph.Neurons.Any(n => n.Hotkey == hotkey && n.ValidatorPermit))
            {
                return;
            }
            await Task.Delay(1000);
        }
        throw new TimeoutException($"the {SoakValidator} validator ({hotkey}) got no validator permit within 3 minutes.");
    }

    /// <summary>One line a minute, so a long run shows it is alive.</summary>
    private static async Task ReportProgressAsync(LoadWindow window, RequestLog log, RssSampler rss, PoolSampler pool)
    {
        var clock = Stopwatch.StartNew();
        for (var turn = 0L; turn < window.MaxTurns && !window.Stop.IsCancellationRequested; turn++)
        {
            await window.PauseAsync(Progress);
            var requests = string.Join(", ", log.Summaries().Select(s => $"{s.Kind} {s.Requests} ({s.ServerErrors} 5xx)"));
            Console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {requests}; RSS {rss.Last / 1024 ?? 0} MiB; pool high-water {pool.HighWater}; load average {LoadAverage()}");
        }
    }

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static string Machine()
    {
        var model = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        return $"{Environment.ProcessorCount} cores, {model}, .NET {Environment.Version}";
    }

    private static (double Minutes, bool Json)? Options(string[] args)
    {
        double? minutes = null;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--minutes" when i + 1 < args.Length
                    && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) && m is > 0 and <= 1440:
                    minutes = m;
                    i++;
                    break;
                default:
                    return null;
            }
        }
        return minutes is { } value ? (value, json) : null;
    }
}
