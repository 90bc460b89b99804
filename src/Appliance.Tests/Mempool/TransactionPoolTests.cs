using Appliance.Chain;
using Appliance.Crypto;
using Appliance.Mempool;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;

namespace Appliance.Tests.Mempool;

/// <summary>Each admission code: the exact code, the API's error name, and a pool left as it was.</summary>
public sealed class TransactionPoolTests : IDisposable
{
    private readonly TestChain _chain = new();
    private readonly Ed25519KeyPair _bob = TestChain.Key("//Bob");

    public void Dispose()
    {
        _bob.Dispose();
        _chain.Dispose();
    }

    [Fact]
    public void Submit_Valid_Accepted_Pooled()
    {
        var extrinsic = _chain.Sign(_chain.Alice, ToBob());

        var result = _chain.Pool.Submit(extrinsic.Encoded);

        Assert.Equal(AdmissionCode.Accepted, result.Code);
        Assert.Equal(extrinsic.Hash, result.Hash);
        Assert.True(_chain.Pool.Contains(extrinsic.Hash));
    }

    [Fact]
    public void Submit_OverTheSizeLimit_TooLarge_PoolUnchanged() =>
        AssertRefused(AdmissionCode.TooLarge, new byte[new MempoolOptions().MaxExtrinsicBytes + 1]);

    [Fact]
    public void Submit_TruncatedBytes_Undecodable_PoolUnchanged() =>
        AssertRefused(AdmissionCode.Undecodable, _chain.Sign(_chain.Alice, ToBob()).Encoded[..40]);

    [Fact]
    public void Submit_Twice_AlreadyImported_PoolUnchanged()
    {
        var extrinsic = _chain.Sign(_chain.Alice, ToBob());
        Assert.True(_chain.Pool.Submit(extrinsic.Encoded).Accepted);

        AssertRefused(AdmissionCode.AlreadyImported, extrinsic.Encoded);
    }

    [Fact]
    public void Submit_UsedNonce_StaleNonce_PoolUnchanged()
    {
        Assert.True(_chain.Submit(_chain.Alice, ToBob()).Accepted);
        _chain.Seal();

        AssertRefused(AdmissionCode.StaleNonce, _chain.Sign(_chain.Alice, ToBob(), nonce: 0).Encoded);
    }

    [Fact]
    public void Submit_NoncePastTheWindow_NonceTooFarAhead_PoolUnchanged() =>
        AssertRefused(AdmissionCode.NonceTooFarAhead, _chain.Sign(_chain.Alice, ToBob(), nonce: (ulong)new MempoolOptions().FutureNonceWindow + 1).Encoded);

    [Fact]
    public void Submit_SameNonceNoHigherTip_TooLowPriority_PoolUnchanged()
    {
        Assert.True(_chain.Submit(_chain.Alice, ToBob(), nonce: 0).Accepted);

        AssertRefused(AdmissionCode.TooLowPriority, _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(2 * Rao.PerTao)), nonce: 0).Encoded);
    }

    [Fact]
    public void Submit_PoolAtItsLimit_PoolFull_PoolUnchanged()
    {
        var pool = new TransactionPool(_chain.Chain, new MempoolOptions { MaxCount = 1 });
        Assert.True(pool.Submit(_chain.Sign(_chain.Alice, ToBob(), nonce: 0).Encoded).Accepted);

        AssertRefused(AdmissionCode.PoolFull, _chain.Sign(_chain.Alice, ToBob(), nonce: 1).Encoded, pool);
    }

    [Fact]
    public void Submit_SignedForAnotherChain_InvalidWithWrongGenesis_PoolUnchanged()
    {
        var extrinsic = SignedExtrinsic.Create(_chain.Alice, ToBob(), 0, Rao.Zero, Hash256.Of("other chain"u8), RuntimeVersion.SpecVersion);

        var result = AssertRefused(AdmissionCode.Invalid, extrinsic.Encoded);

        Assert.Equal(ValidityErrorCode.WrongGenesis, result.Invalidity?.Code);
        Assert.Equal("WrongGenesis", result.Error);
    }

    [Fact]
    public void Submit_CallThatWouldFail_CallFailedWithItsDispatchError_PoolUnchanged()
    {
        var result = AssertRefused(AdmissionCode.CallFailed, _chain.Sign(_chain.Alice, new TransferAllowDeath(TestChain.Id(_bob), new Rao(499))).Encoded);

        Assert.Equal(DispatchErrorCode.ExistentialDeposit, result.CallError?.Code);
        Assert.Equal(("ExistentialDeposit", result.CallError!.Detail), (result.Error, result.Detail));
    }

    private AdmissionResult AssertRefused(AdmissionCode code, byte[] encoded, TransactionPool? pool = null)
    {
        pool ??= _chain.Pool;
        var before = pool.Count;

        var result = pool.Submit(encoded);

        Assert.Equal(code, result.Code);
        Assert.Equal(before, pool.Count);
        return result;
    }

    private TransferAllowDeath ToBob() => new(TestChain.Id(_bob), new Rao(Rao.PerTao));
}
