using System.Net;

namespace Appliance.Axon;

/// <summary>The base URL of an axon at an address from the metagraph; an IPv6 address goes in brackets.</summary>
public static class AxonEndpoint
{
    public static Uri Url(string ip, int port) => new UriBuilder(Uri.UriSchemeHttp, IPAddress.Parse(ip).ToString(), port).Uri;
}
