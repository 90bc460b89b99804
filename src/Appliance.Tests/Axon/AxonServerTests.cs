using System.Net.Http.Json;
using System.Text.Json;
using Appliance.ApiClient;
using Appliance.Axon;
using Appliance.Crypto;
using Appliance.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Appliance.Tests.Axon;

/// <summary>
/// A real axon on 127.0.0.1 whose permits come from a real node; requests are signed as a validator's
/// dendrite signs them, then altered one way at a time.
/// </summary>
public sealed class AxonServerTests(PermittedValidatorNode chain) : IClassFixture<PermittedValidatorNode>, IAsyncLifetime
{
    private static readonly AxonLimits Limits = new() { MaxBodyBytes = 4096, MaxTokens = 64, MaxConcurrentPerCaller = 1 };
    private readonly EchoTextGenerator _generator = new();
    private readonly RecordingLogger _log = new();
    private readonly NodeClient _nodeHttp = new(chain.Node.Url);
    private AxonServer _axon = null!;
    private HttpClient _http = null!;
    private ILoggerFactory _loggers = null!;

    public async Task InitializeAsync()
    {
        _loggers = LoggerFactory.Create(b => b.AddProvider(_log));
        var permits = new NodeValidatorPermits(_nodeHttp, _loggers.CreateLogger<NodeValidatorPermits>());
        var options = new AxonOptions { Netuid = PermittedValidatorNode.Netuid, Hotkey = chain.Miner, Limits = Limits };
        _axon = await AxonServer.StartAsync(options, _generator, permits, _loggers);
        _http = new HttpClient { BaseAddress = _axon.Url };
    }

    public async Task DisposeAsync()
    {
        _generator.Hold?.TrySetResult();
        _http.Dispose();
        await _axon.DisposeAsync();
        _nodeHttp.Dispose();
        _loggers.Dispose();
    }

    [Fact]
    public async Task TextCompletion_FromPermittedValidatorThroughDendrite_CompletesAndIsLogged()
    {
        using var http = new HttpClient();
        var dendrite = new Dendrite(http, chain.Validator);

        var result = await dendrite.CallAsync(_axon.Url, _axon.Hotkey, new TextCompletionRequest("what is 2 + 2", 3, 0.7f, 42), TimeSpan.FromSeconds(5), default);

        var completed = Assert.IsType<DendriteResult.Completed>(result);
        Assert.Equal(EchoTextGenerator.Expected("what is 2 + 2", 3, 42), completed.Response.Completion);
        Assert.Equal((3, 3L), (completed.Response.CompletionTokens, completed.Response.ElapsedMs));
        Assert.Contains(_log.Lines, l => l.Contains($"POST /TextCompletion from {TestChain.Id(chain.Validator).Address}: 200 Completed") && l.EndsWith("3 tokens"));
    }

    [Fact]
    public async Task TextCompletion_Response_IsSnakeCaseJson()
    {
        var body = Body("hello there");

        var (status, json) = await PostAsync(Signed(chain.Validator, body), body);

        Assert.Equal(200, status);
        Assert.Equal("echo 7: hello there", json.GetProperty("completion").GetString());
        Assert.Equal(4, json.GetProperty("completion_tokens").GetInt32());
        Assert.True(json.TryGetProperty("elapsed_ms", out _));
    }

    [Fact]
    public async Task BadSignature_Refused401()
    {
        var body = Body("hello");
        var headers = Signed(chain.Validator, body);
        var forged = headers with { Signature = "0x" + Convert.ToHexStringLower(chain.Outsider.Sign(System.Text.Encoding.UTF8.GetBytes(headers.Message))) };

        await AssertRefused(401, "BadSignature", PostAsync(forged, body), TestChain.Id(chain.Validator).Address);
    }

    [Fact]
    public async Task ReplayedNonce_SecondCopyRefused401()
    {
        var body = Body("hello");
        var headers = Signed(chain.Validator, body);
        Assert.Equal(200, (await PostAsync(headers, body)).Status);

        await AssertRefused(401, "ReplayedNonce", PostAsync(headers, body), "replayed nonce");
        await AssertRefused(401, "ReplayedNonce", PostAsync(Signed(chain.Validator, body, headers.Nonce - 1, Guid.Parse(headers.Uuid)), body), "replayed nonce");
    }

