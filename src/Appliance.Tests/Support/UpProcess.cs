using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Appliance.Tests.Support;

/// <summary>`appliance up` as a child process (the built appliance.dll) on a given data folder, driven through its API.</summary>
public sealed class UpProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private UpProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<string> Output => _output.ToList();

    /// <summary>The admin token `up` printed at start-up.</summary>
    public string AdminToken => Output.First(l => l.StartsWith("admin token ", StringComparison.Ordinal)).Split(' ')[2];

    public static async Task<UpProcess> StartAsync(string dataDir, string configFile)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "appliance.dll"), "up", "--data", dataDir, "--wallets-dir", Path.Combine(dataDir, "wallets"), "--urls", url, "--config", configFile })
        {
            start.ArgumentList.Add(argument);
        }
        var up = new UpProcess(Process.Start(start)!, url);
        up._process.OutputDataReceived += (_, e) => up.Record(e.Data);
        up._process.ErrorDataReceived += (_, e) => up.Record(e.Data);
        up._process.BeginOutputReadLine();
        up._process.BeginErrorReadLine();
        try
        {
            await up.WaitUntilAsync(async () =>
                {
                    var validators = await up.GetAsync<JsonElement>("/api/validators");
                    return validators.GetArrayLength() > 0 && validators.EnumerateArray().All(v => v.GetProperty("running").GetBoolean());
                }, TimeSpan.FromSeconds(90), "the miners and validators to run");
        }
        catch
        {
            up.Dispose();
            throw;
        }
        return up;
    }

    public async Task<T> GetAsync<T>(string path) => (await Http.GetFromJsonAsync<T>(path))!;

    /// <summary>Polls until <paramref name="condition"/> holds; fails naming what it waited for, with the process's last lines.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"appliance up exited with {_process.ExitCode} while waiting for {what}:\n{Tail()}");
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
            await Task.Delay(250);
        }
        throw new TimeoutException($"waited {timeout.TotalSeconds:0} s for {what}:\n{Tail()}");
    }

    /// <summary>Ctrl-C (SIGINT) and wait for a clean exit; returns the exit code.</summary>
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
            throw new TimeoutException($"appliance up did not exit within 60 s of Ctrl-C; its last lines:\n{Tail()}");
        }
        return _process.ExitCode;
    }

    public string Tail() => string.Join('\n', Output.TakeLast(30));

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        Http.Dispose();
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
