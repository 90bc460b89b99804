using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;

namespace Appliance.Tests.Chain;

/// <summary>
/// Each validity error, met while building a block: the extrinsic is rejected with its exact code and the
/// block comes out as if it had never been offered (same state root, same extrinsics root).
/// </summary>
public sealed class BlockExecutorTests : IDisposable
{
    private readonly TestChain _chain = new();
    private readonly Ed25519KeyPair _bob = TestChain.Key("//Bob");

    public void Dispose()
    {
        _bob.Dispose();
        _chain.Dispose();
    }

    [Fact]
    public void Validate_SignedForAnotherChain_WrongGenesis_BlockUnchanged() =>
        AssertRejected(ValidityErrorCode.WrongGenesis, Create(_chain.Alice, 0, Hash256.Of("other chain"u8), RuntimeVersion.SpecVersion));

    [Fact]
    public void Validate_SignedForAnotherRuntime_WrongSpecVersion_BlockUnchanged() =>
        AssertRejected(ValidityErrorCode.WrongSpecVersion, Create(_chain.Alice, 0, _chain.Chain.GenesisHash, RuntimeVersion.SpecVersion + 1));

    [Fact]
    public void Validate_TamperedSignature_BadSignature_BlockUnchanged()
    {
        var bytes = _chain.Sign(_chain.Alice, ToBob()).Encoded.ToArray();
        bytes[40] ^= 0xff;

        AssertRejected(ValidityErrorCode.BadSignature, SignedExtrinsic.Decode(bytes));
    }

    [Fact]
    public void Validate_UsedNonce_StaleNonce_BlockUnchanged()
    {
        Assert.True(_chain.Submit(_chain.Alice, ToBob()).Accepted);
        _chain.Seal();

        AssertRejected(ValidityErrorCode.StaleNonce, _chain.Sign(_chain.Alice, ToBob(), nonce: 0));
    }

    [Fact]
    public void Validate_NonceAhead_FutureNonce_BlockUnchanged() =>
        AssertRejected(ValidityErrorCode.FutureNonce, _chain.Sign(_chain.Alice, ToBob(), nonce: 3));

    [Fact]
    public void Validate_UnfundedSigner_CannotPayFee_BlockUnchanged()
    {
        var rejection = AssertRejected(ValidityErrorCode.CannotPayFee, _chain.Sign(_bob, new TransferAllowDeath(TestChain.Id(_chain.Alice), new Rao(1))));

        Assert.StartsWith("CannotPayFee: the fee ", rejection.ToString());
    }

    private ValidityError AssertRejected(ValidityErrorCode code, SignedExtrinsic extrinsic)
    {
        var empty = Build([]);
        var built = Build([extrinsic]);

        var (rejected, reason) = Assert.Single(built.Rejected);
        Assert.Equal(code, reason.Code);
        Assert.Equal(extrinsic.Hash, rejected.Hash);
        Assert.Empty(built.Extrinsics);
        Assert.Equal((empty.Header.StateRoot, empty.Header.ExtrinsicsRoot), (built.Header.StateRoot, built.Header.ExtrinsicsRoot));
        return reason;
    }

    private BuiltBlock Build(SignedExtrinsic[] candidates)
    {
        using var head = _chain.Chain.OpenSnapshot();
        var parent = _chain.Chain.Head;
        return BlockBuilder.Build(_chain.Chain.Executor, head, parent, parent.Header.Timestamp + 1000, TestChain.Id(_chain.Alice), candidates, checkSignatures: true);
    }

    private TransferAllowDeath ToBob() => new(TestChain.Id(_bob), new Rao(Rao.PerTao));

    private SignedExtrinsic Create(Ed25519KeyPair signer, ulong nonce, Hash256 genesis, uint specVersion) =>
        SignedExtrinsic.Create(signer, ToBob(), nonce, Rao.Zero, genesis, specVersion);
}
