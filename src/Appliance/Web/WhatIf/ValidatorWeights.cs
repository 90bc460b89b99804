using Appliance.Consensus;

namespace Appliance.Web.WhatIf;

/// <summary>
/// One validator's weights as set_weights takes them — target uids and u16 values on any scale — and the row
/// the chain would store: max-upscaled so the largest is 65535, an explicit 0 kept (spec §8.1).
/// </summary>
public sealed record ValidatorWeights(ushort Uid, IReadOnlyList<ushort> Dests, IReadOnlyList<ushort> Values)
{
    public IReadOnlyList<(ushort Uid, ushort Value)> StoredRow => Dests.Zip(VectorMath.U16MaxUpscaleToU16(Values)).ToList();

    /// <summary>From an editor with one field per target uid: a blank field is no entry, a value is clamped to u16.</summary>
    public static ValidatorWeights FromFields(ushort uid, IReadOnlyList<int?> fields)
    {
        var entries = fields.Select((value, target) => (Target: (ushort)target, Value: value)).Where(f => f.Value is not null).ToList();
        return new ValidatorWeights(uid, entries.Select(e => e.Target).ToList(), entries.Select(e => (ushort)Math.Clamp(e.Value!.Value, 0, ushort.MaxValue)).ToList());
    }

    /// <summary>The editor's fields for a stored row: its values, blank where the row has no entry.</summary>
    public static int?[] Fields(IReadOnlyList<(ushort Uid, ushort Value)> row, int n)
    {
        var fields = new int?[n];
        foreach (var (target, value) in row.Where(e => e.Uid < n))
        {
            fields[target] = value;
        }
        return fields;
    }
}
