using System.CommandLine;
using System.Text.Json;
using Appliance.Contracts;
using Appliance.Hosting;

namespace Appliance.Cli;

/// <summary>The node's HTTP API as the CLI uses it; refusals become one-line CliErrors with the API's code.</summary>
public sealed class NodeClient(string baseUrl) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };

    public static Option<string> UrlOption() => new("--node")
    {
        Description = "URL of the node's HTTP API",
        HelpName = "URL",
        DefaultValueFactory = _ => NodeHost.DefaultUrls,
    };

    public Task<HeadView> HeadAsync(CancellationToken cancellation) => GetAsync<HeadView>("api/chain/head", cancellation);

    public Task<AccountView> AccountAsync(string address, CancellationToken cancellation) => GetAsync<AccountView>($"api/accounts/{address}", cancellation);

    public Task<BlockView> BlockAsync(string id, CancellationToken cancellation) => GetAsync<BlockView>($"api/blocks/{Uri.EscapeDataString(id)}", cancellation);

    public Task<ExtrinsicStatusView> ExtrinsicAsync(string hash, CancellationToken cancellation) => GetAsync<ExtrinsicStatusView>($"api/extrinsics/{hash}", cancellation);

    public async Task<SubmittedView> SubmitAsync(byte[] extrinsic, CancellationToken cancellation)
    {
        var response = await SendAsync(() => _http.PostAsJsonAsync("api/extrinsics", new { hex = "0x" + Convert.ToHexStringLower(extrinsic) }, cancellation));
        return await ReadAsync<SubmittedView>(response, cancellation);
    }

    /// <summary>Polls until the extrinsic is in a block (or the timeout passes).</summary>
    public async Task<ExtrinsicStatusView> WaitForInclusionAsync(string hash, TimeSpan timeout, CancellationToken cancellation)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await ExtrinsicAsync(hash, cancellation);
            if (status.Status == "included")
            {
                return status;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new CliError($"NotIncluded: {hash} was still pending after {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(200, cancellation);
        }
    }

    public void Dispose() => _http.Dispose();

    public async Task<T> GetAsync<T>(string path, CancellationToken cancellation) =>
        await ReadAsync<T>(await SendAsync(() => _http.GetAsync(path, cancellation)), cancellation);

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new CliError($"NodeUnreachable: no node answers at {_http.BaseAddress} ({e.Message}); start one with 'appliance node' or pass --node URL.");
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellation)
    {
        using (response)
        {
            try
            {
                if (!response.IsSuccessStatusCode)
                {
                    var error = await response.Content.ReadFromJsonAsync<JsonElement>(cancellation);
                    var code = error.TryGetProperty("error", out var c) ? c.GetString() : response.StatusCode.ToString();
                    var detail = error.TryGetProperty("detail", out var d) ? d.GetString() : "";
                    throw new CliError($"{code}: {detail}");
                }
                return (await response.Content.ReadFromJsonAsync<T>(Output.Json, cancellation))!;
            }
            catch (JsonException)
            {
                throw new CliError($"BadNodeResponse: HTTP {(int)response.StatusCode} from {response.RequestMessage?.RequestUri} is not the API's JSON.");
            }
        }
    }
}
