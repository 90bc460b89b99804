using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Appliance.Web;

/// <summary>
/// The web UI: Blazor components rendered on the server by the appliance itself. The interactive render
/// modes need blazor.web.js, which our registry lacks; instead wwwroot/live.js re-renders the live parts of a
/// page on every block from /api/events (docs/web-ui.md).
/// </summary>
public static class WebServices
{
    public static void AddWeb(this IServiceCollection services)
    {
        services.AddRazorComponents();
        services.AddSingleton<ChainReader>();
    }

    public static void MapWeb(this WebApplication app)
    {
        app.UseStaticFiles();
        app.UseAntiforgery();
        app.MapRazorComponents<App>();
    }
}
