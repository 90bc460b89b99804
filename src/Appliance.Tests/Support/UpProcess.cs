using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Appliance.Tests.Support;

/// <summary>`appliance up` as a child process (the built appliance.dll) on a given data folder, driven through its API.</summary>
public sealed class UpProcess : IDisposable
{
    private readonly ApplianceProcess _process;

    private UpProcess(ApplianceProcess process, string url)
    {
        _process = process;
        Url = url;
        Http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Url { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<string> Output => _process.Output;

    /// <summary>The admin token `up` printed at start-up.</summary>
    public string AdminToken => Output.First(l => l.StartsWith("admin token ", StringComparison.Ordinal)).Split(' ')[2];

    public static async Task<UpProcess> StartAsync(string dataDir, string configFile)
    {
        var url = $"http://127.0.0.1:{ApplianceProcess.FreePort(IPAddress.Loopback)}";
        var up = new UpProcess(
            ApplianceProcess.Start("up", "up", "--data", dataDir, "--wallets-dir", Path.Combine(dataDir, "wallets"), "--urls", url, "--config", configFile), url);
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
    public Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) => _process.WaitUntilAsync(condition, timeout, what);

    /// <summary>Ctrl-C (SIGINT) and wait for a clean exit; returns the exit code.</summary>
    public Task<int> InterruptAsync() => _process.InterruptAsync();

    public string Tail() => _process.Tail();

    public void Dispose()
    {
        _process.Dispose();
        Http.Dispose();
    }
}
