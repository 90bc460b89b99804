using System.CommandLine;
using Appliance.Contracts;

namespace Appliance.Cli;

/// <summary>--node URL: which node a command talks to.</summary>
public static class NodeOption
{
    public static Option<string> Create() => new("--node")
    {
        Description = "URL of the node's HTTP API",
        HelpName = "URL",
        DefaultValueFactory = _ => ApiRoutes.DefaultNodeUrl,
    };
}
