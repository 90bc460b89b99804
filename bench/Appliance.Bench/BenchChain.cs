using Appliance.Chain;
using Appliance.Chain.Genesis;
using Appliance.Crypto;
using Appliance.Keys;
using Appliance.Node;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Storage;

namespace Appliance.Bench;

/// <summary>
/// A real chain in a data folder for the read and verify benches: blocks are sealed straight from signed
/// extrinsics (no pool), each signer's nonce counted here, and a block whose extrinsics do not all succeed
/// stops the bench, so a figure is never measured on a chain that is not what it says.
/// </summary>
public sealed class BenchChain : IDisposable
{
    private readonly Dictionary<AccountId, ulong> _nonces = [];
    private ulong _clock = 1_700_000_000_000;

    public BenchChain(string dataDirectory, GenesisConfig genesis)
    {
        DataDirectory = dataDirectory;
        Alice = DevAccounts.Alice();
        Chain = new ChainService(ChainDatabase.InDataDirectory(dataDirectory), genesis, Alice);
    }

    public string DataDirectory { get; }

    public Ed25519KeyPair Alice { get; }

    public ChainService Chain { get; }

    public static AccountId Id(Ed25519KeyPair key) => new(key.PublicKey);

    public SignedExtrinsic Sign(Ed25519KeyPair signer, RuntimeCall call)
    {
        var id = Id(signer);
        var nonce = _nonces.GetValueOrDefault(id);
        _nonces[id] = nonce + 1;
        return SignedExtrinsic.Create(signer, call, nonce, Rao.Zero, Chain.GenesisHash, RuntimeVersion.SpecVersion);
    }

    /// <summary>Seals one block of <paramref name="extrinsics"/>; every one must succeed.</summary>
    public SealedBlock Seal(IReadOnlyList<SignedExtrinsic> extrinsics)
    {
        _clock += 1000;
        var (block, rejected) = Chain.ProduceBlock(_clock, _ => extrinsics);
        if (rejected.Count > 0)
        {
            throw new InvalidOperationException($"block #{block.Header.Number}: {rejected[0].Extrinsic.Call.Info.Name} was rejected: {rejected[0].Reason}");
        }
        if (block.Extrinsics.FirstOrDefault(r => !r.Success) is { } failed)
        {
            throw new InvalidOperationException($"block #{block.Header.Number}: {failed.Extrinsic.Call.Info.Name} failed: {failed.Error}");
        }
        return block;
    }

    public SealedBlock Seal(params (Ed25519KeyPair Signer, RuntimeCall Call)[] calls) => Seal(calls.Select(c => Sign(c.Signer, c.Call)).ToList());

    public void Dispose()
    {
        Chain.Dispose();
        Alice.Dispose();
    }
}
