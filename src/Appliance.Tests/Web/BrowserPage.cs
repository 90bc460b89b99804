using Microsoft.Playwright;

namespace Appliance.Tests.Web;

/// <summary>A page that records the browser console's errors, and saves screenshots next to the test binaries.</summary>
public sealed class BrowserPage
{
    private readonly List<string> errors = [];

    private BrowserPage(IPage page)
    {
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
    }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleErrors => errors;

    public static async Task<BrowserPage> OpenAsync(WebFixture web) => new(await web.NewPageAsync());

    public async Task ScreenshotAsync(string name)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{name}.png"), FullPage = true });
    }

    public async Task CloseAsync()
    {
        Assert.Empty(errors);
        await Page.Context.CloseAsync();
    }
}
