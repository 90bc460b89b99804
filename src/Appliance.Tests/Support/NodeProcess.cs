using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Appliance.Tests.Support;

/// <summary>`appliance node` as a child process (the built appliance.dll), for tests that kill it.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private NodeProcess(Process process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    /// <summary>What the node printed so far, stdout and stderr.</summary>
    public IReadOnlyCollection<string> Lines => _lines;

    public async Task<ulong> HeightAsync()
    {
        using var head = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("/api/chain/head"));
        return head.RootElement.GetProperty("number").GetUInt64();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a timeout names what was awaited and shows the node's last lines.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(seconds); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return;
            }
        }
        throw new TimeoutException($"waited {seconds} s for {what}; the node's last lines:{Environment.NewLine}{string.Join(Environment.NewLine, _lines.TakeLast(15))}");
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }

    public static async Task<NodeProcess> StartAsync(string dataDir, int blockTimeMs)
    {
        var url = $"http://127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "appliance.dll"), "node", "--data", dataDir, "--urls", url, "--block-time", blockTimeMs.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        var node = new NodeProcess(process, url);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"appliance node exited with {process.ExitCode} at start-up.");
            }
            try
            {
                using var response = await node.Http.GetAsync("/api/chain/head");
                if (response.IsSuccessStatusCode)
                {
                    return node;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        node.Dispose();
        throw new TimeoutException("appliance node did not answer within 30 s.");
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut.</summary>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        Http.Dispose();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
