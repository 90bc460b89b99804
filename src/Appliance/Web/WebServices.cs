using Appliance.Node;
using Appliance.Queries;

namespace Appliance.Web;

/// <summary>
/// The web UI: Blazor components in the interactive server render mode, served by the appliance itself.
/// Pages read the chain through <see cref="ChainQueries"/> and re-render on every block from the
/// <see cref="ChainEventHub"/> (docs/web-ui.md).
/// </summary>
public static class WebServices
{
    public static void AddWeb(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddSingleton<Wallets.WalletActions>();
        services.AddScoped<AdminSession>();
    }

    public static void MapWeb(this WebApplication app)
    {
        // The repository's wwwroot (copied next to the executable) and the framework's blazor.web.js.
        app.UseStaticFiles();
        app.MapStaticAssets();
        app.UseAntiforgery();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
    }
}
