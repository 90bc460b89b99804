using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Appliance.Tests.Web;

[Collection("web")]
public sealed partial class WalletsPageTests(WebFixture web)
{
    private static readonly LocatorAssertionsToContainTextOptions Patiently = new() { Timeout = 30_000 };

    [Fact]
    public async Task Create_NewWallet_MnemonicShownOnceAndWalletListed()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var name = await CreateAsync(page, "correct horse", "correct horse");

        await Assertions.Expect(page.Locator("#action-result")).ToContainTextAsync($"Created wallet '{name}'", Patiently);
        var mnemonic = (await page.Locator("#wallet-mnemonic").TextContentAsync())!.Trim();
        Assert.Equal(12, mnemonic.Split(' ').Length);
        await Assertions.Expect(page.Locator($"#wallets-table tr[data-wallet='{name}']")).ToHaveCountAsync(1);
        Assert.Equal("", await page.InputValueAsync("#wallet-create-password"));
        await browser.ScreenshotAsync("wallets");

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator($"#wallets-table tr[data-wallet='{name}']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#wallet-mnemonic")).ToHaveCountAsync(0);
        Assert.DoesNotContain(mnemonic, await page.ContentAsync());
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Create_PasswordsDiffer_RefusedAndNothingCreated()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var name = await CreateAsync(page, "correct horse", "correct horsf");

        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("PasswordMismatch", Patiently);
        await Assertions.Expect(page.Locator("#wallet-mnemonic")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator($"#wallets-table tr[data-wallet='{name}']")).ToHaveCountAsync(0);
        Assert.False(Directory.Exists(Path.Combine(web.DataDir, "wallets", name)));
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Transfer_FromValidator_IncludedAndShownInTheExplorer()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var dest = UpData.FreshAddress();
        await page.GotoAsync("/wallets");

        await FillTransferAsync(page, UpData.WalletPassword(web), dest, "1.5");

        var result = page.Locator("#action-result.ok");
        await Assertions.Expect(result).ToContainTextAsync("success", Patiently);
        Assert.Equal("", await page.InputValueAsync("#transfer-password"));
        await page.ClickAsync("#action-result a.block-link");
        await page.WaitForURLAsync(BlockUrl());
        var extrinsic = page.Locator("#block-extrinsics tbody tr", new PageLocatorOptions { HasText = "Balances.transfer_allow_death" });
        await Assertions.Expect(extrinsic).ToContainTextAsync(dest, Patiently);
        await Assertions.Expect(extrinsic).ToContainTextAsync("success");
        var events = page.Locator("#block-events");
        await Assertions.Expect(events).ToContainTextAsync("Balances.Transfer");
        await Assertions.Expect(events).ToContainTextAsync("TransactionPayment.TransactionFeePaid");
        await Assertions.Expect(events).ToContainTextAsync("System.ExtrinsicSuccess");
        await browser.ScreenshotAsync("block");

        await page.GotoAsync($"/accounts/{dest}");
        await Assertions.Expect(page.Locator("#account-free")).ToHaveTextAsync("1.5 τ", new LocatorAssertionsToHaveTextOptions { Timeout = 30_000 });
        Assert.Equal(1_500_000_000UL, await UpData.FreeAsync(web.Up, dest));
        await browser.ScreenshotAsync("account");
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Transfer_WrongPassword_ErrorShownAndBalancesUnchanged()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var dest = UpData.FreshAddress();
        var sender = UpData.ColdkeyAddress(web, "validator1");
        var before = await UpData.FreeAsync(web.Up, sender);
        await page.GotoAsync("/wallets");

        await FillTransferAsync(page, "not the password", dest, "1.5");

        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("WrongPassword", Patiently);
        await Assertions.Expect(page.Locator("#action-result a.block-link")).ToHaveCountAsync(0);
        Assert.Equal("", await page.InputValueAsync("#transfer-password"));
        Assert.Equal(0UL, await UpData.FreeAsync(web.Up, dest));
        Assert.Equal(before, await UpData.FreeAsync(web.Up, sender));

        await FillTransferAsync(page, UpData.WalletPassword(web), "not-an-address", "1.5");
        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("InvalidAddress", Patiently);
        await FillTransferAsync(page, UpData.WalletPassword(web), dest, "1.5.0");
        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("InvalidAmount", Patiently);
        Assert.Equal(before, await UpData.FreeAsync(web.Up, sender));
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Transfer_MoreThanTheBalance_RefusedWithTheApiError()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await page.GotoAsync("/wallets");

        await FillTransferAsync(page, UpData.WalletPassword(web), UpData.FreshAddress(), "10000000");

        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("InsufficientBalance", Patiently);
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Stake_AddThenRemoveOnTheWalletsHotkey_BothIncluded()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var password = UpData.WalletPassword(web);
        await page.GotoAsync("/wallets");

        var previous = "";
        foreach (var button in new[] { "#stake-add-submit", "#stake-remove-submit" })
        {
            await page.SelectOptionAsync("#stake-wallet", "validator2");
            await page.FillAsync("#stake-password", password);
            await page.FillAsync("#stake-hotkey", "default");
            await page.FillAsync("#stake-netuid", "1");
            await page.FillAsync("#stake-amount", "0.5");
            await page.ClickAsync(button);
            var result = page.Locator($"#action-result.ok a.block-link:not([href='{previous}'])");
            await Assertions.Expect(result).ToHaveCountAsync(1, new LocatorAssertionsToHaveCountOptions { Timeout = 30_000 });
            var link = previous = (await result.GetAttributeAsync("href"))!;
            var block = await web.Up.GetAsync<System.Text.Json.JsonElement>($"/api{link}");
            var names = block.GetProperty("extrinsics").EnumerateArray().Select(e => e.GetProperty("call").GetProperty("name").GetString()).ToList();
            Assert.Contains(button == "#stake-add-submit" ? "add_stake" : "remove_stake", names);
        }
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Register_UnknownHotkeyName_RefusedBeforeSigning()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        await page.GotoAsync("/wallets");

        await page.SelectOptionAsync("#register-wallet", "miner1");
        await page.FillAsync("#register-password", UpData.WalletPassword(web));
        await page.FillAsync("#register-hotkey", "no-such-hotkey");
        await page.ClickAsync("#register-submit");

        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("HotkeyNotFound", Patiently);
        Assert.Equal("", await page.InputValueAsync("#register-password"));
        await browser.CloseAsync();
    }

    [Fact]
    public async Task Register_HotkeyAlreadyInTheSubnet_ShowsTheNodesRefusal()
    {
        var browser = await BrowserPage.OpenAsync(web);
        var page = browser.Page;
        var sender = UpData.ColdkeyAddress(web, "miner1");
        var before = await UpData.FreeAsync(web.Up, sender);
        await page.GotoAsync("/wallets");

        await page.SelectOptionAsync("#register-wallet", "miner1");
        await page.FillAsync("#register-password", UpData.WalletPassword(web));
        await page.FillAsync("#register-hotkey", "default");
        await page.FillAsync("#register-netuid", "1");
        await page.ClickAsync("#register-submit");

        await Assertions.Expect(page.Locator("#action-result.failed")).ToContainTextAsync("HotKeyAlreadyRegisteredInSubNet", Patiently);
        Assert.Equal(before, await UpData.FreeAsync(web.Up, sender));
        await browser.CloseAsync();
    }

    private static async Task FillTransferAsync(IPage page, string password, string to, string amount)
    {
        await page.SelectOptionAsync("#transfer-wallet", "validator1");
        await page.FillAsync("#transfer-password", password);
        await page.FillAsync("#transfer-to", to);
        await page.FillAsync("#transfer-amount", amount);
        await page.ClickAsync("#transfer-submit");
    }

    [GeneratedRegex(@"/blocks/\d+$")]
    private static partial Regex BlockUrl();

    /// <summary>Fills the create form for a fresh wallet name and submits it; returns the name.</summary>
    private static async Task<string> CreateAsync(IPage page, string password, string again)
    {
        var name = $"ui-{Guid.NewGuid():N}"[..11];
        await page.GotoAsync("/wallets");
        await page.FillAsync("#wallet-create-name", name);
        await page.FillAsync("#wallet-create-password", password);
        await page.FillAsync("#wallet-create-password2", again);
        await page.ClickAsync("#wallet-create-submit");
        return name;
    }
}
