using Appliance.Runtime.Balances;
using Appliance.Scale;

namespace Appliance.Runtime;

/// <summary>
/// The runtime's calls by (module index, call index). Module indices follow subtensor's runtime
/// (System 0, Balances 5, TransactionPayment 6, SubtensorModule 7).
/// </summary>
public static class CallRegistry
{
    private static readonly Dictionary<(byte, byte), CallInfo> Calls = new CallInfo[]
    {
        TransferAllowDeath.CallInfo,
        TransferKeepAlive.CallInfo,
    }.ToDictionary(c => (c.ModuleIndex, c.CallIndex));

    public static RuntimeCall Read(ScaleReader reader)
    {
        var start = reader.Offset;
        var module = reader.U8();
        var call = reader.U8();
        return Calls.TryGetValue((module, call), out var info)
            ? info.Read(reader)
            : throw new ScaleFormatException($"UnknownCall: no call {call} in module {module} (at offset {start}).");
    }
}
