using System.Collections.Concurrent;
using Appliance.Up;

namespace Appliance.Cli;

/// <summary>
/// The last lines logged, for <c>up</c>'s live panel: on a terminal it takes the console logger's place, whose
/// lines would scroll the panel away. The latest epoch line is kept apart so it stays on the panel.
/// </summary>
public sealed class RecentLog : ILoggerProvider
{
    private const int Capacity = 30;
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => _lines.ToArray();

    public string? LastEpoch { get; private set; }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(LogLevel level, string category, string message)
    {
        if (category == typeof(EpochLog).FullName)
        {
            LastEpoch = message;
        }
        var tag = level switch { LogLevel.Warning => "warn", LogLevel.Error => "fail", LogLevel.Critical => "crit", _ => "info" };
        _lines.Enqueue($"{DateTime.Now:HH:mm:ss} {tag} {category[(category.LastIndexOf('.') + 1)..]}: {message}");
        while (_lines.Count > Capacity)
        {
            _lines.TryDequeue(out _);
        }
    }

    private sealed class Logger(RecentLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                log.Add(logLevel, category, exception is null ? formatter(state, exception) : $"{formatter(state, exception)} ({exception.GetBaseException().Message})");
            }
        }
    }
}
