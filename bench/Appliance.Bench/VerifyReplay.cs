using System.Diagnostics;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Balances;

namespace Appliance.Bench;

/// <summary>
/// `chain verify` beside block production: seals <c>--blocks</c> blocks of <c>--transfers</c> signed
/// transfers each (distinct funded senders, real SQLite with synchronous=FULL, the producer's path:
/// decode and signature check, then <see cref="ChainService.ProduceBlock"/>), timing blocks/s, then runs
/// <see cref="ChainVerifier.Verify"/> on the same data folder, timing replayed blocks/s. Signing happens
/// before the clock starts, as a client does it before submitting.
/// </summary>
public static class VerifyReplay
{
    private const int DefaultBlocks = 200;
    private const int DefaultTransfers = 50;

    public static int Run(string[] args)
    {
        if (Options(args) is not var (blocks, transfers, json))
        {
            Console.Error.WriteLine("usage: verify [--blocks N] [--transfers T] [--json]");
            return 1;
        }
        var folder = Directory.CreateTempSubdirectory("appliance-bench-verify-").FullName;
        var senders = Enumerable.Range(0, transfers).Select(i => DevAccounts.FromUri($"//sender//{i}")).ToList();
        try
        {
            Console.WriteLine($"Load average before: {MetagraphReads.LoadAverage()}");
            var genesis = GenesisConfig.Development() with
            {
                Balances = [.. GenesisConfig.Development().Balances, .. senders.Select(s => new GenesisBalance(Ss58.Encode(s.PublicKey), 100_000 * Rao.PerTao))],
            };
            double produceSeconds;
            using (var chain = new BenchChain(folder, genesis))
            {
                var encoded = Sign(senders, blocks, chain.Chain.GenesisHash);
                var start = Stopwatch.GetTimestamp();
                foreach (var block in encoded)
                {
                    chain.Seal(block.Select(SignedExtrinsic.Decode).Where(x => x.HasValidSignature()).ToList());
                }
                produceSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var verifyStart = Stopwatch.GetTimestamp();
            var result = ChainVerifier.Verify(folder);
            var verifySeconds = Stopwatch.GetElapsedTime(verifyStart).TotalSeconds;
            if (!result.Valid || result.Height != (ulong)blocks)
            {
                throw new InvalidOperationException($"verify did not pass {blocks} blocks: {result.Problem ?? $"height {result.Height}"}");
            }
            Console.WriteLine($"Load average after:  {MetagraphReads.LoadAverage()}");
            var (produce, verify) = (blocks / produceSeconds, blocks / verifySeconds);
            Console.WriteLine();
            Console.WriteLine("| blocks | transfers per block | produce blocks/s | verify blocks/s | verify / produce |");
            Console.WriteLine("|---:|---:|---:|---:|---:|");
            Console.WriteLine($"| {blocks} | {transfers} | {produce:F1} | {verify:F1} | {verify / produce:F2} |");
            if (json)
            {
                Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["verify_blocks_per_s"] = Math.Round(verify, 2),
                    ["produce_blocks_per_s"] = Math.Round(produce, 2),
                }));
            }
            return 0;
        }
        finally
        {
            senders.ForEach(s => s.Dispose());
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Every block's transfers, encoded: sender i pays a recipient of its own each block, nonce = block index.</summary>
    private static List<List<byte[]>> Sign(List<Ed25519KeyPair> senders, int blocks, Hash256 genesisHash) => Enumerable.Range(0, blocks).Select(b => senders.Select((sender, i) => SignedExtrinsic.Create(
            sender, new TransferAllowDeath(new AccountId(Blake2b.Hash256(BitConverter.GetBytes(i))), new Rao(Rao.PerTao)),
            (ulong)b, Rao.Zero, genesisHash, RuntimeVersion.SpecVersion).Encoded).ToList()).ToList();

    private static (int Blocks, int Transfers, bool Json)? Options(string[] args)
    {
        var (blocks, transfers, json) = (DefaultBlocks, DefaultTransfers, false);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json": json = true; break;
                case "--blocks" when i + 1 < args.Length && int.TryParse(args[i + 1], out var n) && n >= 1: blocks = n; i++; break;
                case "--transfers" when i + 1 < args.Length && int.TryParse(args[i + 1], out var t) && t >= 1: transfers = t; i++; break;
                default: return null;
            }
        }
        return (blocks, transfers, json);
    }
}
