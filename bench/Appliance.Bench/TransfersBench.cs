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
using Appliance.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Bench;

/// <summary>
/// <c>transfers [--json] [--blocks N] [--senders N]</c>: signed transfers per second end to end beside
/// single-core raw Ed25519 verifications per second, measured in the same run. End to end is the node's
/// own composition (<see cref="ChainServices.AddChain"/>): transfers go into the pool as raw bytes from
/// every core at once, as concurrent API requests would, while the block producer seals the block before
/// and commits it to a SQLite file with synchronous=FULL, as in a running node. Every transfer comes from
/// its own sender at its current nonce, so each is dry-run at admission. The measured blocks are kept in
/// memory and then stored again alone into a copy of the database as it was before them: SQLite takes one
/// writer, so that time per transfer is a floor under the pipeline's, whatever else runs beside it.
/// </summary>
public static class TransfersBench
{
    private const int VerifySamples = 20_000;
    private const int WarmUpSmallBatches = 200;
    private const int WarmUpFullBatches = 3;

    public static int Run(string[] options)
    {
        var json = options.Contains("--json");
        var blocks = IntOption(options, "--blocks", 10);
        var senders = IntOption(options, "--senders", 2_000);
        var loadBefore = LoadAverage();

        using var alice = DevAccounts.Alice();
        var folder = Directory.CreateTempSubdirectory("appliance-bench-transfers-").FullName;
        try
        {
            // The same pipeline first runs unmeasured: one batch's worth in small batches (tiered compilation
            // recompiles a method once it has run 30 times, and some run once per block), then full batches.
            var warmUp = (1 + WarmUpFullBatches) * senders;
            var genesis = BenchNode.Genesis(warmUp + blocks * senders);
            using var node = BenchNode.Start(folder, genesis);
            var signed = SignTransfers(warmUp + blocks * senders, node.Chain.GenesisHash);
            var (message, signature) = VerifySample(alice, node.Chain.GenesisHash);

            Pipeline(node, [.. signed.Take(senders).Chunk(Math.Max(1, senders / WarmUpSmallBatches))]);
            Pipeline(node, [.. signed.Take(warmUp).Skip(senders).Chunk(senders)]);
            VerifyRate(alice.PublicKey, message, signature, VerifySamples / 10);
            var beforeRun = Path.Combine(folder, "before-run.db");
            CopyDatabase(node.Chain, beforeRun);
            Thread.Sleep(TimeSpan.FromSeconds(3));

            var verifyCpu = Process.GetCurrentProcess().TotalProcessorTime;
            var verifyBefore = VerifyRate(alice.PublicKey, message, signature, VerifySamples);
            verifyCpu = Process.GetCurrentProcess().TotalProcessorTime - verifyCpu;
            var run = Pipeline(node, [.. signed.Skip(warmUp).Chunk(senders)]);
            var verifyAfter = VerifyRate(alice.PublicKey, message, signature, VerifySamples);
            var storing = StoreAlone(beforeRun, run.Produced);

            var transfers = blocks * senders;
            if (run.Applied != transfers || node.Pool.Count != 0)
            {
                throw new InvalidOperationException($"{run.Applied} of {transfers} transfers applied, {node.Pool.Count} left in the pool");
            }
            var transfersPerSecond = transfers / run.Wall.TotalSeconds;
            var verifiesPerSecond = 2 * VerifySamples / (verifyBefore + verifyAfter).TotalSeconds;
            var ratio = transfersPerSecond / verifiesPerSecond;
            var loadAfter = LoadAverage();

            Console.WriteLine($"Signed transfers end to end: {transfers} transfers from distinct senders, submitted {senders} at a time, {Environment.ProcessorCount} cores");
            Console.WriteLine($"load average before {loadBefore}, after {loadAfter}");
            Console.WriteLine();
            Console.WriteLine("| measure | value |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| raw Ed25519 verifications/s (1 core; before, after) | {verifiesPerSecond:N0} ({VerifySamples / verifyBefore.TotalSeconds:N0}, {VerifySamples / verifyAfter.TotalSeconds:N0}) |");
            Console.WriteLine($"| signed transfers/s end to end | {transfersPerSecond:N0} |");
            Console.WriteLine($"| ratio | {ratio:F2} |");
            Console.WriteLine($"| blocks sealed, transfers per block (min–max) | {run.Blocks}, {run.Smallest}–{run.Largest} |");
            Console.WriteLine($"| µs per transfer: wall, process CPU (all threads) | {run.Wall.TotalMicroseconds / transfers:F1}, {run.Cpu.TotalMicroseconds / transfers:F1} |");
            Console.WriteLine($"| sealing and commit on the producer's thread, µs per transfer: wall, CPU | {run.Sealing.TotalMicroseconds / transfers:F1}, {run.SealingCpu.TotalMicroseconds / transfers:F1} |");
            Console.WriteLine($"| garbage collections, their pauses ms, bytes allocated per transfer | {run.Collections}, {run.GcPauses.TotalMilliseconds:F0}, {run.Allocated / transfers:N0} |");
            Console.WriteLine($"| one verification µs: wall, CPU (first sample) | {1e6 / verifiesPerSecond:F1}, {verifyCpu.TotalMicroseconds / VerifySamples:F1} |");
            Console.WriteLine($"| storing the same blocks alone (rows, commit, checkpoint), µs per transfer: wall, CPU | {storing.Wall.TotalMicroseconds / transfers:F1}, {storing.Cpu.TotalMicroseconds / transfers:F1} |");
            Console.WriteLine($"| highest ratio that storing alone allows (one verification ÷ storing wall) | {1e6 / verifiesPerSecond / (storing.Wall.TotalMicroseconds / transfers):F2} |");
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

    /// <summary>
    /// Submits each batch while the producer seals what the pool held before it, as a node's API and its
    /// producer overlap; the clock runs from the first submission to the commit of the last block.
    /// </summary>
    private static PipelineRun Pipeline(BenchNode node, IReadOnlyList<byte[][]> batches)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var collections = Collections();
        var paused = GC.GetTotalPauseDuration();
        var allocated = GC.GetTotalAllocatedBytes();
        var started = Stopwatch.GetTimestamp();
        var produced = new List<Sealed>();
        Task<Sealed>? producing = null;
        foreach (var batch in batches)
        {
            Admit(node, batch);
            if (producing is not null)
            {
                produced.Add(producing.Result);
            }
            producing = Task.Factory.StartNew(() => Seal(node), TaskCreationOptions.LongRunning);
        }
        produced.Add(producing!.Result);
        var wall = Stopwatch.GetElapsedTime(started);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        return new PipelineRun(
            wall, cpu, Sum(produced.Select(s => s.Wall)), Sum(produced.Select(s => s.Cpu)), Collections() - collections, GC.GetTotalPauseDuration() - paused, GC.GetTotalAllocatedBytes() - allocated,
            produced.Count, produced.Min(s => s.Transfers), produced.Max(s => s.Transfers), produced.Sum(s => s.Transfers), [.. produced.Select(s => s.Block)]);
    }

    /// <summary>The chain's database as it stands, copied whole (SQLite's online backup) to <paramref name="path"/>.</summary>
    private static void CopyDatabase(ChainService chain, string path)
    {
        using var source = chain.OpenConnection();
        using var copy = new ChainDatabase(path).Open();
        source.BackupDatabase(copy);
    }

    /// <summary>
    /// Writes <paramref name="blocks"/> into the copy at <paramref name="path"/> on this thread as the producer
    /// does, each in one transaction committed with synchronous=FULL and followed by a checkpoint (a block of
    /// the default 2,000 transfers holds more rows than the producer lets pass between two), with nothing else running.
    /// </summary>
    private static (TimeSpan Wall, TimeSpan Cpu) StoreAlone(string path, IReadOnlyList<SealedBlock> blocks)
    {
        using var writer = new ChainDatabase(path).Open();
        ChainDatabase.UseForWrites(writer);
        var cpu = ThreadCpu.Now();
        var started = Stopwatch.GetTimestamp();
        foreach (var block in blocks)
        {
            using (var transaction = writer.BeginTransaction())
            {
                BlockStore.Insert(writer, transaction, block);
                transaction.Commit();
            }
            ChainDatabase.Checkpoint(writer);
        }
        return (Stopwatch.GetElapsedTime(started), ThreadCpu.Now() - cpu);
    }

    private static TimeSpan Sum(IEnumerable<TimeSpan> spans) => spans.Aggregate(TimeSpan.Zero, (sum, span) => sum + span);

    private static int Collections() => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);

