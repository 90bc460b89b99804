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
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options)
                ?? throw new WalletException(WalletError.KeyfileCorrupted, $"{path} holds no key.");
        }
        catch (JsonException e)
        {
            throw new WalletException(WalletError.KeyfileCorrupted, $"{path} is not a valid keyfile ({e.Message.Split('.')[0]}).");
        }
    }

    public static T Read<T>(string path) => Deserialize<T>(File.ReadAllBytes(path), path);
}
