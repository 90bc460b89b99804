using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Routing;

namespace Appliance.Tests.Security;

/// <summary>Requests to the admin routes as the endpoint data source lists them, not as a hand-written list.</summary>
public static class AdminRequests
{
    /// <summary>Every (method, path) of an endpoint under /api/admin, its route parameters filled with "1".</summary>
    public static IReadOnlyList<(string Method, string Path)> Routes(InProcessUp up) =>
        up.Endpoints
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/admin", StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => (method, Fill(e))))
            .ToList();

    public static HttpRequestMessage Request(string method, string path, string? token, string body = "{}")
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return request;
    }

    private static string Fill(RouteEndpoint endpoint) =>
        "/" + string.Join('/', endpoint.RoutePattern.PathSegments.Select(segment =>
            string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                _ => "1",
            }))));
}