    /// <summary>Seals one block on this thread, kept with its figures to be stored again alone.</summary>
    private static Sealed Seal(BenchNode node)
    {
        var cpu = ThreadCpu.Now();
        var started = Stopwatch.GetTimestamp();
        var block = node.Producer.ProduceOne();
        var took = new Sealed(Stopwatch.GetElapsedTime(started), ThreadCpu.Now() - cpu, block.Extrinsics.Count, block);
        CheckAllSucceeded(block);
        return took;
    }

    /// <summary>Submits a batch from every core at once; fails unless every transfer is admitted.</summary>
    private static void Admit(BenchNode node, byte[][] transfers)
    {
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
        if (firstRefusal is not null)
        {
            throw new InvalidOperationException($"{refused} transfers refused, the first: {firstRefusal.Error}: {firstRefusal.Detail}");
        }
    }

    private static void CheckAllSucceeded(SealedBlock block)
    {
        if (block.Extrinsics.FirstOrDefault(r => !r.Success) is { } failed)
        {
            throw new InvalidOperationException($"block #{block.Header.Number}: transfer {failed.Index} failed: {failed.Error}");
        }
    }

    /// <summary>One transfer per sender (nonce 0), each to a recipient no one else pays.</summary>
    private static byte[][] SignTransfers(int count, Hash256 genesisHash) =>
        Enumerable.Range(0, count).AsParallel().AsOrdered().Select(i =>
        {
            // Keys live in locked memory, of which a process gets little: one at a time per core.
            using var key = Sender(i);
            return SignedExtrinsic.Create(
                key, new TransferAllowDeath(new AccountId(Blake2b.Hash256(BitConverter.GetBytes(i))), new Rao(Rao.PerTao)),
                0, Rao.Zero, genesisHash, RuntimeVersion.SpecVersion).Encoded;
        }).ToArray();

