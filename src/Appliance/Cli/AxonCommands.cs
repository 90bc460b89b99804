using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Appliance.Primitives;
using Appliance.Runtime.Serving;

namespace Appliance.Cli;

/// <summary><c>appliance axon serve</c>: announces where the hotkey's axon listens (serve_axon).</summary>
public static class AxonCommands
{
    public static Command Create(CliConsole console)
    {
        var axon = new Command("axon", "Announce a neuron's axon endpoint");
        var signed = new SignedCommand();
        var netuid = SubnetCommands.NetuidOption();
        var ip = new Option<string>("--ip") { Description = "IPv4 or IPv6 address", DefaultValueFactory = _ => "127.0.0.1" };
        var port = new Option<ushort>("--port") { Description = "TCP port", Required = true };
        var protocol = new Option<byte>("--protocol") { Description = "Protocol number (bittensor uses 4)", DefaultValueFactory = _ => 4 };
        var version = new Option<uint>("--version") { Description = "Axon version", DefaultValueFactory = _ => 1 };
        var serve = signed.Create("serve", "serve_axon: record the endpoint on chain, signed by the hotkey", netuid, ip, port, protocol, version);
        serve.SetAction(async (parse, cancellation) =>
        {
            if (!IPAddress.TryParse(parse.GetValue(ip)!, out var address))
            {
                throw new CliError($"Usage: --ip '{parse.GetValue(ip)}' is not an IP address.", 2);
            }
            using var hotkey = signed.OpenHotkey(parse);
            var call = new ServeAxon(new NetUid(parse.GetValue(netuid)), parse.GetValue(version), AxonInfo.IpNumber(address), parse.GetValue(port),
                address.AddressFamily == AddressFamily.InterNetwork ? (byte)4 : (byte)6, parse.GetValue(protocol));
            return await signed.SubmitAsync(parse, console, hotkey, call, cancellation);
        });
        axon.Subcommands.Add(serve);
        return axon;
    }
}
