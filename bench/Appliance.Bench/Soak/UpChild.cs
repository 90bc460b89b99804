using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Appliance.Bench.Soak;

/// <summary>
/// <c>appliance up</c> as a child process — the appliance.dll built beside the bench — on a fresh data folder,
/// listening on a free loopback port with <c>--quiet</c> logging. Its output goes to up.log in the folder; the
/// warnings and failures it logs are tallied by category for the report.
/// </summary>
public sealed class UpChild : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _problems = [];
    private readonly Queue<string> _tail = new();
    private string? _pendingProblem;

    private UpChild(Process process, string url, string logPath)
    {
        (_process, Url, LogPath) = (process, url, logPath);
        _log = new StreamWriter(logPath) { AutoFlush = true };
    }

    public string Url { get; }

    public string LogPath { get; }

    public int Pid => _process.Id;

    /// <summary>Warnings and failures up logged, as "level: Category → first words of the message", with their counts.</summary>
    public IReadOnlyDictionary<string, long> Problems
    {
        get
        {
            lock (_lock)
            {
                return new SortedDictionary<string, long>(_problems, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Starts up and waits until every validator runs (its bootstrap done: subnet, wallets, registrations, stake).</summary>
    public static async Task<UpChild> StartAsync(string folder, string configFile)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "appliance.dll"), "up", "--data", Path.Combine(folder, "data"),
            "--wallets-dir", Path.Combine(folder, "wallets"), "--urls", url, "--config", configFile, "--quiet",
        ];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var up = new UpChild(Process.Start(start)!, url, Path.Combine(folder, "up.log"));
        up._process.OutputDataReceived += (_, e) => up.Record(e.Data);
        up._process.ErrorDataReceived += (_, e) => up.Record(e.Data);
        up._process.BeginOutputReadLine();
        up._process.BeginErrorReadLine();
        try
        {
            await up.WaitReadyAsync();
        }
        catch
        {
            up.Dispose();
            throw;
        }
        return up;
    }

    /// <summary>Ctrl-C (SIGINT), as an operator stops it; returns the exit code and how long the stop took.</summary>
    public async Task<(int ExitCode, TimeSpan Took)> InterruptAsync()
    {
        var started = Stopwatch.GetTimestamp();
        using (var kill = Process.Start("kill", ["-s", "INT", Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"appliance up did not exit within 90 s of Ctrl-C; its last lines:\n{Tail()}");
        }
        return (_process.ExitCode, Stopwatch.GetElapsedTime(started));
    }

    public string Tail()
    {
        lock (_lock)
        {
            return string.Join('\n', _tail);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
        lock (_lock)
        {
            _log.Dispose();
        }
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = Loopback.Require(new Uri(Url)), Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"appliance up exited with {_process.ExitCode} while starting:\n{Tail()}");
            }
            try
            {
                var validators = await http.GetFromJsonAsync<JsonElement>("/api/validators");
                if (validators.GetArrayLength() > 0 && validators.EnumerateArray().All(v => v.GetProperty("running").GetBoolean()))
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or busy starting.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"appliance up did not start its validators within {ReadyTimeout.TotalMinutes:0} minutes:\n{Tail()}");
    }

    /// <summary>
    /// Keeps the line in up.log and the tail; a console-logger header "warn: Category[0]" is tallied with the
    /// start of the message on the line after it.
    /// </summary>
    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            _log.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > 40)
            {
                _tail.Dequeue();
            }
            if (_pendingProblem is { } header)
            {
                var key = $"{header} → {Truncate(line.Trim(), 80)}";
                _problems[key] = _problems.GetValueOrDefault(key) + 1;
                _pendingProblem = null;
            }
            else if (line.StartsWith("warn: ", StringComparison.Ordinal) || line.StartsWith("fail: ", StringComparison.Ordinal) || line.StartsWith("crit: ", StringComparison.Ordinal))
            {
                _pendingProblem = line.Split('[')[0];
            }
        }
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length] + "…";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
