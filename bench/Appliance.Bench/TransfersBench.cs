using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Configuration;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Mempool;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Bench;

/// <summary>
/// <c>transfers [--json] [--blocks N] [--senders N]</c>: signed transfers per second end to end beside
/// single-core raw Ed25519 verifications per second, measured in the same run. End to end is the node's
/// own composition (<see cref="ChainServices.AddChain"/>): each block's transfers go into the pool as raw
/// bytes from every core at once, as concurrent API requests would, then the block producer seals the block
/// and commits it to a SQLite file with synchronous=FULL. Each block holds one transfer from every sender.
/// </summary>
public static class TransfersBench
{
    private const int VerifySamples = 20_000;

    public static int Run(string[] options)
    {
        var json = options.Contains("--json");
        var blocks = IntOption(options, "--blocks", 10);
        var senders = IntOption(options, "--senders", 2_000);
        var loadBefore = LoadAverage();

        var alice = DevAccounts.Alice();
        var keys = Enumerable.Range(0, senders).Select(i => DevAccounts.FromUri($"//sender//{i}")).ToArray();
        var folder = Directory.CreateTempSubdirectory("appliance-bench-transfers-").FullName;
        try
        {
            using var node = BenchNode.Start(folder, keys);
            // Block 0's transfers warm the JIT and SQLite's page cache; blocks 1..N are measured.
            var signed = SignBlocks(keys, blocks + 1, node.Chain.GenesisHash);
            var (message, signature) = VerifySample(alice, node.Chain.GenesisHash);

            RunBlock(node, signed[0], senders);
            VerifyRate(alice.PublicKey, message, signature, VerifySamples / 10);

            var verifyCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var verifyBefore = VerifyRate(alice.PublicKey, message, signature, VerifySamples);
            verifyCpu = Process.GetCurrentProcess().TotalProcessorTime - verifyCpu;
            var admission = new Phase();
            var sealing = new Phase();
            for (var b = 1; b <= blocks; b++)
            {
                RunBlock(node, signed[b], senders, admission, sealing);
            }
            var verifyAfter = VerifyRate(alice.PublicKey, message, signature, VerifySamples);

            var transfers = blocks * senders;
            var total = admission.Wall + sealing.Wall;
            var transfersPerSecond = transfers / total.TotalSeconds;
            var verifiesPerSecond = 2 * VerifySamples / (verifyBefore + verifyAfter).TotalSeconds;
            var ratio = transfersPerSecond / verifiesPerSecond;
            var loadAfter = LoadAverage();

            Console.WriteLine($"Signed transfers end to end: {blocks} blocks × {senders} transfers from distinct senders, {Environment.ProcessorCount} cores");
            Console.WriteLine($"load average before {loadBefore}, after {loadAfter}");
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| raw Ed25519 verifications/s (1 core; before, after) | {verifiesPerSecond:N0} ({VerifySamples / verifyBefore.TotalSeconds:N0}, {VerifySamples / verifyAfter.TotalSeconds:N0}) |");
            Console.WriteLine($"| signed transfers/s end to end | {transfersPerSecond:N0} |");
            Console.WriteLine($"| ratio | {ratio:F2} |");
            Console.WriteLine($"| admission µs per transfer: wall (all cores), CPU | {admission.Wall.TotalMicroseconds / transfers:F1}, {admission.Cpu.TotalMicroseconds / transfers:F1} |");
            Console.WriteLine($"| sealing and commit µs per transfer: wall, CPU | {sealing.Wall.TotalMicroseconds / transfers:F1}, {sealing.Cpu.TotalMicroseconds / transfers:F1} |");
            Console.WriteLine($"| one verification µs: wall, CPU (first sample) | {1e6 / verifiesPerSecond:F1}, {verifyCpu.TotalMicroseconds / VerifySamples:F1} |");
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, double>
                {
                    ["transfers_per_s"] = Math.Round(transfersPerSecond, 1),
                    ["verifies_per_s"] = Math.Round(verifiesPerSecond, 1),
                    ["ratio"] = Math.Round(ratio, 3),
                }));
            }
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Submits one block's transfers from every core, then seals the block; fails unless all are admitted and succeed.</summary>
    private static void RunBlock(BenchNode node, byte[][] transfers, int expected, Phase? admission = null, Phase? sealing = null)
    {
        admission?.Start();
        var refused = 0;
        AdmissionResult? firstRefusal = null;
        Parallel.ForEach(transfers, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, encoded =>
        {
            var result = node.Pool.Submit(encoded);
            if (!result.Accepted && Interlocked.Increment(ref refused) == 1)
            {
                firstRefusal = result;
            }
        });
        admission?.Stop();
        if (firstRefusal is not null)
        {
            throw new InvalidOperationException($"{refused} transfers refused, the first: {firstRefusal.Error}: {firstRefusal.Detail}");
        }
        sealing?.Start();
        var block = node.Producer.ProduceOne();
        sealing?.Stop();
        var succeeded = block.Extrinsics.Count(r => r.Success);
        if (succeeded != expected)
        {
            throw new InvalidOperationException($"block #{block.Header.Number} applied {succeeded} of {expected} transfers");
        }
    }

    /// <summary>Every sender's transfer for each block (nonce = block index), to recipients no one else pays.</summary>
    private static byte[][][] SignBlocks(Ed25519KeyPair[] keys, int blocks, Hash256 genesisHash) =>
        Enumerable.Range(0, blocks).Select(b => keys.AsParallel().AsOrdered().Select((key, i) => SignedExtrinsic.Create(
            key, new TransferAllowDeath(new AccountId(Blake2b.Hash256(BitConverter.GetBytes(i))), new Rao(Rao.PerTao)),
            (ulong)b, Rao.Zero, genesisHash, RuntimeVersion.SpecVersion).Encoded).ToArray()).ToArray();

    /// <summary>What the node verifies for a transfer: its signed payload (call ‖ extra) and the signature.</summary>
    private static (byte[] Message, byte[] Signature) VerifySample(Ed25519KeyPair key, Hash256 genesisHash)
    {
        var transfer = SignedExtrinsic.Create(
            key, new TransferAllowDeath(new AccountId(key.PublicKey), new Rao(Rao.PerTao)), 0, Rao.Zero, genesisHash, RuntimeVersion.SpecVersion);
        var message = transfer.SigningPayload();
        return Ed25519KeyPair.Verify(key.PublicKey, message, transfer.Signature)
            ? (message, transfer.Signature.ToArray())
            : throw new InvalidOperationException("the sample transfer's signature does not verify");
    }

    /// <summary>Time for <paramref name="count"/> verifications on this thread, through the node's own call.</summary>
    private static TimeSpan VerifyRate(byte[] publicKey, byte[] message, byte[] signature, int count)
    {
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            if (!Ed25519KeyPair.Verify(publicKey, message, signature))
            {
                throw new InvalidOperationException("a valid signature failed to verify");
            }
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private static int IntOption(string[] options, string name, int fallback)
    {
        var at = Array.IndexOf(options, name);
        return at >= 0 && at + 1 < options.Length ? int.Parse(options[at + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>Wall-clock and process CPU time (every thread, GC included) summed over a phase's runs.</summary>
    private sealed class Phase
    {
        private long _started;
        private TimeSpan _cpuStarted;

        public TimeSpan Wall { get; private set; }

        public TimeSpan Cpu { get; private set; }

        public void Start()
        {
            _cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
            _started = Stopwatch.GetTimestamp();
        }

        public void Stop()
        {
            Wall += Stopwatch.GetElapsedTime(_started);
            Cpu += Process.GetCurrentProcess().TotalProcessorTime - _cpuStarted;
        }
    }

    /// <summary>A node as <c>appliance node</c> composes it, minus the web host: chain, pool, producer.</summary>
    private sealed class BenchNode(ServiceProvider services) : IDisposable
    {
        public ChainService Chain { get; } = services.GetRequiredService<ChainService>();

        public TransactionPool Pool { get; } = services.GetRequiredService<TransactionPool>();

        public BlockProducer Producer { get; } = services.GetRequiredService<BlockProducer>();

        public static BenchNode Start(string folder, Ed25519KeyPair[] senders)
        {
            var development = GenesisConfig.Development();
            var genesis = development with
            {
                Balances = [.. development.Balances, .. senders.Select(s => new GenesisBalance(Ss58.Encode(s.PublicKey), 1_000 * Rao.PerTao))],
            };
            var genesisFile = Path.Combine(folder, "genesis.json");
            File.WriteAllText(genesisFile, genesis.ToJson());
            var services = new ServiceCollection()
                .AddLogging()
                .AddMetrics()
                .AddChain(new NodeOptions { DataDir = Path.Combine(folder, "data"), GenesisFile = genesisFile })
                .BuildServiceProvider();
            return new BenchNode(services);
        }

        public void Dispose() => services.Dispose();
    }
}
