using System.Text.Json;

namespace Appliance.Tests.Support;

/// <summary>
/// The Yuma reference vectors in src/Appliance.Tests/Vectors: copied byte for byte from the shared vector set
/// (expected values from opentensor/subtensor's Rust tests at commit 14bc6f9f), copied next to the test binaries
/// by the csproj so that a bare clone runs them.
/// </summary>
public static class YumaVectors
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Vectors");

    public static JsonElement Load(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.Clone();
}
