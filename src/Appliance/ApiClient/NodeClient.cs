using System.Text.Json;
using Appliance.Contracts;
using Appliance.Primitives;

namespace Appliance.ApiClient;

/// <summary>
/// The one typed client of the node's HTTP API: every route once, answers in the API's own records, every
/// refusal a <see cref="ClientError"/> with the API's code. The CLI, validators, miners, <c>up</c> and the UI
/// all reach the node through it, as separate machines would.
/// </summary>
public sealed class NodeClient : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="handler">What sends the requests (tests count them); the default is a plain socket handler.</param>
    public NodeClient(string baseUrl, HttpMessageHandler? handler = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/");
        _http.Timeout = TimeSpan.FromSeconds(30);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    public Task<HeadView> HeadAsync(CancellationToken cancellation) => GetAsync<HeadView>(ApiRoutes.Path(ApiRoutes.Head), cancellation);

    public Task<IssuanceView> IssuanceAsync(CancellationToken cancellation) => GetAsync<IssuanceView>(ApiRoutes.Path(ApiRoutes.Issuance), cancellation);

    public Task<AccountView> AccountAsync(string address, CancellationToken cancellation) =>
        GetAsync<AccountView>(ApiRoutes.Path(ApiRoutes.Account, address), cancellation);

    /// <summary>The hotkey's uids, one per subnet it is registered in, netuid order.</summary>
    public Task<List<HotkeyNeuronView>> HotkeyNeuronsAsync(string address, CancellationToken cancellation) =>
        GetAsync<List<HotkeyNeuronView>>(ApiRoutes.Path(ApiRoutes.HotkeyNeurons, address), cancellation);

    /// <summary>The hotkey's unrevealed weight commits, netuid order, oldest first.</summary>
    public Task<List<WeightCommitView>> HotkeyCommitsAsync(string address, CancellationToken cancellation) =>
        GetAsync<List<WeightCommitView>>(ApiRoutes.Path(ApiRoutes.HotkeyCommits, address), cancellation);

    /// <summary>The account's extrinsics still in the pool, in nonce order.</summary>
    public Task<List<PendingExtrinsicView>> PendingAsync(string address, CancellationToken cancellation) =>
        GetAsync<List<PendingExtrinsicView>>(ApiRoutes.Path(ApiRoutes.AccountPending, address), cancellation);

    /// <summary>A block by number or 0x-hash.</summary>
    public Task<BlockView> BlockAsync(string id, CancellationToken cancellation) => GetAsync<BlockView>(ApiRoutes.Path(ApiRoutes.Block, id), cancellation);

    public Task<ExtrinsicStatusView> ExtrinsicAsync(string hash, CancellationToken cancellation) =>
        GetAsync<ExtrinsicStatusView>(ApiRoutes.Path(ApiRoutes.Extrinsic, hash), cancellation);

    public Task<List<SubnetView>> SubnetsAsync(CancellationToken cancellation) => GetAsync<List<SubnetView>>(ApiRoutes.Path(ApiRoutes.Subnets), cancellation);

    public Task<SubnetView> SubnetAsync(NetUid netuid, CancellationToken cancellation) =>
        GetAsync<SubnetView>(ApiRoutes.Path(ApiRoutes.Subnet, netuid), cancellation);

    public Task<MetagraphView> MetagraphAsync(NetUid netuid, CancellationToken cancellation) =>
        GetAsync<MetagraphView>(ApiRoutes.Path(ApiRoutes.Metagraph, netuid), cancellation);

    /// <summary>Every hyperparameter by subtensor's name, each value as the API shows it.</summary>
    public Task<Dictionary<string, JsonElement>> HyperparametersAsync(NetUid netuid, CancellationToken cancellation) =>
        GetAsync<Dictionary<string, JsonElement>>(ApiRoutes.Path(ApiRoutes.Hyperparameters, netuid), cancellation);

    public Task<NeuronDetailView> NeuronAsync(NetUid netuid, Uid uid, CancellationToken cancellation) =>
        GetAsync<NeuronDetailView>(ApiRoutes.Path(ApiRoutes.Neuron, netuid, uid), cancellation);

    public async Task<SubmittedView> SubmitAsync(byte[] extrinsic, CancellationToken cancellation)
    {
        var body = new SubmitRequest("0x" + Convert.ToHexStringLower(extrinsic));
        var response = await SendAsync(() => _http.PostAsJsonAsync(ApiRoutes.Path(ApiRoutes.Extrinsics), body, ApiJson.Options, cancellation));
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
                throw new ClientError("NotIncluded", $"{hash} was still pending after {timeout.TotalSeconds:0} s.");
            }
            await Task.Delay(200, cancellation);
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<T> GetAsync<T>(string path, CancellationToken cancellation) =>
        await ReadAsync<T>(await SendAsync(() => _http.GetAsync(path, cancellation)), cancellation);

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            return await send();
        }
        catch (HttpRequestException e)
        {
            throw new ClientError("NodeUnreachable", $"no node answers at {_http.BaseAddress} ({e.Message}); start one with 'appliance node' or pass --node URL.");
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            throw new ClientError("NodeUnreachable", $"the node at {_http.BaseAddress} did not answer within {_http.Timeout.TotalSeconds:0} s.");
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
                    var error = await response.Content.ReadFromJsonAsync<ApiErrorView>(ApiJson.Options, cancellation);
                    throw new ClientError(error?.Error ?? response.StatusCode.ToString(), error?.Detail ?? "");
                }
                return await response.Content.ReadFromJsonAsync<T>(ApiJson.Options, cancellation)
                    ?? throw new JsonException("the answer is JSON null.");
            }
            catch (JsonException)
            {
                throw new ClientError("BadNodeResponse", $"HTTP {(int)response.StatusCode} from {response.RequestMessage?.RequestUri} is not the API's JSON.");
            }
        }
    }
}
