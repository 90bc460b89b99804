using System.Text;
using Appliance.Axon;
using Microsoft.AspNetCore.Http;

namespace Appliance.Fuzz.Targets;

/// <summary>
/// What an axon reads from a caller before any signature check: the synapse headers and the TextCompletion
/// body. The input is HTTP-like: "name: value" lines, an empty line, then the body.
/// </summary>
public sealed class SynapseTarget : IFuzzTarget
{
    private static readonly AxonLimits Limits = new();

    public string Name => "synapse";

    public void Run(byte[] input)
    {
        var split = input.AsSpan().IndexOf("\n\n"u8);
        var head = split < 0 ? input : input[..split];
        var body = split < 0 ? [] : input[(split + 2)..];
        var headers = new HeaderDictionary();
        foreach (var line in Encoding.UTF8.GetString(head).Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                var name = line[..colon].Trim();
                headers[name] = Microsoft.Extensions.Primitives.StringValues.Concat(headers[name], line[(colon + 1)..].Trim());
            }
        }
        if (SynapseHeaders.TryRead(headers, out var read, out var error) == (read is null) || error is null)
        {
            throw new InvalidOperationException("SynapseHeaders.TryRead's result, value and error disagree.");
        }
        if (TextCompletion.TryParse(body, Limits, out var request, out error) != (request?.Problem(Limits) is null && request is not null))
        {
            throw new InvalidOperationException("TextCompletion.TryParse accepted a request its limits refuse, or refused a valid one.");
        }
    }
}