    [Fact]
    public async Task StaleNonce_OlderThanDeltaPlusTimeout_Refused401()
    {
        var body = Body("hello");
        var old = NonceGuard.UnixNanoseconds(DateTimeOffset.UtcNow.AddSeconds(-30));

        await AssertRefused(401, "StaleNonce", PostAsync(Signed(chain.Validator, body, old), body), "s old");
    }

    [Fact]
    public async Task Caller_NotRegistered_Refused403()
    {
        var body = Body("hello");

        await AssertRefused(403, "Blacklisted", PostAsync(Signed(chain.Outsider, body), body), "is not registered on subnet 1");
    }

    [Fact]
    public async Task Caller_RegisteredWithoutValidatorPermit_Refused403()
    {
        var body = Body("hello");

        await AssertRefused(403, "Blacklisted", PostAsync(Signed(chain.Miner, body), body), "holds no validator permit");
    }

    [Fact]
    public async Task Body_OverSizeLimit_Refused413_DeclaredOrChunked()
    {
        var body = Body(new string('x', 5000));
        var headers = Signed(chain.Validator, body);

        await AssertRefused(413, "PayloadTooLarge", PostAsync(headers, body), "4096 bytes");
        await AssertRefused(413, "PayloadTooLarge", PostAsync(headers, body, chunked: true), "4096 bytes");
    }

    [Fact]
    public async Task Body_NotTheOneHashed_Refused400()
    {
        var headers = Signed(chain.Validator, Body("hello"));

        await AssertRefused(400, "BodyHashMismatch", PostAsync(headers, Body("goodbye")), "SHA3-256");
    }

    [Fact]
    public async Task Headers_MissingOrMalformed_Refused400NamingTheHeader()
    {
        var body = Body("hello");
        var headers = Signed(chain.Validator, body);
        using var bare = new HttpRequestMessage(HttpMethod.Post, "TextCompletion") { Content = new ByteArrayContent(body) };

        using var response = await _http.SendAsync(bare);
        await AssertRefused(400, "MalformedHeaders", Read(response), "bt_header_dendrite_hotkey");
        await AssertRefused(400, "MalformedHeaders", PostAsync(headers with { Signature = "0x1234" }, body), "bt_header_dendrite_signature");
        await AssertRefused(400, "MalformedHeaders", PostAsync(headers with { DendriteHotkey = "5notanaddress" }, body), "bt_header_dendrite_hotkey");
    }

    [Fact]
    public async Task AxonHotkey_OfAnotherMiner_Refused421()
    {
        var body = Body("hello");
        var headers = SynapseHeaders.Sign(chain.Validator, TestChain.Id(chain.Outsider).Address, body, Now(), Guid.NewGuid(), TimeSpan.FromSeconds(5));

        await AssertRefused(421, "WrongAxon", PostAsync(headers, body), _axon.Hotkey);
    }

    [Fact]
    public async Task Request_OutOfBounds_Refused400_ThenTheAxonKeepsServing()
    {
        foreach (var (request, reason) in new[]
        {
            (new TextCompletionRequest("hello", 0, 0.5f, 1), "max_tokens must be 1 to 64"),
            (new TextCompletionRequest("hello", 65, 0.5f, 1), "max_tokens must be 1 to 64"),
            (new TextCompletionRequest("hello", 8, 2.5f, 1), "temperature must be 0 to 2"),
            (new TextCompletionRequest("", 8, 0.5f, 1), "prompt is empty"),
        })
        {
            var body = JsonSerializer.SerializeToUtf8Bytes(request, TextCompletion.Json);
            await AssertRefused(400, "InvalidSynapse", PostAsync(Signed(chain.Validator, body), body), reason);
        }
        var notJson = "{\"prompt\": \"hi\"}"u8.ToArray();
        await AssertRefused(400, "InvalidSynapse", PostAsync(Signed(chain.Validator, notJson), notJson), "max_tokens");

        var valid = Body("still here");
        Assert.Equal(200, (await PostAsync(Signed(chain.Validator, valid), valid)).Status);
    }

