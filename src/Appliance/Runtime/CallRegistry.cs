using Appliance.Runtime.Balances;
using Appliance.Runtime.Registration;
using Appliance.Runtime.Serving;
using Appliance.Runtime.Staking;
using Appliance.Runtime.Subnets;
using Appliance.Runtime.Weights;
using Appliance.Scale;

namespace Appliance.Runtime;

/// <summary>
/// The runtime's calls by (module index, call index). Module indices follow subtensor's runtime
/// (System 0, Balances 5, TransactionPayment 6, SubtensorModule 7, AdminUtils 19) and so do call indices.
/// </summary>
public static class CallRegistry
{
    private static readonly Dictionary<(byte, byte), CallInfo> Calls = new CallInfo[]
    {
        TransferAllowDeath.CallInfo,
        TransferKeepAlive.CallInfo,
        RegisterNetwork.CallInfo,
        SudoSetHyperparameter.CallInfo,
        BurnedRegister.CallInfo,
        AddStake.CallInfo,
        RemoveStake.CallInfo,
        AddStakeLimit.CallInfo,
        RemoveStakeLimit.CallInfo,
        MoveStake.CallInfo,
        TransferStake.CallInfo,
        SwapStake.CallInfo,
        StartCall.CallInfo,
        SetTake.DecreaseInfo,
        SetTake.IncreaseInfo,
        SetWeights.CallInfo,
        CommitWeights.CallInfo,
        RevealWeights.CallInfo,
        ServeAxon.CallInfo,
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
