using System.Text.Json;

namespace Appliance.Tests.Support;

/// <summary>The reference vectors in ../shared/yuma/vectors beside the clone (never copied into the repo).</summary>
public static class SharedVectors
{
    public static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Appliance.sln")))
                {
                    var vectors = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "yuma", "vectors"));
                    return Directory.Exists(vectors) ? vectors : throw new DirectoryNotFoundException($"the reference vectors are expected at {vectors}.");
                }
            }
            throw new DirectoryNotFoundException("Appliance.sln not found above the test binaries.");
        }
    }

    public static JsonElement Load(string file) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, file))).RootElement.Clone();
}
