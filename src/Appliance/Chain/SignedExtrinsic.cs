using Appliance.Crypto;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Scale;

namespace Appliance.Chain;

/// <summary>
/// A signed extrinsic in Substrate's v4 layout: compact length ‖ 0x84 ‖ MultiAddress::Id(signer) ‖
/// MultiSignature::Ed25519(signature) ‖ extra ‖ call, where extra = immortal era (0x00) ‖ compact nonce ‖
/// compact tip ‖ genesis hash ‖ spec version. The signature covers call ‖ extra (BLAKE2b-256 of it when
/// longer than 256 bytes). Substrate keeps genesis hash and spec version out of the transmitted bytes
/// ("additional signed"); we send them too, so a wrong chain is named as such instead of as a bad signature.
/// </summary>
public sealed record SignedExtrinsic(
    AccountId Signer, byte[] Signature, ulong Nonce, Rao Tip, Hash256 GenesisHash, uint SpecVersion, RuntimeCall Call, byte[] Encoded)
{
    private const byte SignedVersion4 = 0x84;
    private const byte ImmortalEra = 0x00;
    private const int MaxUnhashedPayload = 256;

    public Hash256 Hash { get; } = Hash256.Of(Encoded);

    public int Length => Encoded.Length;

    public static SignedExtrinsic Create(Ed25519KeyPair key, RuntimeCall call, ulong nonce, Rao tip, Hash256 genesisHash, uint specVersion)
    {
        var signer = new AccountId(key.PublicKey);
        var signature = key.Sign(Payload(call.Encode(), nonce, tip, genesisHash, specVersion));
        var body = new ScaleWriter().U8(SignedVersion4).U8(0);
        signer.Write(body);
        body.U8(0).Raw(signature);
        WriteExtra(body, nonce, tip, genesisHash, specVersion);
        call.Write(body);
        var encoded = new ScaleWriter().Bytes(body.ToArray()).ToArray();
        return new SignedExtrinsic(signer, signature, nonce, tip, genesisHash, specVersion, call, encoded);
    }

    /// <summary>Strict decoding: the length prefix must cover exactly the rest, and nothing may trail the call.</summary>
    public static SignedExtrinsic Decode(byte[] encoded)
    {
        var reader = new ScaleReader(encoded);
        var length = reader.Length();
        if (length != reader.Remaining)
        {
            throw new ScaleFormatException($"LengthMismatch: the extrinsic says {length} bytes follow its length prefix, {reader.Remaining} do.");
        }
        var version = reader.U8();
        if (version != SignedVersion4)
        {
            throw new ScaleFormatException($"UnsupportedExtrinsic: version byte 0x{version:x2}; only signed v4 extrinsics (0x84) are accepted.");
        }
        Tag(reader, 0, "MultiAddress", "Id");
        var signer = AccountId.Read(reader);
        Tag(reader, 0, "MultiSignature", "Ed25519 (sr25519 and ecdsa are not supported)");
        var signature = reader.Fixed(Ed25519KeyPair.SignatureSize);
        Tag(reader, ImmortalEra, "Era", "Immortal");
        var nonce = reader.Compact();
        var tip = new Rao(reader.Compact());
        var genesisHash = Hash256.Read(reader);
        var specVersion = reader.U32();
        var call = CallRegistry.Read(reader);
        reader.End();
        return new SignedExtrinsic(signer, signature, nonce, tip, genesisHash, specVersion, call, encoded);
    }

    public bool HasValidSignature() => Ed25519KeyPair.Verify(Signer.Bytes, SigningPayload(), Signature);

    /// <summary>What the signature covers: call ‖ extra, or its BLAKE2b-256 when longer than 256 bytes.</summary>
    public byte[] SigningPayload() => Payload(Call.Encode(), Nonce, Tip, GenesisHash, SpecVersion);

    private static byte[] Payload(byte[] call, ulong nonce, Rao tip, Hash256 genesisHash, uint specVersion)
    {
        var payload = new ScaleWriter().Raw(call);
        WriteExtra(payload, nonce, tip, genesisHash, specVersion);
        var bytes = payload.ToArray();
        return bytes.Length > MaxUnhashedPayload ? Blake2b.Hash256(bytes) : bytes;
    }

    private static void WriteExtra(ScaleWriter writer, ulong nonce, Rao tip, Hash256 genesisHash, uint specVersion)
    {
        writer.U8(ImmortalEra).Compact(nonce).Compact(tip.Value);
        genesisHash.Write(writer);
        writer.U32(specVersion);
    }

    private static void Tag(ScaleReader reader, byte expected, string type, string supported)
    {
        var start = reader.Offset;
        var tag = reader.U8();
        if (tag != expected)
        {
            throw new ScaleFormatException($"Unsupported{type}: variant {tag} at offset {start}; only {supported} is supported.");
        }
    }
}
