using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Contracts;
using Appliance.Hosting;
using Appliance.Keys;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Queries;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Bench;

/// <summary>
/// GET /api/subnets/{netuid}/metagraph for a full subnet of 4096 uids, beside the time System.Text.Json alone
/// takes to serialise the same view, in the same run. The chain is real (SQLite, synchronous=FULL): //Alice
/// registers the subnet and fills it by burned_register, 256 funded hotkeys serve axons, 16 of them are staked
/// as validators and set dense weights, and two epochs run, so every column holds real numbers. The node's
/// own web host then serves it on 127.0.0.1 with a block time too long to tick; the bench seals blocks itself
/// and times the GET at three kinds of head: the same head again, a new head whose block ran no epoch (most
/// blocks: no uid's entries change), and a new head whose block ran the subnet's epoch (every uid's do).
/// </summary>
public static class MetagraphReads
{
    public const int Uids = 4096;
    private const int Served = 256;
    private const int Validators = 16;
    private const int Tempo = 10;
    private const int Runs = 15;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromSeconds(3);

    public static int Run(string[] args)
    {
        var json = args is ["--json"];
        if (!json && args.Length > 0)
        {
            Console.Error.WriteLine("usage: metagraph [--json]");
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("appliance-bench-metagraph-").FullName;
        try
        {
            Console.WriteLine($"Load average before: {LoadAverage()}");
            var started = Stopwatch.GetTimestamp();
            var netuid = Build(folder);
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Console.WriteLine($"Built a chain with a {Uids}-uid subnet ({netuid}) in {Stopwatch.GetElapsedTime(started).TotalSeconds:F1} s.");
            var figures = Measure(folder, netuid);
            Console.WriteLine($"Load average after:  {LoadAverage()}");
            Console.WriteLine();
            Console.WriteLine("| uids | GET, same head ms | GET, new head ms | GET, epoch head ms | JSON in process, new head ms | JSON in process, epoch head ms | STJ serialise ms | new head / serialise | epoch head / serialise |");
            Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {Uids} | {figures.SameHeadMs:F2} | {figures.NewHeadMs:F2} | {figures.EpochHeadMs:F2} | {figures.ReadMs:F2} | {figures.ReadEpochMs:F2} | " +
                $"{figures.SerialiseMs:F2} | {figures.NewHeadMs / figures.SerialiseMs:F2} | {figures.EpochHeadMs / figures.SerialiseMs:F2} |");
            Console.WriteLine($"Response: {figures.Bytes:N0} bytes, identical to System.Text.Json's serialisation of the same view; " +
                $"an epoch head rebuilt {figures.RebuiltAtEpoch} of {Uids} rows, a new head without one {figures.RebuiltAtNewHead}.");
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["uids"] = Uids,
                    ["api_ms"] = Math.Round(figures.NewHeadMs, 3),
                    ["api_epoch_ms"] = Math.Round(figures.EpochHeadMs, 3),
                    ["api_same_head_ms"] = Math.Round(figures.SameHeadMs, 3),
                    ["serialise_ms"] = Math.Round(figures.SerialiseMs, 3),
                    ["ratio"] = Math.Round(figures.NewHeadMs / figures.SerialiseMs, 3),
                    ["epoch_ratio"] = Math.Round(figures.EpochHeadMs / figures.SerialiseMs, 3),
                }));
            }
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Figures(
        double SameHeadMs, double NewHeadMs, double EpochHeadMs, double ReadMs, double ReadEpochMs, double SerialiseMs, int Bytes,
        int RebuiltAtNewHead, int RebuiltAtEpoch);

    private static Figures Measure(string folder, NetUid netuid)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var app = NodeHost.Build(new Dictionary<string, string?>
        {
            ["Urls"] = url,
            ["Node:DataDir"] = folder,
            ["Node:BlockTimeMs"] = "3600000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        app.StartAsync().GetAwaiter().GetResult();
        try
        {
            var producer = app.Services.GetRequiredService<BlockProducer>();
            var queries = app.Services.GetRequiredService<ChainQueries>();
            var chain = app.Services.GetRequiredService<ChainService>();
            using var http = new HttpClient { BaseAddress = new Uri(url) };
            var path = ApiRoutes.Path(ApiRoutes.Metagraph, netuid.Value);
            // The body is read into one buffer for every request: the client's allocations are not the API's time.
            var received = new byte[8 << 20];
            void Get()
            {
                using var response = http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead).GetAwaiter().GetResult().EnsureSuccessStatusCode();
                using var stream = response.Content.ReadAsStream();
                var length = 0;
                for (int read; (read = stream.Read(received, length, received.Length - length)) > 0;)
                {
                    length += read;
                }
                if (length == received.Length)
                {
                    throw new InvalidOperationException($"the metagraph is larger than the bench's {received.Length:N0}-byte buffer.");
                }
            }
            bool NextRunsEpoch() => SubnetsModule.NextEpochBlock(chain.Head.Number, netuid, Tempo) == chain.Head.Number + 1;
            // A new head whose block ran no epoch, and one whose block ran the subnet's epoch.
            void NewHead()
            {
                if (NextRunsEpoch())
                {
                    producer.ProduceOne();
                }
                producer.ProduceOne();
            }
            void EpochHead()
            {
                while (!NextRunsEpoch())
                {
                    producer.ProduceOne();
                }
                producer.ProduceOne();
            }
            int Rebuilt(Action head)
            {
                var before = queries.Metagraph(netuid)!.Neurons;
                head();
                var after = queries.Metagraph(netuid)!.Neurons;
                return after.Where((neuron, uid) => !ReferenceEquals(neuron, before[uid])).Count();
            }

            WarmUp(() =>
            {
                NewHead();
                Get();
                queries.MetagraphJson(netuid);
                EpochHead();
                Get();
                queries.MetagraphJson(netuid);
            });
            var sameHead = Median(() => { }, () => Get());
            var newHead = Median(NewHead, () => Get());
            var epochHead = Median(EpochHead, () => Get());
            var read = Median(NewHead, () => queries.MetagraphJson(netuid));
            var readEpoch = Median(EpochHead, () => queries.MetagraphJson(netuid));
            var (rebuiltAtNewHead, rebuiltAtEpoch) = (Rebuilt(NewHead), Rebuilt(EpochHead));
            var view = queries.Metagraph(netuid)!;
            var body = http.GetByteArrayAsync(path).GetAwaiter().GetResult();
            var serialised = JsonSerializer.SerializeToUtf8Bytes(view, ApiJson.Options);
            if (!body.AsSpan().SequenceEqual(serialised))
            {
                throw new InvalidOperationException("the API's metagraph differs from System.Text.Json's serialisation of the same view.");
            }
            WarmUp(() => JsonSerializer.SerializeToUtf8Bytes(view, ApiJson.Options));
            var serialise = Median(() => { }, () => JsonSerializer.SerializeToUtf8Bytes(view, ApiJson.Options));
            return new Figures(sameHead, newHead, epochHead, read, readEpoch, serialise, body.Length, rebuiltAtNewHead, rebuiltAtEpoch);
        }
        finally
        {
            app.StopAsync().GetAwaiter().GetResult();
            ((IDisposable)app).Dispose();
        }
    }

    /// <summary>
    /// Runs <paramref name="step"/> for <see cref="WarmUpTime"/>: tiered compilation recompiles a method in the
    /// background some time after its 30th call, and the figures are of the code a running node has settled on
    /// (with three warm-up calls, the serialisation alone took 3.7 or 8 ms from one run to the next).
    /// </summary>
    private static void WarmUp(Action step)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < WarmUpTime)
        {
            step();
        }
    }

    /// <summary>The median of <see cref="Runs"/> timings of <paramref name="timed"/>, each after an untimed <paramref name="before"/>.</summary>
    private static double Median(Action before, Action timed)
    {
        var times = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            before();
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            var start = Stopwatch.GetTimestamp();
            timed();
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[Runs / 2];
    }

    private static NetUid Build(string folder)
    {
        using var chain = new BenchChain(folder, GenesisConfig.Development());
        var alice = chain.Alice;
        var hotkeys = Enumerable.Range(0, Served).Select(i => DevAccounts.FromUri($"//Alice//bench-{i}")).ToList();
        try
        {
            chain.Seal((alice, new RegisterNetwork(BenchChain.Id(hotkeys[0]))));
            NetUid netuid;
            using (var state = chain.Chain.OpenSnapshot())
            {
                netuid = SubnetsModule.AllSubnets(state).Last();
            }
            chain.Seal(new[] { ("max_allowed_uids", (long)Uids), ("tempo", Tempo), ("commit_reveal_weights_enabled", 0), ("weights_rate_limit", 0), ("max_burn", 1_000_000) }
                .Select(p => (alice, (RuntimeCall)new SudoSetHyperparameter(netuid, p.Item1, p.Item2)))
                .Append((alice, new StartCall(netuid)))
                .Concat(hotkeys.Select(h => (alice, (RuntimeCall)new TransferAllowDeath(BenchChain.Id(h), Rao.FromTao(10)))))
                .ToArray());
            // The other hotkeys only need to exist: registration takes the account id, and only the served ones sign.
            var random = new Random(4096);
            var others = Enumerable.Range(Served, Uids - Served).Select(_ =>
            {
                var bytes = new byte[AccountId.Size];
                random.NextBytes(bytes);
                return new AccountId(bytes);
            });
            var registrations = hotkeys.Skip(1).Select(BenchChain.Id).Concat(others).Select(h => chain.Sign(alice, new BurnedRegister(netuid, h))).ToList();
            foreach (var block in registrations.Chunk(1024))
            {
                chain.Seal(block);
            }
            chain.Seal(hotkeys.Take(Validators).Select(h => (alice, (RuntimeCall)new AddStake(BenchChain.Id(h), netuid, Rao.FromTao(1000))))
                .Concat(hotkeys.Select((h, i) => (h, (RuntimeCall)new ServeAxon(netuid, 1, (UInt128)(0x0A000000u + (uint)i), (ushort)(8091 + i), 4, 4))))
                .ToArray());
            // Permits come with the first epoch after the stake; weights then pay incentive at the next one.
            for (var i = 0; i <= Tempo; i++)
            {
                chain.Seal(Array.Empty<SignedExtrinsic>());
            }
            var dests = Enumerable.Range(0, Uids).Select(u => (ushort)u).ToList();
            chain.Seal(hotkeys.Take(Validators).Select(h => (h, (RuntimeCall)new SetWeights(netuid, dests, dests.Select(_ => (ushort)random.Next(1, 65_536)).ToList(), 0))).ToArray());
            for (var i = 0; i <= Tempo; i++)
            {
                chain.Seal(Array.Empty<SignedExtrinsic>());
            }
            return netuid;
        }
        finally
        {
            hotkeys.ForEach(h => h.Dispose());
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Trim();
}
