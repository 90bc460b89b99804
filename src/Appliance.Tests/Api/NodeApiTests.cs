using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Appliance.Chain;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Tests.Support;

namespace Appliance.Tests.Api;

/// <summary>The node's HTTP API over real HTTP on 127.0.0.1.</summary>
public sealed class NodeApiTests : IAsyncLifetime
{
    private const string Bob = "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E";
    private readonly Appliance.Crypto.Ed25519KeyPair _alice = TestChain.Key("//Alice");
    private readonly Appliance.Crypto.Ed25519KeyPair _bob = TestChain.Key("//Bob");
    private TestNode _node = null!;
    private Hash256 _genesis;

    public async Task InitializeAsync()
    {
        _node = await TestNode.StartAsync();
        Assert.True(Hash256.TryParse((await _node.GetJsonAsync("/api/chain/head")).GetProperty("genesis_hash").GetString()!, out _genesis));
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _alice.Dispose();
        _bob.Dispose();
    }

    [Fact]
    public async Task Head_AdvancesWithBlocks()
    {
        var first = (await _node.GetJsonAsync("/api/chain/head")).GetProperty("number").GetUInt64();
        await _node.WaitForBlocksAsync(2);
        var later = await _node.GetJsonAsync("/api/chain/head");

        Assert.True(later.GetProperty("number").GetUInt64() >= first + 2);
        Assert.Equal(_genesis.ToString(), later.GetProperty("genesis_hash").GetString());
    }

    [Fact]
    public async Task Transfer_Submitted_IsIncluded_AndVisibleInBlockAccountAndExtrinsic()
    {
        var extrinsic = await SignAsync(_alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(3 * Rao.PerTao)));

        var (status, body) = await _node.PostExtrinsicAsync("0x" + Convert.ToHexStringLower(extrinsic.Encoded));
        Assert.Equal(202, status);
        Assert.Equal(extrinsic.Hash.ToString(), body.GetProperty("hash").GetString());
        var included = await _node.WaitForInclusionAsync(extrinsic.Hash.ToString());

