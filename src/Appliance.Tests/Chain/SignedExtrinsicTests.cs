using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Scale;
using Appliance.Tests.Support;

namespace Appliance.Tests.Chain;

public sealed class SignedExtrinsicTests
{
    private static readonly Hash256 Genesis = Hash256.Of("genesis"u8);

    [Fact]
    public void Create_ThenDecode_RoundTripsWithValidSignature()
    {
        using var alice = TestChain.Key("//Alice");
        var bob = TestChain.Id(TestChain.Key("//Bob"));
        var extrinsic = SignedExtrinsic.Create(alice, new TransferAllowDeath(bob, new Rao(12_345)), 7, new Rao(5), Genesis, 1);

        var decoded = SignedExtrinsic.Decode(extrinsic.Encoded);

        Assert.Equal(TestChain.Id(alice), decoded.Signer);
        Assert.Equal((7UL, new Rao(5), Genesis, 1u), (decoded.Nonce, decoded.Tip, decoded.GenesisHash, decoded.SpecVersion));
        Assert.Equal(new TransferAllowDeath(bob, new Rao(12_345)), decoded.Call);
        Assert.True(decoded.HasValidSignature());
        Assert.Equal(extrinsic.Hash, decoded.Hash);
    }

    [Fact]
    public void Layout_IsSubstrateV4_SignedEd25519()
    {
        using var alice = TestChain.Key("//Alice");
        var extrinsic = SignedExtrinsic.Create(alice, new TransferAllowDeath(TestChain.Id(alice), new Rao(1)), 0, Rao.Zero, Genesis, 1);
        var reader = new ScaleReader(extrinsic.Encoded);

        Assert.Equal(extrinsic.Length - 2, reader.Length());
        Assert.Equal(0x84, extrinsic.Encoded[2]);
        Assert.Equal(0x00, extrinsic.Encoded[3]);
        Assert.Equal(alice.PublicKey, extrinsic.Encoded[4..36]);
        Assert.Equal(0x00, extrinsic.Encoded[36]);
    }

    [Fact]
    public void Signature_CoversEveryField()
    {
        using var alice = TestChain.Key("//Alice");
        var extrinsic = SignedExtrinsic.Create(alice, new TransferAllowDeath(TestChain.Id(alice), new Rao(1)), 3, Rao.Zero, Genesis, 1);

        Assert.False((extrinsic with { Nonce = 4 }).HasValidSignature());
        Assert.False((extrinsic with { Tip = new Rao(1) }).HasValidSignature());
        Assert.False((extrinsic with { GenesisHash = Hash256.Zero }).HasValidSignature());
        Assert.False((extrinsic with { SpecVersion = 2 }).HasValidSignature());
        Assert.False((extrinsic with { Call = new TransferAllowDeath(TestChain.Id(alice), new Rao(2)) }).HasValidSignature());
    }

    [Fact]
    public void Decode_TrailingOrMissingBytes_RejectedByTheLengthPrefix()
    {
        using var alice = TestChain.Key("//Alice");
        var encoded = SignedExtrinsic.Create(alice, new TransferAllowDeath(TestChain.Id(alice), new Rao(1)), 0, Rao.Zero, Genesis, 1).Encoded;

        Assert.StartsWith("LengthMismatch", Assert.Throws<ScaleFormatException>(() => SignedExtrinsic.Decode([.. encoded, 0])).Message);
        Assert.StartsWith("Truncated", Assert.Throws<ScaleFormatException>(() => SignedExtrinsic.Decode(encoded[..^1])).Message);
    }

    [Fact]
    public void Decode_UnsignedOrUnknownCall_Rejected()
    {
        using var alice = TestChain.Key("//Alice");
        var encoded = SignedExtrinsic.Create(alice, new TransferAllowDeath(TestChain.Id(alice), new Rao(1)), 0, Rao.Zero, Genesis, 1).Encoded;
        var unsigned = (byte[])encoded.Clone();
        unsigned[2] = 0x04;
        var unknownCall = (byte[])encoded.Clone();
        unknownCall[2 + 1 + 1 + 32 + 1 + 64 + 1 + 1 + 1 + 32 + 4] = 99;

        Assert.StartsWith("UnsupportedExtrinsic", Assert.Throws<ScaleFormatException>(() => SignedExtrinsic.Decode(unsigned)).Message);
        Assert.StartsWith("UnknownCall", Assert.Throws<ScaleFormatException>(() => SignedExtrinsic.Decode(unknownCall)).Message);
    }
}
