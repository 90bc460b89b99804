namespace Appliance.Storage;

/// <summary>Rows as SQLite returns them (INTEGER as long, BLOB as byte[]); converted at the edges.</summary>
public sealed record BlockRow(long Number, byte[] Hash, byte[] ParentHash, byte[] StateRoot, byte[] ExtrinsicsRoot, long Timestamp, byte[] Author, byte[] Signature);

public sealed record ExtrinsicRow(
    long BlockNumber, long Idx, byte[] Hash, byte[] Signer, long Nonce, string Module, string Call, string Args,
    long Fee, long Tip, long Success, string? Error, byte[] Bytes);

public sealed record EventRow(long BlockNumber, long Idx, long? ExtrinsicIdx, string Module, string Name, string Fields);

/// <summary>A Transfer event's block and its fields' JSON.</summary>
public sealed record TransferRow(long BlockNumber, string Fields);

public sealed record BlockSummaryRow(long Number, byte[] Hash, long Timestamp, long ExtrinsicCount);
