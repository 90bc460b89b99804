using System.Text.Json.Nodes;
using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Scale;
using Appliance.State;
using Appliance.Storage;
using Microsoft.Data.Sqlite;

namespace Appliance.Node;

/// <summary>
/// `appliance chain verify`: rebuilds genesis from the stored config and replays every block into a scratch
/// database, checking each parent link, extrinsic signature, extrinsics root, state root, block hash, the
/// authority's seal, and that every extrinsic result and event comes out as recorded.
/// </summary>
public static class ChainVerifier
{
    /// <param name="progress">Told the blocks replayed so far and the stored head's number, once per block.</param>
    public static VerificationResult Verify(string dataDirectory, IProgress<(ulong Replayed, ulong Head)>? progress = null)
    {
        if (!Directory.Exists(dataDirectory))
        {
            return VerificationResult.NoChain($"NoChain: {Path.GetFullPath(dataDirectory)} does not exist.");
        }
        var path = Path.Combine(dataDirectory, ChainDatabase.FileName);
        if (!File.Exists(path))
        {
            return VerificationResult.NoChain($"NoChain: there is no {ChainDatabase.FileName} in {Path.GetFullPath(dataDirectory)}.");
        }
        var scratchPath = Path.Combine(Path.GetTempPath(), $"appliance-verify-{Guid.NewGuid():N}.db");
        try
        {
            return Replay(new ChainDatabase(path), new ChainDatabase(scratchPath, durable: false), progress);
        }
        catch (SqliteException e)
        {
            return VerificationResult.NoChain($"Database: {path} cannot be read as a chain database ({e.Message}).");
        }
        catch (InvalidDataException e)
        {
            return VerificationResult.NoChain($"{e.Message} ({path})");
        }
        finally
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(scratchPath + suffix);
            }
        }
    }

    private static VerificationResult Replay(ChainDatabase source, ChainDatabase scratch, IProgress<(ulong Replayed, ulong Head)>? progress)
    {
        using var reader = source.Open();
        // An older schema is brought up to date first, as the node does when it starts, so one reader serves both.
        Migrations.Apply(reader);
        using var snapshot = reader.BeginTransaction(deferred: true);
        var genesisJson = BlockStore.Meta(reader, "genesis_config");
        var genesisRow = BlockStore.ByNumber(reader, 0);
        if (genesisJson is null || genesisRow is null)
        {
            return VerificationResult.NoChain("NoGenesis: the database holds no genesis block or config.");
        }
        var (genesisHeader, genesisState) = GenesisBlock.Build(GenesisConfig.ParseStored(genesisJson, "the stored genesis config"), EmptyState.Instance);
        var parent = new ChainHead(genesisHeader, genesisHeader.Hash());
        if (parent.Hash != new Hash256(genesisRow.Hash) || ChainService.ToHead(genesisRow).Header != genesisHeader)
        {
            return VerificationResult.Bad(0, $"GenesisMismatch: the stored config builds {parent.Hash}, the stored block 0 is {new Hash256(genesisRow.Hash)} or its header fields differ.");
        }
        using var target = scratch.Open();
        Migrations.Apply(target);
        using (var transaction = target.BeginTransaction())
        {
            BlockStore.Insert(target, transaction, new SealedBlock(genesisHeader, parent.Hash, [], [], [], genesisState.Changes));
            transaction.Commit();
        }
        var executor = new BlockExecutor(parent.Hash);
        var head = (ulong)(BlockStore.Head(reader)?.Number ?? 0);
        foreach (var row in BlockStore.Ascending(reader, 1))
        {
            if (CheckBlock(reader, target, executor, genesisHeader.Author, parent, row, out var sealedBlock) is { } problem)
            {
                return VerificationResult.Bad((ulong)row.Number, problem);
            }
            using (var transaction = target.BeginTransaction())
            {
                BlockStore.Insert(target, transaction, sealedBlock!);
                transaction.Commit();
            }
            parent = new ChainHead(sealedBlock!.Header, sealedBlock.Hash);
            progress?.Report((parent.Number, head));
        }
        return StateDifference(reader, target) is { } difference
            ? VerificationResult.Bad(parent.Number, $"StateMismatch: after replaying every block, {difference}")
            : VerificationResult.Good(parent.Number, parent.Hash);
    }

    /// <summary>
    /// The state roots chain each block's writes, so they cannot see state edited outside a block; the
    /// replayed state must equal the stored one entry for entry.
    /// </summary>
    private static string? StateDifference(SqliteConnection stored, SqliteConnection replayed)
    {
        const string scan = "SELECT key, value FROM state ORDER BY key";
        using var left = stored.CreateCommand();
        using var right = replayed.CreateCommand();
        left.CommandText = right.CommandText = scan;
        using var a = left.ExecuteReader();
        using var b = right.ExecuteReader();
        while (true)
        {
            var (hasA, hasB) = (a.Read(), b.Read());
            if (!hasA && !hasB)
            {
                return null;
            }
            var keyA = hasA ? (byte[])a[0] : null;
            var keyB = hasB ? (byte[])b[0] : null;
            if (keyA is null || keyB is null || !keyA.AsSpan().SequenceEqual(keyB))
            {
                return $"the stored state has entry {Describe(keyA)} where replay has {Describe(keyB)}.";
            }
            if (!((byte[])a[1]).AsSpan().SequenceEqual((byte[])b[1]))
            {
                return $"the stored value of {Describe(keyA)} differs from the replayed one.";
            }
        }
    }

    private static string Describe(byte[]? key) =>
        key is null ? "nothing" : $"'{System.Text.Encoding.ASCII.GetString(key.TakeWhile(b => b != '/').ToArray())}/…' (0x{Convert.ToHexStringLower(key)})";

    private static string? CheckBlock(
        SqliteConnection reader, SqliteConnection target, BlockExecutor executor, AccountId authority,
        ChainHead parent, BlockRow row, out SealedBlock? sealedBlock)
    {
        sealedBlock = null;
        var stored = ChainService.ToHead(row);
        if (stored.Number != parent.Number + 1 || stored.Header.ParentHash != parent.Hash)
        {
            return $"BrokenLink: its parent hash {stored.Header.ParentHash} is not block #{parent.Number} {parent.Hash}.";
        }
        if (stored.Header.Author != authority)
        {
            return $"WrongAuthor: sealed by {stored.Header.Author}, not the genesis authority {authority}.";
        }
        if (!Ed25519KeyPair.Verify(stored.Header.Author.Bytes, stored.Hash.Bytes, row.Signature))
        {
            return "BadSeal: the authority's signature does not match the block hash.";
        }
        var rows = BlockStore.Extrinsics(reader, row.Number);
        var extrinsics = new List<SignedExtrinsic>();
        foreach (var extrinsicRow in rows)
        {
            try
            {
                extrinsics.Add(SignedExtrinsic.Decode(extrinsicRow.Bytes));
            }
            catch (ScaleFormatException e)
            {
                return $"Undecodable: extrinsic {extrinsicRow.Idx}: {e.Message}";
            }
        }
        using var parentState = new SqliteStateReader(target);
        var built = BlockBuilder.Build(executor, parentState, parent, stored.Header.Timestamp, stored.Header.Author, extrinsics, checkSignatures: true);
        if (built.Rejected.Count > 0)
        {
            return $"InvalidExtrinsic: {built.Rejected[0].Extrinsic.Hash}: {built.Rejected[0].Reason}";
        }
        if (built.Header.ExtrinsicsRoot != stored.Header.ExtrinsicsRoot)
        {
            return $"ExtrinsicsRootMismatch: replay gives {built.Header.ExtrinsicsRoot}, the header says {stored.Header.ExtrinsicsRoot}.";
        }
        if (built.Header.StateRoot != stored.Header.StateRoot)
        {
            return $"StateRootMismatch: replay gives {built.Header.StateRoot}, the header says {stored.Header.StateRoot}.";
        }
        if (built.Header.Hash() != stored.Hash)
        {
            return $"HashMismatch: the header hashes to {built.Header.Hash()}, the block is stored as {stored.Hash}.";
        }
        foreach (var (result, recorded) in built.Extrinsics.Zip(rows))
        {
            if (result.Success != (recorded.Success == 1) || result.Error?.ToString() != recorded.Error)
            {
                return $"ResultMismatch: extrinsic {recorded.Idx} replays as '{result.Error?.ToString() ?? "success"}', recorded as '{recorded.Error ?? "success"}'.";
            }
            var x = result.Extrinsic;
            if (new Hash256(recorded.Hash) != x.Hash || new AccountId(recorded.Signer) != x.Signer || (ulong)recorded.Nonce != x.Nonce
                || (ulong)recorded.Fee != result.Fee.Value || (ulong)recorded.Tip != x.Tip.Value || recorded.Module != x.Call.Info.Module
                || recorded.Call != x.Call.Info.Name || JsonNode.Parse(recorded.Args)!.ToJsonString() != x.Call.Describe().ToJsonString())
            {
                return $"ExtrinsicRecordMismatch: the recorded columns of extrinsic {recorded.Idx} (hash, signer, nonce, fee, tip or call) differ from its bytes and replay.";
            }
        }
        var events = BlockStore.Events(reader, row.Number);
        var replayed = built.Events.Select(e => $"{e.ExtrinsicIndex}|{e.Module}.{e.Name}|{e.Fields.ToJsonString()}").ToList();
        var recordedEvents = events.Select(e => $"{e.ExtrinsicIdx}|{e.Module}.{e.Name}|{JsonNode.Parse(e.Fields)!.ToJsonString()}").ToList();
        if (!replayed.SequenceEqual(recordedEvents))
        {
            return $"EventsMismatch: replay deposits {replayed.Count} events, {recordedEvents.Count} are recorded, or they differ.";
        }
        sealedBlock = new SealedBlock(built.Header, stored.Hash, row.Signature, built.Extrinsics, built.Events, built.State.Changes);
        return null;
    }
}

/// <param name="NoChainThere">The problem is that there is no readable chain, so no block is to blame.</param>
public sealed record VerificationResult(bool Valid, ulong Height, Hash256? HeadHash, string? Problem, bool NoChainThere = false)
{
    public static VerificationResult NoChain(string problem) => new(false, 0, null, problem, NoChainThere: true);

    public static VerificationResult Good(ulong height, Hash256 head) => new(true, height, head, null);

    public static VerificationResult Bad(ulong block, string problem) => new(false, block, null, problem);
}