    [Fact]
    public async Task Caller_OverConcurrencyLimit_Refused429_UntilItsRequestEnds()
    {
        _generator.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var first = Body("first");
        var inProgress = PostAsync(Signed(chain.Validator, first), first);
        await _generator.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var second = Body("second");
        await AssertRefused(429, "TooManyRequests", PostAsync(Signed(chain.Validator, second), second), "1 requests in progress");

        _generator.Hold.SetResult();
        Assert.Equal(200, (await inProgress).Status);
        Assert.Equal(200, (await PostAsync(Signed(chain.Validator, second), second)).Status);
    }

    [Fact]
    public async Task Generation_PastTheRequestTimeout_Refused408()
    {
        _generator.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = Body("slow");

        await AssertRefused(408, "Timeout", PostAsync(Signed(chain.Validator, body, timeout: TimeSpan.FromMilliseconds(300)), body), "0.3 s");
    }

    [Fact]
    public async Task Dendrite_Refusal_ComesBackTypedWithStatusAndReason()
    {
        using var http = new HttpClient();
        var dendrite = new Dendrite(http, chain.Outsider);

        var result = await dendrite.CallAsync(_axon.Url, _axon.Hotkey, new TextCompletionRequest("hi", 4, 0, 1), TimeSpan.FromSeconds(5), default);

        var failed = Assert.IsType<DendriteResult.Failed>(result);
        Assert.Equal((403, "Blacklisted"), (failed.Status, failed.Code));
        Assert.Contains("not registered", failed.Detail);
    }

    [Fact]
    public async Task Health_IsOpen_AndUnknownSynapseIs404()
    {
        var health = await _http.GetFromJsonAsync<JsonElement>("/health");
        Assert.Equal(("ok", _axon.Hotkey), (health.GetProperty("status").GetString(), health.GetProperty("hotkey").GetString()));

        using var response = await _http.PostAsync("/Dummy", new ByteArrayContent([]));
        await AssertRefused(404, "UnknownSynapse", Read(response), "TextCompletion");
    }

    [Fact]
    public async Task Stop_LetsTheRequestInProgressFinish_ThenRefusesConnections()
    {
        _generator.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = Body("last one");
        var inProgress = PostAsync(Signed(chain.Validator, body), body);
        await _generator.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var stopping = _axon.StopAsync();
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted);
        _generator.Hold.SetResult();

        Assert.Equal(200, (await inProgress).Status);
        await stopping;
        using var fresh = new HttpClient { BaseAddress = _axon.Url };
        await Assert.ThrowsAsync<HttpRequestException>(() => fresh.GetAsync("/health"));
    }

    private static byte[] Body(string prompt) => JsonSerializer.SerializeToUtf8Bytes(new TextCompletionRequest(prompt, 8, 0.5f, 7), TextCompletion.Json);

    private static ulong Now() => NonceGuard.UnixNanoseconds(DateTimeOffset.UtcNow);

    private SynapseHeaders Signed(Ed25519KeyPair caller, byte[] body, ulong? nonce = null, Guid? uuid = null, TimeSpan? timeout = null) =>
        SynapseHeaders.Sign(caller, _axon.Hotkey, body, nonce ?? Now(), uuid ?? Guid.NewGuid(), timeout ?? TimeSpan.FromSeconds(5));

    private async Task<(int Status, JsonElement Body)> PostAsync(SynapseHeaders headers, byte[] body, bool chunked = false)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "TextCompletion") { Content = new ByteArrayContent(body) };
        headers.WriteTo(message.Headers);
        message.Headers.TransferEncodingChunked = chunked;
        using var response = await _http.SendAsync(message);
        return await Read(response);
    }

    private static async Task<(int Status, JsonElement Body)> Read(HttpResponseMessage response) =>
        ((int)response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());

    private static async Task AssertRefused(int status, string code, Task<(int Status, JsonElement Body)> sent, string inDetail)
    {
        var (actual, body) = await sent;
        Assert.True((status, code) == (actual, body.GetProperty("error").GetString()), $"expected {status} {code}, got {actual} {body}");
        Assert.Contains(inDetail, body.GetProperty("detail").GetString());
    }
}
