using Microsoft.Playwright;

namespace Appliance.Tests.Web;

/// <summary>A page whose browser console must stay free of errors until it closes, and that saves screenshots.</summary>
public sealed class BrowserPage
{
    private readonly List<string> _errors;

    private BrowserPage(IPage page, List<string> errors)
    {
        Page = page;
        _errors = errors;
    }

    public IPage Page { get; }

    public static async Task<BrowserPage> OpenAsync(WebFixture web, ViewportSize? viewport = null)
    {
        var errors = new List<string>();
        return new BrowserPage(await web.NewPageAsync(errors, viewport), errors);
    }

    public async Task ScreenshotAsync(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = WebFixture.Screenshot(name), FullPage = true });

    /// <summary>Closes the page's browser context, then fails if the console logged an error.</summary>
    public async Task CloseAsync()
    {
        await Page.Context.CloseAsync();
        Assert.Empty(_errors);
    }
}
