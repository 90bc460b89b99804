using Appliance.Chain;
using Appliance.Scale;

namespace Appliance.Fuzz.Targets;

/// <summary>
/// The node's first contact with a submitted extrinsic: SCALE decoding of a signed v4 extrinsic and its call.
/// Decoding is strict, so whatever decodes must encode back to the same bytes.
/// </summary>
public sealed class ExtrinsicTarget : IFuzzTarget
{
    public string Name => "extrinsic";

    public void Run(byte[] input)
    {
        SignedExtrinsic decoded;
        try
        {
            decoded = SignedExtrinsic.Decode(input);
        }
        catch (FormatException)
        {
            return;
        }
        var call = new ScaleWriter();
        decoded.Call.Write(call);
        if (!input.AsSpan().EndsWith(call.ToArray()))
        {
            throw new InvalidOperationException($"The decoded {decoded.Call.Info.Name} call does not encode back to the bytes it came from.");
        }
    }
}
