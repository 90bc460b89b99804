using Appliance.Crypto;

namespace Appliance.Tests.Crypto;

public sealed class SecureRandomTests
{
    [Fact]
    public void Bytes_DifferEachCall()
    {
        Assert.NotEqual(SecureRandom.Bytes(32), SecureRandom.Bytes(32));
    }
}
