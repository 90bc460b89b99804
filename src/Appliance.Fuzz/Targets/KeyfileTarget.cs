using Appliance.Wallets;

namespace Appliance.Fuzz.Targets;

/// <summary>
/// A wallet's key files as read from disk: the same bytes tried as a plain hotkey file and as an encrypted
/// coldkey (password "fuzz"). A damaged file must be a <see cref="WalletException"/>, never anything else.
/// </summary>
public sealed class KeyfileTarget : IFuzzTarget
{
    public string Name => "keyfile";

    public void Run(byte[] input)
    {
        try
        {
            using var key = Keyfile.Open(KeyfileJson.Deserialize<KeyfileData>(input, "hotkey"), "hotkey");
        }
        catch (WalletException)
        {
        }
        try
        {
            var data = Keyfile.Decrypt(KeyfileJson.Deserialize<EncryptedKeyfileData>(input, "coldkey"), "fuzz", "coldkey");
            using var key = Keyfile.Open(data, "coldkey");
        }
        catch (WalletException)
        {
        }
    }
}
