using LLama.Native;
using Microsoft.Extensions.Logging;

namespace Appliance.Mining.Llama;

/// <summary>
/// Routes llama.cpp's and ggml's log lines to an ILogger (category "llama.cpp"). LLamaSharp joins llama's
/// line pieces; before the library loads it keeps the logger for the moment it does.
/// </summary>
internal static class LlamaLog
{
    private static readonly Lock Gate = new();

    public static void UseLoggerFactory(ILoggerFactory factory)
    {
        lock (Gate)
        {
            NativeLogConfig.llama_log_set(factory.CreateLogger("llama.cpp"));
        }
    }
}