    /// <summary>Sender <paramref name="index"/>'s key, from a seed hashed from the index (quicker than deriving thousands of URIs).</summary>
    private static Ed25519KeyPair Sender(int index) => Ed25519KeyPair.FromSeed(Blake2b.Hash256([.. "sender"u8, .. BitConverter.GetBytes(index)]));

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

    private sealed record Sealed(TimeSpan Wall, TimeSpan Cpu, int Transfers, SealedBlock Block);

    private sealed record PipelineRun(
        TimeSpan Wall, TimeSpan Cpu, TimeSpan Sealing, TimeSpan SealingCpu, int Collections, TimeSpan GcPauses, long Allocated, int Blocks, int Smallest, int Largest, int Applied,
        IReadOnlyList<SealedBlock> Produced);

    /// <summary>A node as <c>appliance node</c> composes it, minus the web host: chain, pool, producer.</summary>
    private sealed class BenchNode(ServiceProvider services) : IDisposable
    {
        public ChainService Chain { get; } = services.GetRequiredService<ChainService>();

        public TransactionPool Pool { get; } = services.GetRequiredService<TransactionPool>();

        public BlockProducer Producer { get; } = services.GetRequiredService<BlockProducer>();

        /// <summary>The development chain with <paramref name="senders"/> more accounts funded.</summary>
        public static GenesisConfig Genesis(int senders)
        {
            var development = GenesisConfig.Development();
            var funded = Enumerable.Range(0, senders).AsParallel().AsOrdered().Select(i =>
            {
                using var key = Sender(i);
                return new GenesisBalance(Ss58.Encode(key.PublicKey), 10 * Rao.PerTao);
            });
            return development with { Balances = [.. development.Balances, .. funded] };
        }

        public static BenchNode Start(string folder, GenesisConfig genesis)
        {
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
