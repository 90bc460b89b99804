using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>The error policy: one line "error: Code: detail", exit 2 for usage and malformed input, 1 for refusals.</summary>
public sealed class CliErrorTests : IDisposable
{
    private const string Bob = "5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E";
    private readonly TempDirectory _wallets = new();
    private readonly CliRunner _cli;

    public CliErrorTests()
    {
        _cli = new CliRunner(_wallets.Path);
    }

    public void Dispose() => _wallets.Dispose();

    [Theory]
    [InlineData("notaurl")]
    [InlineData("localhost:9944")]
    [InlineData("ftp://127.0.0.1:9944")]
    public async Task NodeOption_NotAnHttpUrl_BadNodeUrlExitTwo(string url)
    {
        var result = await _cli.RunAsync("chain", "head", "--node", url);

        AssertOneLine(result, 2, $"error: BadNodeUrl: '{url}' is not an http(s) URL; pass --node like http://127.0.0.1:9944.");
    }

    [Fact]
    public async Task Transfer_BadNodeUrl_RefusedBeforeThePasswordIsRead()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");

        var result = await _cli.RunAsync("transfer", "--wallet", "alice", "--to", Bob, "--amount", "1", "--node", "notaurl", "--wallets-dir", _wallets.Path);

        AssertOneLine(result, 2, "error: BadNodeUrl: 'notaurl'");
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("1.0000000001")]
    [InlineData("one")]
    public async Task Transfer_MalformedAmount_InvalidAmountExitTwo(string amount)
    {
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");

        var result = await _cli.RunAsync("transfer", "--wallet", "alice", "--to", Bob, "--amount", amount, "--wallets-dir", _wallets.Path, "--password-env", "PW",
            "--node", "http://127.0.0.1:9");

        AssertOneLine(result, 2, "error: InvalidAmount: ");
    }

    [Fact]
    public async Task Transfer_MalformedAddress_InvalidAddressExitTwo()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");

        var result = await _cli.RunAsync("transfer", "--wallet", "alice", "--to", "5notanaddress", "--amount", "1", "--wallets-dir", _wallets.Path, "--password-env", "PW");

        AssertOneLine(result, 2, "error: InvalidAddress: ");
    }

    [Theory]
    [InlineData("--netuid", "-1", "error: Usage: --netuid must be 0…65535, got -1 (add --help for usage)")]
    [InlineData("--netuid", "65536", "error: Usage: --netuid must be 0…65535, got 65536 (add --help for usage)")]
    [InlineData("--version-key", "-3", "error: Usage: --version-key must be 0…18446744073709551615, got -3 (add --help for usage)")]
    public async Task IntegerOption_OutOfRange_UsageNamingTheRangeExitTwo(string option, string value, string line)
    {
        string[] netuid = option == "--netuid" ? [] : ["--netuid", "1"];

        var result = await _cli.RunAsync(["weights", "set", .. netuid, "--uids", "1", "--values", "1", "--wallet", "w", option, value]);

        AssertOneLine(result, 2, line);
        Assert.DoesNotContain("System.", result.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\n\n")]
    public async Task WalletCreate_EmptyPasswordFromAPipe_NoPassword(string stdin)
    {
        var result = await _cli.RunWithInputAsync(stdin, "wallet", "create", "--name", "w");

        AssertOneLine(result, 1, "error: NoPassword: stdin is not a terminal and gave no password; pipe it on its own line or pass --password-env VAR.");
        Assert.False(Directory.Exists(Path.Combine(_wallets.Path, "w")));
    }

    [Fact]
    public async Task WalletCreate_PasswordPipedOnce_NoPasswordSayingItIsReadTwice()
    {
        var result = await _cli.RunWithInputAsync("correct horse\n", "wallet", "create", "--name", "w");

        AssertOneLine(result, 1, "error: NoPassword: stdin gave the password once; a new coldkey reads it twice");
        Assert.False(Directory.Exists(Path.Combine(_wallets.Path, "w")));
    }

    [Fact]
    public async Task StakeAdd_EmptyPasswordFromAPipe_NoPasswordNothingSubmitted()
    {
        await using var node = await TestNode.StartAsync();
        await new OwnedSubnets(_cli, node, _wallets.Path).CreateAsync();
        var before = (await node.GetJsonAsync("/api/accounts/5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu")).GetProperty("next_nonce").GetUInt64();

        var result = await _cli.RunWithInputAsync("\n", "stake", "add", "--netuid", "1", "--wallet", "owner", "--amount", "1", "--node", node.Url, "--wallets-dir", _wallets.Path);

        // The pool's quote comes before the password is asked; the error is still one line.
        var lines = result.Error.TrimEnd().Split('\n');
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Quote: 1.000000000 τ buys about ", lines[0]);
        Assert.StartsWith("error: NoPassword: ", lines[1]);
        var alice = await node.GetJsonAsync("/api/accounts/5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu");
        Assert.Equal(before, alice.GetProperty("next_nonce").GetUInt64());
    }

    [Theory]
    [InlineData("chain", "head")]
    [InlineData("metagraph", "--netuid", "1")]
    [InlineData("transfer", "--wallet", "alice", "--to", Bob, "--amount", "1", "--password-env", "PW", "--wallets-dir")]
    [InlineData("stake", "add", "--netuid", "1", "--wallet", "alice", "--amount", "1", "--password-env", "PW", "--wallets-dir")]
    public async Task AnyCommand_NodeUnreachable_OneLineExitOne(params string[] args)
    {
        await _cli.RunAsync("wallet", "regen", "--name", "alice", "--uri", "//Alice", "--password-env", "PW");
        await _cli.RunAsync("wallet", "new-hotkey", "--name", "alice", "--hotkey", "default");
        string[] walletsDir = args[^1] == "--wallets-dir" ? [_wallets.Path] : [];

        var result = await _cli.RunAsync([.. args, .. walletsDir, "--node", "http://127.0.0.1:9"]);

        AssertOneLine(result, 1, "error: NodeUnreachable: no node answers at http://127.0.0.1:9/ (Connection refused");
    }

    private static void AssertOneLine(CliResult result, int exitCode, string line)
    {
        Assert.Equal(exitCode, result.ExitCode);
        Assert.StartsWith(line, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }
}
