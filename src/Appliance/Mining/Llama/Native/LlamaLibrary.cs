using System.Runtime.InteropServices;
using Appliance.Native;

namespace Appliance.Mining.Llama.Native;

/// <summary>
/// Loads llama.cpp's libraries from native/ beside the executable, where the build copies node-llama-cpp's
/// prebuilt ones (llama.cpp release v0.5.0 as packaged by node-llama-cpp 3.22.1). The CUDA build's files
/// carry a ".cuda" infix; when present they are preferred.
/// </summary>
internal static class LlamaLibrary
{
    private static readonly Lazy<LoadedLibraries> Loaded = new(Load);

    static LlamaLibrary()
    {
        NativeLibraryResolver.Register(LlamaNative.Llama, () => Loaded.Value.Llama);
        NativeLibraryResolver.Register(GgmlNative.Ggml, () => Loaded.Value.Ggml);
        NativeLibraryResolver.Register(GgmlNative.GgmlBase, () => Loaded.Value.GgmlBase);
    }

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "native");

    /// <summary>"cuda" or "cpu": which build of the libraries is loaded.</summary>
    public static string Variant => Loaded.Value.Variant;

    public static void EnsureLoaded() => _ = Loaded.Value;

    private static LoadedLibraries Load()
    {
        var variant = File.Exists(Path.Combine(Directory, "libllama.cuda.v0.5.0.so")) ? "cuda" : "cpu";
        var infix = variant == "cuda" ? ".cuda" : "";
        var ggmlBase = LoadFile("libggml-base.so");
        var ggml = LoadFile($"libggml{infix}.v0.5.0.so");
        var llama = LoadFile($"libllama{infix}.v0.5.0.so");
        return new LoadedLibraries(variant, llama, ggml, ggmlBase);
    }

    private static IntPtr LoadFile(string fileName)
    {
        var path = Path.Combine(Directory, fileName);
        if (!File.Exists(path))
        {
            throw new MissingNativeLibraryException(
                $"{fileName} is not in {Directory}: build the project (dotnet build fetches @node-llama-cpp/linux-x64@3.22.1 with npm pack and copies its libraries there).");
        }
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            throw new MissingNativeLibraryException($"{path} could not be loaded: it needs glibc, libstdc++ and, for the CUDA build, the CUDA 13 runtime.");
        }
        return handle;
    }

    private sealed record LoadedLibraries(string Variant, IntPtr Llama, IntPtr Ggml, IntPtr GgmlBase);
}
