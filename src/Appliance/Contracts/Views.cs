using System.Text.Json.Nodes;

namespace Appliance.Contracts;

/// <summary>The JSON shapes of the HTTP API (snake_case on the wire); amounts in rao, addresses SS58.</summary>
public sealed record HeadView(ulong Number, string Hash, ulong Timestamp, string GenesisHash, string StateRoot, uint SpecVersion);

public sealed record BlockView(
    ulong Number, string Hash, string ParentHash, string StateRoot, string ExtrinsicsRoot, ulong Timestamp, string Author,
    IReadOnlyList<ExtrinsicView> Extrinsics, IReadOnlyList<EventView> Events);

/// <summary>
/// Total issuance beside where the TAO sits. Classic: free + staked + locked + pending. Dynamic: free + the TAO in
/// the subnet pools (pool_tao) + root stake (staked); locks are part of their pool and nothing is pending in TAO.
/// </summary>
public sealed record IssuanceView(ulong Block, ulong TotalIssuance, ulong Free, ulong Staked, ulong Locked, ulong Pending, string EmissionModel = "classic", ulong PoolTao = 0);

public sealed record BlockSummaryView(ulong Number, string Hash, ulong Timestamp, int ExtrinsicCount);

public sealed record CallView(string Module, string Name, JsonNode? Args);

public sealed record ExtrinsicView(string Hash, int Index, string Signer, ulong Nonce, CallView Call, ulong Fee, ulong Tip, bool Success, string? Error);

public sealed record EventView(int Index, int? ExtrinsicIndex, string Module, string Name, JsonNode? Fields);

public sealed record ExtrinsicStatusView(string Hash, string Status, ulong? Block, string? BlockHash, int? Index, bool? Success, string? Error);

public sealed record SubmittedView(string Hash, string Status);

/// <summary>The body of POST /api/extrinsics: a SCALE-encoded signed extrinsic as 0x-hex.</summary>
public sealed record SubmitRequest(string Hex);

public sealed record AccountView(string Address, ulong Free, ulong Nonce, ulong NextNonce, IReadOnlyList<StakeView> Stakes);

/// <summary>A pooled extrinsic of one signer: its SCALE bytes (to decode the call exactly) and the call as the explorer shows it.</summary>
public sealed record PendingExtrinsicView(string Hash, ulong Nonce, string Hex, CallView Call);

public sealed record StakeView(string Hotkey, ushort Netuid, ulong Amount);

public sealed record ApiErrorView(string Error, string Detail);
