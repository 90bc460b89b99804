using System.Net.Sockets;
using System.Text;

namespace Appliance.Tests.Security;

/// <summary>
/// A GET written byte for byte on a socket: HttpClient (System.Uri) would resolve "../" and decode "%2e" before
/// sending, and the point is to see what the server does with them.
/// </summary>
public static class RawHttp
{
    public static async Task<(int Status, string Response)> GetAsync(string baseUrl, string rawTarget)
    {
        var server = new Uri(baseUrl);
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port);
        await using var stream = client.GetStream();
        var request = $"GET {rawTarget} HTTP/1.1\r\nHost: {server.Authority}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
        // "HTTP/1.1 404 Not Found"
        return (int.Parse(response.Split(' ', 3)[1]), response);
    }
}
