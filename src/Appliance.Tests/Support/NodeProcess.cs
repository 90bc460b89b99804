using System.Net;

namespace Appliance.Tests.Support;

/// <summary>`appliance node` as a child process (the built appliance.dll), for tests that kill it.</summary>
public sealed class NodeProcess : IDisposable
{
    private readonly ApplianceProcess _process;

    private NodeProcess(ApplianceProcess process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    /// <summary>What the node printed so far, stdout and stderr.</summary>
    public IReadOnlyList<string> Lines => _process.Output;

    public static async Task<NodeProcess> StartAsync(string dataDir, int blockTimeMs)
    {
        var url = $"http://127.0.0.1:{ApplianceProcess.FreePort(IPAddress.Loopback)}";
        var node = new NodeProcess(ApplianceProcess.Start("node", "node", "--data", dataDir, "--urls", url, "--block-time", blockTimeMs.ToString()), url);
        try
        {
            await node.WaitUntilAsync(async () => (await node.Http.GetAsync("/api/chain/head")).IsSuccessStatusCode, "the node to answer", seconds: 30);
        }
        catch
        {
            node.Dispose();
            throw;
        }
        return node;
    }

    public async Task<ulong> HeightAsync()
    {
        using var head = System.Text.Json.JsonDocument.Parse(await Http.GetStringAsync("/api/chain/head"));
        return head.RootElement.GetProperty("number").GetUInt64();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; a timeout names what was awaited and shows the node's last lines.</summary>
    public Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 60) =>
        _process.WaitUntilAsync(condition, TimeSpan.FromSeconds(seconds), what);

    /// <summary>SIGKILL: no shutdown code runs, as in a power cut.</summary>
    public void Kill() => _process.Kill();

    public void Dispose()
    {
        _process.Dispose();
        Http.Dispose();
    }
}
