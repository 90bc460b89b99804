using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>ggml-backend.h: the backend registry (CPU variants and CUDA are plug-in libraries loaded by path).</summary>
internal static unsafe partial class GgmlNative
{
    internal const string Ggml = "ggml";
    internal const string GgmlBase = "ggml-base";
    internal const int DeviceTypeGpu = 1;

    [LibraryImport(Ggml, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void ggml_backend_load_all_from_path(string directory);

    [LibraryImport(Ggml)]
    internal static partial IntPtr ggml_backend_dev_by_type(int type);

    [LibraryImport(GgmlBase)]
    internal static partial byte* ggml_backend_dev_description(IntPtr device);
}
