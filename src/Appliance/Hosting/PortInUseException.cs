using System.Net;
using System.Net.Sockets;

namespace Appliance.Hosting;

/// <summary>
/// A listen address another process holds. <see cref="ThrowIfAnyInUse"/> tries each address before the node
/// opens its data folder, so a busy port changes nothing on disk; Kestrel's own bind failure (a port taken
/// in between) is turned into the same error by <see cref="IsAddressInUse"/>.
/// </summary>
public sealed class PortInUseException(string endpoint) : Exception($"PortInUse: {endpoint} is in use")
{
    /// <param name="urls">ASP.NET's Urls setting: URLs separated by ';'.</param>
    public static void ThrowIfAnyInUse(string urls)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri) || uri.Port == 0)
            {
                continue;
            }
            var address = uri.Host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(uri.Host, out var parsed) ? parsed : null;
            if (address is not null && !CanBind(address, uri.Port))
            {
                throw new PortInUseException($"{uri.Host}:{uri.Port}");
            }
        }
    }

    /// <summary>Whether <paramref name="e"/> (from starting the web host) is a bind to an address already in use; the address is in its message.</summary>
    public static bool IsAddressInUse(Exception e) =>
        e is IOException { InnerException: SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } } or SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse };

    private static bool CanBind(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        // As Kestrel binds: a port left in TIME_WAIT by an earlier run is free, one that something listens on is not.
        socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return false;
        }
        catch (SocketException)
        {
            // Any other refusal (an address not on this machine, a privileged port) is Kestrel's to report.
            return true;
        }
    }
}
