using Appliance.Crypto.Native;
using Appliance.Native;

namespace Appliance.Tests.Crypto;

public sealed class SodiumLibraryTests
{
    [Fact]
    public void Load_NoCandidateLoads_OneSentenceNamingThePackage()
    {
        var error = Assert.Throws<MissingNativeLibraryException>(() => SodiumLibrary.Load(["libsodium-does-not-exist.so.99"]));

        Assert.Equal(SodiumLibrary.MissingMessage, error.Message);
        Assert.Contains("apt-get install libsodium23", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }
}
