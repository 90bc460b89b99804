namespace Appliance.Mining.Llama;

/// <summary>
/// What the process's llama.cpp runs on: the library LLamaSharp loaded ("cuda12", "cpu-avx2" …), whether it
/// offloads layers to a GPU, and llama's system info line.
/// </summary>
public sealed record LlamaBackendInfo(string Variant, bool OffloadsToGpu, string SystemInfo)
{
    /// <summary>The backend as one line for start-up logs.</summary>
    public string Describe() => OffloadsToGpu ? $"{Variant} (all layers on the GPU)" : $"{Variant} (no GPU: layers on the CPU)";

    /// <summary>Loads llama.cpp (once) and says what it runs on.</summary>
    public static LlamaBackendInfo Current => LlamaBackend.EnsureInitialized();
}
