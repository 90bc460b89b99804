using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Appliance.Mining.Llama.Native;

/// <summary>
/// Routes llama.cpp's and ggml's log lines to an ILogger (category "llama.cpp"). llama.cpp writes a line in
/// pieces (GGML_LOG_LEVEL_CONT continues the previous one), so pieces are joined until a newline.
/// </summary>
internal static unsafe class LlamaLog
{
    private const int LevelDebug = 1;
    private const int LevelInfo = 2;
    private const int LevelWarn = 3;
    private const int LevelError = 4;
    private const int LevelContinue = 5;

    private static readonly Lock Gate = new();
    private static readonly StringBuilder Pending = new();
    private static LogLevel pendingLevel = LogLevel.Debug;
    private static ILogger logger = NullLogger.Instance;

    public static void UseLoggerFactory(ILoggerFactory factory)
    {
        lock (Gate)
        {
            logger = factory.CreateLogger("llama.cpp");
        }
    }

    public static void Install() => LlamaNative.llama_log_set(&OnLog, IntPtr.Zero);

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnLog(int level, byte* text, IntPtr userData)
    {
        var piece = Marshal.PtrToStringUTF8((IntPtr)text) ?? "";
        lock (Gate)
        {
            if (level != LevelContinue && Pending.Length == 0)
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

    private static LogLevel ToLogLevel(int level) => level switch
    {
        LevelError => LogLevel.Error,
        LevelWarn => LogLevel.Warning,
        LevelInfo => LogLevel.Information,
        LevelDebug => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}
