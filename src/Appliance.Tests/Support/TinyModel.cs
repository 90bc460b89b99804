using Appliance.Models;

namespace Appliance.Tests.Support;

/// <summary>The tiny random llama model (a few hundred KB), written once per test run and shared read-only.</summary>
public static class TinyModel
{
    private static readonly Lazy<string> Made = new(() =>
    {
        var folder = Directory.CreateTempSubdirectory("appliance-tiny-model-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        return ModelMaker.Make(ModelShape.Tiny, System.IO.Path.Combine(folder, "tiny.gguf"), seed: 1).Path;
    });

    public static string Path => Made.Value;
}
