using System.CommandLine;
using System.Net;
using System.Net.Sockets;

namespace Appliance.Cli;

/// <summary>
/// IP address and port options of the neurons. A bad value is a usage error naming the option, reported
/// before a wallet is opened or a model loaded.
/// </summary>
internal static class AddressOptions
{
    private const int MaxPort = ushort.MaxValue;

    public static Option<IPAddress?> Ip(string name, string description, IPAddress? defaultValue = null, params string[] aliases)
    {
        var option = new Option<IPAddress?>(name, aliases)
        {
            Description = description,
            HelpName = "IP",
            CustomParser = result =>
            {
                var text = result.Tokens.Single().Value;
                // IPAddress.TryParse also reads "10" or "127.1" as IPv4; an address given here has four parts.
                if (IPAddress.TryParse(text, out var address) && (address.AddressFamily != AddressFamily.InterNetwork || text.Count(c => c == '.') == 3))
                {
                    return address;
                }
                result.AddError($"{name} '{text}' is not an IP address.");
                return null;
            },
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }
        return option;
    }

    /// <summary>A TCP port from <paramref name="min"/> (0 where it means any free port) to 65535.</summary>
    public static Option<int?> Port(string name, string description, int min, int? defaultValue = null, params string[] aliases)
    {
        var option = new Option<int?>(name, aliases) { Description = description, HelpName = "PORT" };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } port && (port < min || port > MaxPort))
            {
                result.AddError($"{name} must be {min} to {MaxPort}, got {port}.");
            }
        });
        return option;
    }
}
