using System.Text;
using LLama.Native;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mining.Llama;

/// <summary>
/// Routes llama.cpp's and ggml's log lines to an ILogger (category "llama.cpp"). The callback is handed to
/// LLamaSharp before the library loads, so even its loading lines arrive here (or nowhere, until a logger is
/// chosen) rather than on stderr. llama.cpp writes a line in pieces: they are joined until a newline.
/// </summary>
internal static class LlamaLog
{
    private static readonly Lock Gate = new();
    private static readonly StringBuilder Pending = new();
    private static ILogger logger = NullLogger.Instance;
    private static LogLevel pendingLevel = LogLevel.Debug;

    public static readonly NativeLogConfig.LLamaLogCallback Callback = OnLog;

    public static void UseLoggerFactory(ILoggerFactory factory)
    {
        lock (Gate)
        {
            logger = factory.CreateLogger("llama.cpp");
        }
    }

    private static void OnLog(LLamaLogLevel level, string piece)
    {
        lock (Gate)
        {
            if (level != LLamaLogLevel.Continue && Pending.Length == 0)
            {
                pendingLevel = ToLogLevel(level);
            }
            Pending.Append(piece);
            if (!piece.EndsWith('\n'))
            {
                return;
            }
            var line = Pending.ToString().TrimEnd();
            Pending.Clear();
            if (line.Length > 0)
            {
                logger.Log(pendingLevel, "{Line}", line);
            }
        }
    }

    private static LogLevel ToLogLevel(LLamaLogLevel level) => level switch
    {
        LLamaLogLevel.Error => LogLevel.Error,
        LLamaLogLevel.Warning => LogLevel.Warning,
        LLamaLogLevel.Info => LogLevel.Information,
        LLamaLogLevel.Debug => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}
