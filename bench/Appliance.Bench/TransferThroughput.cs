using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Storage;
using BenchmarkDotNet.Attributes;

namespace Appliance.Bench;

/// <summary>
/// Signed transfers applied per second end to end — decode, signature check, apply, seal and commit one
/// SQLite transaction per block — beside raw Ed25519 verifications per second in the same run, so the
/// ratio is the chain's overhead over signature checking. Each block holds <see cref="BlockSize"/>
/// transfers from distinct senders to distinct recipients.
/// </summary>
[MemoryDiagnoser]
public class TransferThroughput
{
    public const int BlockSize = 1000;
    private List<Ed25519KeyPair> _senders = [];
    private List<byte[]> _encoded = [];
    private ulong _nonce;
    private string _folder = "";
    private ChainService _chain = null!;
    private Ed25519KeyPair _alice = null!;
    private byte[] _message = [];
    private byte[] _signature = [];

    [GlobalSetup]
    public void Setup()
    {
        _alice = DevAccounts.Alice();
        _senders = Enumerable.Range(0, BlockSize).Select(i => DevAccounts.FromUri($"//sender//{i}")).ToList();
        var genesis = GenesisConfig.Development() with
        {
            Balances = [.. GenesisConfig.Development().Balances, .. _senders.Select(s => new GenesisBalance(Ss58.Encode(s.PublicKey), 100_000 * Rao.PerTao))],
        };
        _folder = Directory.CreateTempSubdirectory("appliance-bench-").FullName;
        _chain = new ChainService(ChainDatabase.InDataDirectory(_folder), genesis, _alice);
        _message = new byte[150];
        _signature = _alice.Sign(_message);
    }

    /// <summary>Signs the next block's transfers (outside the measurement): each sender's next nonce.</summary>
    [IterationSetup(Target = nameof(TransfersAppliedAndCommitted))]
    public void SignNextBlock()
    {
        _encoded = _senders.Select((sender, i) => SignedExtrinsic.Create(
            sender, new TransferAllowDeath(new AccountId(Blake2b.Hash256(BitConverter.GetBytes(i))), new Rao(Rao.PerTao)),
            _nonce, Rao.Zero, _chain.GenesisHash, RuntimeVersion.SpecVersion).Encoded).ToList();
        _nonce++;
    }

    /// <summary>One block of transfers from raw bytes to a committed block: decode, verify, apply, seal, commit.</summary>
    [Benchmark(OperationsPerInvoke = BlockSize)]
    [InvocationCount(1)]
    public SealedBlock TransfersAppliedAndCommitted()
    {
        var (block, _) = _chain.ProduceBlock((ulong)DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            _ => _encoded.Select(SignedExtrinsic.Decode).Where(x => x.HasValidSignature()).ToList());
        return block.Extrinsics.Count(r => r.Success) == BlockSize
            ? block
            : throw new InvalidOperationException($"block #{block.Header.Number} applied {block.Extrinsics.Count} of {BlockSize} transfers");
    }

    [Benchmark(OperationsPerInvoke = BlockSize)]
    public bool RawEd25519Verifications()
    {
        var valid = true;
        for (var i = 0; i < BlockSize; i++)
        {
            valid &= Ed25519KeyPair.Verify(_alice.PublicKey, _message, _signature);
        }
        return valid;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _chain.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
