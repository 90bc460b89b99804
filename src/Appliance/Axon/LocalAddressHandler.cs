using System.Net;
using System.Net.Sockets;

namespace Appliance.Axon;

/// <summary>
/// HTTP connections that leave from one local address: a validator on a machine with several (a VPN, a
/// second network card) calls miners and the node from the one their firewalls let in; on one box, each
/// neuron can take its own loopback address as if it were its own machine.
/// </summary>
public static class LocalAddressHandler
{
    public static SocketsHttpHandler Create(IPAddress local) => new()
    {
        ConnectCallback = async (context, cancellation) =>
        {
            var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellation);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };

    /// <summary>Why <paramref name="local"/> cannot be bound on this machine, or null when it can.</summary>
    public static string? Problem(IPAddress local)
    {
        using var socket = new Socket(local.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(local, 0));
            return null;
        }
        catch (SocketException e)
        {
            return e.Message;
        }
    }
}
