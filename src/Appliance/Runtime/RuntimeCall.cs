using System.Text.Json.Nodes;
using Appliance.Scale;

namespace Appliance.Runtime;

/// <summary>
/// A dispatchable call: (module index, call index, SCALE arguments) as in Substrate, with the logic that
/// applies it. One subclass per call, in its module's folder, named after the call.
/// </summary>
public abstract record RuntimeCall
{
    public abstract CallInfo Info { get; }

    public abstract void WriteArgs(ScaleWriter writer);

    /// <summary>The arguments as JSON for the API and explorer (addresses as SS58, amounts in rao).</summary>
    public abstract JsonObject Describe();

    /// <summary>Checks everything first, then writes; returns the reason when the call is refused.</summary>
    public abstract DispatchError? Dispatch(DispatchContext context);

    public void Write(ScaleWriter writer)
    {
        writer.U8(Info.ModuleIndex).U8(Info.CallIndex);
        WriteArgs(writer);
    }

    public byte[] Encode()
    {
        var writer = new ScaleWriter();
        Write(writer);
        return writer.ToArray();
    }
}

/// <summary>Where a call sits in the runtime: its module and call indices and names.</summary>
/// <param name="PaysFee">False for the calls subtensor marks Pays::No (weights, serving): their rate limits are the spam guard.</param>
public sealed record CallInfo(byte ModuleIndex, string Module, byte CallIndex, string Name, Func<ScaleReader, RuntimeCall> Read, bool PaysFee = true);
