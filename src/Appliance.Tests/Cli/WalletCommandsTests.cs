using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>The wallet commands end to end through the real command tree and real files.</summary>
public sealed class WalletCommandsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly CliRunner _cli;

    public WalletCommandsTests()
    {
        _cli = new CliRunner(_temp.Path);
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Create_List_Show_Regen_GiveTheSameAddresses()
    {
        var created = await _cli.RunAsync("wallet", "create", "--name", "miner", "--hotkey", "h1", "--password-env", "PW", "--json");
        Assert.Equal(0, created.ExitCode);
        var coldkey = created.Json.GetProperty("wallet").GetProperty("coldkey").GetString()!;
        var hotkey = created.Json.GetProperty("wallet").GetProperty("hotkeys")[0].GetProperty("address").GetString()!;
        var coldPhrase = created.Json.GetProperty("coldkey_mnemonic").GetString()!;
        var hotPhrase = created.Json.GetProperty("hotkey_mnemonic").GetString()!;

        var listed = await _cli.RunAsync("wallet", "list", "--json");
        Assert.Equal(coldkey, listed.Json[0].GetProperty("coldkey").GetString());
        Assert.Equal(hotkey, listed.Json[0].GetProperty("hotkeys")[0].GetProperty("address").GetString());

        var shown = await _cli.RunAsync("wallet", "show", "--name", "miner");
        Assert.Contains(coldkey, shown.Output);
        Assert.Contains(hotkey, shown.Output);

        var regenerated = await _cli.RunAsync("wallet", "regen", "--name", "copy", "--mnemonic", coldPhrase, "--password-env", "PW", "--json");
        Assert.Equal(0, regenerated.ExitCode);
        Assert.Equal(coldkey, regenerated.Json.GetProperty("coldkey").GetString());

        var regeneratedHotkey = await _cli.RunAsync("wallet", "regen", "--name", "copy", "--hotkey", "h1", "--mnemonic", hotPhrase, "--json");
        Assert.Equal(hotkey, regeneratedHotkey.Json.GetProperty("hotkeys")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task Create_PrintsMnemonicsAndAddressesOnce()
    {
        var created = await _cli.RunWithInputAsync("correct horse\ncorrect horse\n", "wallet", "create", "--name", "w");

        Assert.Equal(0, created.ExitCode);
        Assert.Matches(@"coldkey mnemonic: (\w+ ){11}\w+", created.Output);
        Assert.Matches(@"coldkey\s+5\w{47}", created.Output);
        var shown = await _cli.RunAsync("wallet", "show", "--name", "w");
        Assert.DoesNotContain("mnemonic", shown.Output);
    }

    [Fact]
    public async Task Regen_DevUri_GivesAlice()
    {
        var result = await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW", "--json");

        Assert.Equal("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", result.Json.GetProperty("coldkey").GetString());
    }

    [Fact]
    public async Task Sign_ThenVerify_ValidForTheMessage_InvalidForAnother()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");

        var signed = await _cli.RunAsync("wallet", "sign", "--name", "dev", "--message", "hello subnet", "--password-env", "PW");
        var signature = signed.Output.Trim();
        Assert.Matches("^0x[0-9a-f]{128}$", signature);

        var valid = await _cli.RunAsync("wallet", "verify", "--address", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "--message", "hello subnet", "--signature", signature);
        var other = await _cli.RunAsync("wallet", "verify", "--address", "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "--message", "hello subnet!", "--signature", signature);
        Assert.Equal((0, "valid"), (valid.ExitCode, valid.Output.Trim()));
        Assert.Equal((1, "invalid"), (other.ExitCode, other.Output.Trim()));
    }

    [Fact]
    public async Task Sign_WithHotkey_VerifiesAgainstHotkeyAddress()
    {
        var created = await _cli.RunAsync("wallet", "create", "--name", "w", "--password-env", "PW", "--json");
        var hotkey = created.Json.GetProperty("wallet").GetProperty("hotkeys")[0].GetProperty("address").GetString()!;

        var signed = await _cli.RunAsync("wallet", "sign", "--name", "w", "--hotkey", "default", "--message", "m");
        var verified = await _cli.RunAsync("wallet", "verify", "--address", hotkey, "--message", "m", "--signature", signed.Output.Trim());

        Assert.Equal(0, verified.ExitCode);
    }

    [Fact]
    public async Task Sign_WrongPassword_OneLineErrorAndNonZeroExit()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");
        _cli.Environment["BAD"] = "not the password";

        var result = await _cli.RunAsync("wallet", "sign", "--name", "dev", "--message", "m", "--password-env", "BAD");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: WrongPassword:", result.Error);
    }

    [Fact]
    public async Task Sign_TamperedColdkey_OneLineErrorAndNonZeroExit()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");
        var path = _temp.Combine("dev", "coldkey");
        var text = File.ReadAllText(path);
        var at = text.IndexOf("\"ciphertext\": \"0x", StringComparison.Ordinal) + 20;
        File.WriteAllText(path, text[..at] + (text[at] == '0' ? '1' : '0') + text[(at + 1)..]);

        var result = await _cli.RunAsync("wallet", "sign", "--name", "dev", "--message", "m", "--password-env", "PW");

        Assert.Equal(1, result.ExitCode);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: KeyfileCorrupted:", result.Error);
    }

    [Theory]
    [InlineData("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpX", "0x00", "checksum")]
    [InlineData("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "0xzz", "not hex")]
    [InlineData("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", "0x0011", "64 bytes, got 2")]
    public async Task Verify_MalformedInput_ExitTwoNamingIt(string address, string signature, string mention)
    {
        var result = await _cli.RunAsync("wallet", "verify", "--address", address, "--message", "m", "--signature", signature);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(mention, result.Error);
    }

    [Fact]
    public async Task Create_ExistingWallet_RefusedAndUnchanged()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");

        var result = await _cli.RunAsync("wallet", "create", "--name", "dev", "--password-env", "PW");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: WalletExists:", result.Error);
        Assert.Contains("5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu", (await _cli.RunAsync("wallet", "show", "--name", "dev")).Output);
    }

    [Theory]
    [InlineData("short", "WeakPassword")]
    [InlineData(null, "PasswordMissing")]
    public async Task Create_BadPassword_Refused(string? password, string code)
    {
        if (password is not null)
        {
            _cli.Environment["PW"] = password;
        }
        else
        {
            _cli.Environment.Remove("PW");
        }

        var result = await _cli.RunAsync("wallet", "create", "--name", "w", "--password-env", "PW");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: {code}:", result.Error);
        Assert.False(Directory.Exists(_temp.Combine("w")));
    }

    [Fact]
    public async Task Create_BadHotkeyName_WritesNothing()
    {
        var result = await _cli.RunAsync("wallet", "create", "--name", "w", "--hotkey", "../x", "--password-env", "PW");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: InvalidHotkeyName:", result.Error);
        Assert.False(Directory.Exists(_temp.Combine("w")));
    }

    [Fact]
    public async Task Create_RetypedPasswordDiffers_Refused()
    {
        var result = await _cli.RunWithInputAsync("correct horse\ncorrect horsf\n", "wallet", "create", "--name", "w");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: PasswordMismatch:", result.Error);
    }

    [Fact]
    public async Task NewHotkey_AddsAHotkeyShownByList()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");

        var added = await _cli.RunAsync("wallet", "new-hotkey", "--name", "dev", "--hotkey", "miner1", "--json");
        var listed = await _cli.RunAsync("wallet", "list");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains(added.Json.GetProperty("wallet").GetProperty("hotkeys")[0].GetProperty("address").GetString()!, listed.Output);
        Assert.Contains("hotkey miner1", listed.Output);
    }

    [Fact]
    public async Task Regen_OverExistingWallet_NeedsOverwrite()
    {
        await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");

        var refused = await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Bob", "--password-env", "PW");
        var replaced = await _cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Bob", "--password-env", "PW", "--overwrite", "--json");

        Assert.StartsWith("error: WalletExists:", refused.Error);
        Assert.Equal("5GoNkf6WdbxCFnPdAnYYQyCjAKPJgLNxXwPjwTh6DGg6gN3E", replaced.Json.GetProperty("coldkey").GetString());
    }

    [Fact]
    public async Task Regen_BothOrNeitherSecret_UsageError()
    {
        var neither = await _cli.RunAsync("wallet", "regen", "--name", "w");
        var both = await _cli.RunAsync("wallet", "regen", "--name", "w", "--uri", "//Bob", "--mnemonic", "x");

        Assert.Equal(2, neither.ExitCode);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("exactly one of --mnemonic or --uri", both.Error);
        Assert.Single(both.Error.TrimEnd().Split('\n'));
    }
}