        Assert.True(included.GetProperty("success").GetBoolean());
        var block = await _node.GetJsonAsync($"/api/blocks/{included.GetProperty("block").GetUInt64()}");
        var inBlock = Assert.Single(block.GetProperty("extrinsics").EnumerateArray());
        Assert.Equal("transfer_allow_death", inBlock.GetProperty("call").GetProperty("name").GetString());
        Assert.Equal(Bob, inBlock.GetProperty("call").GetProperty("args").GetProperty("dest").GetString());
        Assert.Contains(block.GetProperty("events").EnumerateArray(), e => e.GetProperty("name").GetString() == "Transfer");
        var byHash = await _node.GetJsonAsync($"/api/blocks/{block.GetProperty("hash").GetString()}");
        Assert.Equal(block.GetProperty("number").GetUInt64(), byHash.GetProperty("number").GetUInt64());
        var account = await _node.GetJsonAsync($"/api/accounts/{Bob}");
        Assert.Equal(3 * Rao.PerTao, account.GetProperty("free").GetUInt64());
    }

    [Fact]
    public async Task BadSubmissions_Each400WithNamedReason_StateRootUnchanged()
    {
        var valid = await SignAsync(_alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(Rao.PerTao)));
        await _node.PostExtrinsicAsync(Hex(valid.Encoded));
        await _node.WaitForInclusionAsync(valid.Hash.ToString());
        var root = (await _node.GetJsonAsync("/api/chain/head")).GetProperty("state_root").GetString();

        var badSignature = (await SignAsync(_alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(Rao.PerTao)))).Encoded;
        badSignature[40] ^= 0xff;
        var wrongGenesis = SignedExtrinsic.Create(_alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(Rao.PerTao)), 1, Rao.Zero, Hash256.Of("other chain"u8), RuntimeVersion.SpecVersion);
        var unfunded = await SignAsync(TestChain.Key("//Charlie"), new TransferAllowDeath(AccountId.Parse(Bob), new Rao(Rao.PerTao)));
        var tooMuch = await SignAsync(_alice, new TransferAllowDeath(AccountId.Parse(Bob), new Rao(2_000_000 * Rao.PerTao)));
        var cases = new (string Hex, string Code)[]
        {
            ("0xnot-hex", "MalformedHex"),
            (Hex(valid.Encoded[..40]), "Undecodable"),
            (Hex(badSignature), "BadSignature"),
            (Hex(wrongGenesis.Encoded), "WrongGenesis"),
            (Hex(valid.Encoded), "StaleNonce"),
            (Hex(unfunded.Encoded), "CannotPayFee"),
            (Hex(tooMuch.Encoded), "InsufficientBalance"),
            (Hex(new byte[70_000]), "TooLarge"),
        };

        foreach (var (hex, code) in cases)
        {
            var (status, body) = await _node.PostExtrinsicAsync(hex);
            Assert.Equal((400, code), (status, body.GetProperty("error").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        }
        await _node.WaitForBlocksAsync(2);
        Assert.Equal(root, (await _node.GetJsonAsync("/api/chain/head")).GetProperty("state_root").GetString());
    }

    [Fact]
    public async Task NotJson_And_UnknownThings_GetProblemDetails()
    {
        using var notJson = await _node.Http.PostAsync("/api/extrinsics", new StringContent("hello"));
        var missingBlock = await _node.Http.GetAsync("/api/blocks/999999");
        var badAddress = await _node.Http.GetAsync("/api/accounts/5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpX");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("InvalidRequest", (await notJson.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.NotFound, missingBlock.StatusCode);
        Assert.Equal("BlockNotFound", (await missingBlock.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        Assert.Equal("application/problem+json", missingBlock.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badAddress.StatusCode);
        Assert.Contains("checksum", (await badAddress.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SecondNodeOnTheSameDataDir_RefusedAtStart()
    {
        var error = await Assert.ThrowsAsync<Appliance.Storage.DataDirectoryInUseException>(() => TestNode.StartAsync(_node.DataDir));

        Assert.StartsWith("DataDirInUse:", error.Message);
    }

    [Theory]
    [InlineData("/api/blocks?before=0", "InvalidBefore")]
    [InlineData("/api/blocks?count=abc", "InvalidCount")]
    [InlineData("/api/nothing-here", "NotFound")]
    public async Task BadQueriesAndRoutes_ProblemDetailsWithErrorCode(string path, string code)
    {
        using var response = await _node.Http.GetAsync(path);

        Assert.False(response.IsSuccessStatusCode);
        Assert.Equal(code, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Events_StreamsSealedBlocks()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        using var stream = await _node.Http.GetStreamAsync("/api/events", cancel.Token);
        using var reader = new StreamReader(stream);

        var blocks = new List<JsonElement>();
        while (blocks.Count < 2)
        {
            var line = await reader.ReadLineAsync(cancel.Token);
            if (line is not null && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                blocks.Add(JsonDocument.Parse(line[6..]).RootElement.Clone());
            }
        }

        Assert.Equal(blocks[0].GetProperty("number").GetUInt64() + 1, blocks[1].GetProperty("number").GetUInt64());
        Assert.Equal(blocks[0].GetProperty("hash").GetString(), blocks[1].GetProperty("parent_hash").GetString());
    }

    private async Task<SignedExtrinsic> SignAsync(Appliance.Crypto.Ed25519KeyPair key, Appliance.Runtime.RuntimeCall call)
    {
        var account = await _node.GetJsonAsync($"/api/accounts/{new AccountId(key.PublicKey)}");
        return SignedExtrinsic.Create(key, call, account.GetProperty("next_nonce").GetUInt64(), Rao.Zero, _genesis, RuntimeVersion.SpecVersion);
    }

    private static string Hex(byte[] bytes) => "0x" + Convert.ToHexStringLower(bytes);
}
