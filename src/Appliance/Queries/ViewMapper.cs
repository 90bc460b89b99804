using System.Text.Json.Nodes;
using Appliance.Chain;
using Appliance.Contracts;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Storage;

namespace Appliance.Queries;

/// <summary>Turns stored rows and sealed blocks into API views.</summary>
public static class ViewMapper
{
    public static HeadView Head(ChainHead head, Hash256 genesis) => new(
        head.Number, head.Hash.ToString(), head.Header.Timestamp, genesis.ToString(), head.Header.StateRoot.ToString(), RuntimeVersion.SpecVersion);

    public static BlockView Block(BlockRow row, IEnumerable<ExtrinsicRow> extrinsics, IEnumerable<EventRow> events) => new(
        (ulong)row.Number, new Hash256(row.Hash).ToString(), new Hash256(row.ParentHash).ToString(), new Hash256(row.StateRoot).ToString(),
        new Hash256(row.ExtrinsicsRoot).ToString(), (ulong)row.Timestamp, new AccountId(row.Author).Address,
        extrinsics.Select(Extrinsic).ToList(), events.Select(Event).ToList());

    public static ExtrinsicView Extrinsic(ExtrinsicRow row) => new(
        new Hash256(row.Hash).ToString(), (int)row.Idx, new AccountId(row.Signer).Address, (ulong)row.Nonce,
        new CallView(row.Module, row.Call, JsonNode.Parse(row.Args)), (ulong)row.Fee, (ulong)row.Tip, row.Success == 1, row.Error);

    public static EventView Event(EventRow row) => new((int)row.Idx, (int?)row.ExtrinsicIdx, row.Module, row.Name, JsonNode.Parse(row.Fields));

    public static BlockView Block(SealedBlock block) => new(
        block.Header.Number, block.Hash.ToString(), block.Header.ParentHash.ToString(), block.Header.StateRoot.ToString(),
        block.Header.ExtrinsicsRoot.ToString(), block.Header.Timestamp, block.Header.Author.Address,
        block.Extrinsics.Select(Extrinsic).ToList(), block.Events.Select(Event).ToList());

    private static ExtrinsicView Extrinsic(ExtrinsicResult result) => new(
        result.Extrinsic.Hash.ToString(), result.Index, result.Extrinsic.Signer.Address, result.Extrinsic.Nonce,
        new CallView(result.Extrinsic.Call.Info.Module, result.Extrinsic.Call.Info.Name, result.Extrinsic.Call.Describe()),
        result.Fee.Value, result.Extrinsic.Tip.Value, result.Success, result.Error?.ToString());

    private static EventView Event(RuntimeEvent e, int index) => new(index, e.ExtrinsicIndex, e.Module, e.Name, e.Fields.DeepClone());
}
