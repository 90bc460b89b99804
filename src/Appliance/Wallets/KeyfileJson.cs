using System.Text.Json;

namespace Appliance.Wallets;

/// <summary>Reading and writing keyfile JSON strictly: a missing or null field is a damaged file.</summary>
internal static class KeyfileJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> json, string path)
    {
        if (json.StartsWith("$NACL"u8) || json.StartsWith("$BT"u8))
        {
            throw new WalletException(WalletError.KeyfileUnsupported, $"{path} is a bittensor keyfile (sr25519); this appliance reads only its own Ed25519 wallets.");
        }
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new WalletException(WalletError.KeyfileCorrupted, $"{path} holds no key.");
        }
        catch (JsonException e)
        {
            var where = e.Path is { Length: > 1 } field ? $"field {field} is missing, null or of the wrong type" : "it is not valid JSON";
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} is not a valid keyfile: {where} (line {e.LineNumber + 1}).");
        }
    }

    public static T Read<T>(string path) => Deserialize<T>(File.ReadAllBytes(path), path);
}
