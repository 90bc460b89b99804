using System.Text.Json;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Runtime.Pools;
using Appliance.Runtime.Subnets;
using Appliance.State;

namespace Appliance.Tests.Support;

/// <summary>
/// The dynamic TAO vectors in src/Appliance.Tests/Vectors/dtao: subtensor's swap, stake-limit, coinbase and moving
/// price tests (commit 14bc6f9f, each case naming its test and line) with the numbers our runtime must give. A
/// case is one theory row: its name and its JSON.
/// </summary>
public static class DtaoVectors
{
    public const string Commit = "14bc6f9f964b9cc362e9635dd110a487fa5d15a0";

    public static JsonElement Load(string file) => YumaVectors.Load(Path.Combine("dtao", file));

    public static IEnumerable<object[]> Cases(string file, string kind) =>
        Load(file).GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == kind)
            .Select(c => new object[] { c.GetProperty("name").GetString()!, c.GetRawText() });

    public static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static ulong U64(this JsonElement element, string name) => element.GetProperty(name).GetUInt64();

    /// <summary>Fixed-point bits, written as a decimal string (they can pass u64).</summary>
    public static UInt128 Bits(this JsonElement element, string name) => UInt128.Parse(element.GetProperty(name).GetString()!);

    public static bool Has(this JsonElement element, string name) => element.TryGetProperty(name, out _);

    /// <summary>The error a case expects, or null when it expects a result.</summary>
    public static DispatchErrorCode? ExpectedError(this JsonElement expected) =>
        expected.TryGetProperty("error", out var error) ? Enum.Parse<DispatchErrorCode>(error.GetString()!) : null;

    /// <summary>A per-subnet amount in rao (0 when unset).</summary>
    public static ulong At(this StorageMap<NetUid, Rao> item, IStateReader state, NetUid netuid) => item.GetOrDefault(state, netuid, Rao.Zero).Value;

    public static void SetPool(StateOverlay state, NetUid netuid, ulong tao, ulong alphaIn, ulong alphaOut = 0)
    {
        SubnetPools.SubnetTao.Set(state, netuid, new Rao(tao));
        SubnetPools.SubnetAlphaIn.Set(state, netuid, new Rao(alphaIn));
        SubnetPools.SubnetAlphaOut.Set(state, netuid, new Rao(alphaOut));
    }

    /// <summary>start_call done: the subnet emits and takes stake.</summary>
    public static void Start(StateOverlay state, NetUid netuid, ulong firstEmissionBlock = 1) =>
        SubnetPools.FirstEmissionBlock.Set(state, netuid, new U64(firstEmissionBlock));
}
