using System.Text.Json.Nodes;
using Appliance.Primitives;
using Appliance.State;

namespace Appliance.Runtime;

/// <summary>What a call sees while it runs: the state overlay to write, its origin, the block, and the event sink.</summary>
public sealed class DispatchContext(StateOverlay state, AccountId signer, ulong blockNumber, List<RuntimeEvent> events, int? extrinsicIndex)
{
    public StateOverlay State { get; } = state;

    public AccountId Signer { get; } = signer;

    public ulong BlockNumber { get; } = blockNumber;

    public IReadOnlyList<RuntimeEvent> Events => events;

    public void Deposit(string module, string name, JsonObject fields) =>
        events.Add(new RuntimeEvent(module, name, fields, extrinsicIndex));

    /// <summary>Deposits an event whose fields are written only when it is stored (see <see cref="RuntimeEvent"/>).</summary>
    public void Deposit(string module, string name, FieldsWriter write) =>
        events.Add(new RuntimeEvent(module, name, write, extrinsicIndex));

    /// <summary>A context over a child overlay whose writes and events are kept only if the call succeeds.</summary>
    public DispatchContext Child(StateOverlay child, List<RuntimeEvent> childEvents) =>
        new(child, Signer, BlockNumber, childEvents, extrinsicIndex);
}
