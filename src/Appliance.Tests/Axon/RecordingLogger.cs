using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Appliance.Tests.Axon;

/// <summary>Keeps every formatted log line, so tests can read what the axon logged.</summary>
public sealed class RecordingLogger : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            Lines.Enqueue(formatter(state, exception));
        }
    }

    public void Dispose()
    {
    }
}
