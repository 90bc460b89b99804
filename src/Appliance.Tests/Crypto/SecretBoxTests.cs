using Appliance.Crypto;

namespace Appliance.Tests.Crypto;

public sealed class SecretBoxTests
{
    private readonly byte[] _key = SecureRandom.Bytes(SecretBox.KeySize);
    private readonly byte[] _nonce = SecureRandom.Bytes(SecretBox.NonceSize);

    [Fact]
    public void SealThenOpen_RoundTrips()
    {
        var sealedBox = SecretBox.Seal("the coldkey seed"u8, _nonce, _key);

        Assert.Equal(16 + SecretBox.MacSize, sealedBox.Length);
        Assert.True(SecretBox.TryOpen(sealedBox, _nonce, _key, out var plaintext));
        Assert.Equal("the coldkey seed"u8.ToArray(), plaintext);
    }

    [Fact]
    public void Open_FlippedByteOrWrongKey_Fails()
    {
        var sealedBox = SecretBox.Seal("the coldkey seed"u8, _nonce, _key);
        var tampered = (byte[])sealedBox.Clone();
        tampered[^1] ^= 1;

        Assert.False(SecretBox.TryOpen(tampered, _nonce, _key, out _));
        Assert.False(SecretBox.TryOpen(sealedBox, _nonce, SecureRandom.Bytes(SecretBox.KeySize), out _));
        Assert.False(SecretBox.TryOpen(sealedBox[..10], _nonce, _key, out _));
    }
}
