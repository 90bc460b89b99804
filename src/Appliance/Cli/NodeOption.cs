using System.CommandLine;
using Appliance.Contracts;

namespace Appliance.Cli;

/// <summary>--node URL: which node a command talks to; anything but an absolute http(s) URL is BadNodeUrl at parse time.</summary>
public static class NodeOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--node")
        {
            Description = "URL of the node's HTTP API",
            HelpName = "URL",
            DefaultValueFactory = _ => ApiRoutes.DefaultNodeUrl,
        };
        option.Validators.Add(result =>
        {
            var text = result.GetValueOrDefault<string>();
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            {
                result.AddError($"BadNodeUrl: '{text}' is not an http(s) URL; pass --node like {ApiRoutes.DefaultNodeUrl}.");
            }
        });
        return option;
    }
}
