using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Appliance.Tests.Support;

/// <summary>
/// Any `appliance` command as a child process (the built appliance.dll) with its output recorded, for tests
/// that spread a subnet over several processes as if over several machines. Disposing kills it if it runs.
/// </summary>
public sealed class ApplianceProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ApplianceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public IReadOnlyList<string> Output => _output.ToList();

    public static ApplianceProcess Start(string name, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "appliance.dll"));
        foreach (var argument in args)
        {
            start.ArgumentList.Add(argument);
        }
        var child = new ApplianceProcess(name, Process.Start(start)!);
        child._process.OutputDataReceived += (_, e) => child.Record(e.Data);
        child._process.ErrorDataReceived += (_, e) => child.Record(e.Data);
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// Polls until <paramref name="condition"/> holds; fails at once if one of <paramref name="running"/>
    /// exits, and on timeout, naming what it waited for with every process's last lines.
    /// </summary>
    public static async Task WaitUntilAsync(IReadOnlyList<ApplianceProcess> running, Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (running.FirstOrDefault(p => p._process.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"appliance {exited.Name} exited with {exited._process.ExitCode} while waiting for {what}:\n{Tails(running)}");
            }
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}:\n{Tails(running)}");
    }

    /// <summary>Polls until <paramref name="condition"/> holds, failing at once if this process exits.</summary>
    public Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => WaitUntilAsync([this], condition, timeout, what);

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Ctrl-C (SIGINT) and wait for it to exit; returns the exit code.</summary>
    public async Task<int> InterruptAsync()
    {
        using (var kill = Process.Start("kill", ["-s", "INT", _process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"appliance {Name} did not exit within 60 s of Ctrl-C:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    public string Tail() => $"--- appliance {Name}:\n" + string.Join('\n', Output.TakeLast(20));

    /// <summary>A TCP port free on <paramref name="address"/> (any of 127.0.0.0/8 binds without setup on Linux).</summary>
    public static int FreePort(IPAddress address)
    {
        using var listener = new TcpListener(address, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
    }

    private static string Tails(IEnumerable<ApplianceProcess> processes) => string.Join('\n', processes.Select(p => p.Tail()));

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
