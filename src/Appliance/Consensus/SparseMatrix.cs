using System.Buffers;

namespace Appliance.Consensus;

/// <summary>One (column, value) cell of a <see cref="SparseMatrix"/> row.</summary>
public readonly record struct SparseEntry(ushort Column, I32F32 Value);

/// <summary>
/// subtensor's sparse matrix, <c>Vec&lt;Vec&lt;(u16, I32F32)&gt;&gt;</c>, stored row after row in one array.
/// Rows keep their entries in the order they were written, explicit zero values included: the sparse
/// epoch tells an absent weight or bond from one whose value is 0 (spec §5.4, §5.9). The cells of a built
/// matrix live in an array from the shared pool, which may be longer than <see cref="Count"/>; the epoch
/// hands its matrices back with <see cref="Release"/> so that a large epoch does not allocate them anew.
/// </summary>
public sealed class SparseMatrix
{
    private readonly int[] _rowStarts;
    private SparseEntry[] _entries;
    private bool _pooled;

    internal SparseMatrix(int columns, int[] rowStarts, SparseEntry[] entries, bool pooled = false)
    {
        Columns = columns;
        _rowStarts = rowStarts;
        _entries = entries;
        _pooled = pooled;
    }

    public int Rows => _rowStarts.Length - 1;

    /// <summary>The column count the column-wise helpers size their sums by (n in the epoch).</summary>
    public int Columns { get; }

    public int Count => _rowStarts[^1];

    public ReadOnlySpan<SparseEntry> Row(int row) => _entries.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);

    internal Span<SparseEntry> MutableRow(int row) => _entries.AsSpan(_rowStarts[row], _rowStarts[row + 1] - _rowStarts[row]);

    public static SparseMatrix FromRows(IEnumerable<IEnumerable<SparseEntry>> rows, int columns)
    {
        var builder = new SparseMatrixBuilder(columns);
        foreach (var row in rows)
        {
            foreach (var entry in row)
            {
                builder.Add(entry.Column, entry.Value);
            }
            builder.EndRow();
        }
        return builder.Build();
    }

    /// <summary>A dense matrix as sparse rows; <paramref name="keepZeros"/> false drops the cells that are not &gt; 0.</summary>
    public static SparseMatrix FromDense(IReadOnlyList<IReadOnlyList<I32F32>> dense, int columns, bool keepZeros) =>
        FromRows(dense.Select(row => row.Select((value, j) => new SparseEntry((ushort)j, value)).Where(e => keepZeros || e.Value.Bits > 0)), columns);

    /// <summary>Absent cells read as 0; a column written twice keeps its last value.</summary>
    public I32F32[][] ToDense()
    {
        var dense = new I32F32[Rows][];
        for (var i = 0; i < Rows; i++)
        {
            dense[i] = new I32F32[Columns];
            foreach (var entry in Row(i))
            {
                dense[i][entry.Column] = entry.Value;
            }
        }
        return dense;
    }

    public SparseMatrix Copy() => new(Columns, _rowStarts, _entries.AsSpan(0, Count).ToArray());

    /// <summary>Returns the cells to the pool; the matrix is not read afterwards. Releasing twice does nothing.</summary>
    internal void Release()
    {
        if (_pooled)
        {
            ArrayPool<SparseEntry>.Shared.Return(_entries);
            (_entries, _pooled) = ([], false);
        }
    }
}

/// <summary>Builds a <see cref="SparseMatrix"/> row by row: <see cref="Add"/> cells, then <see cref="EndRow()"/>.</summary>
public sealed class SparseMatrixBuilder(int columns, int capacity = 16)
{
    private readonly List<int> _rowStarts = [0];
    private SparseEntry[] _entries = ArrayPool<SparseEntry>.Shared.Rent(Math.Max(capacity, 1));
    private int _count;

    public void Add(ushort column, I32F32 value)
    {
        if (_count == _entries.Length)
        {
            Grow(_count + 1);
        }
        _entries[_count++] = new SparseEntry(column, value);
    }

    public void EndRow() => _rowStarts.Add(_count);

    /// <summary>
    /// Room for up to <paramref name="count"/> cells of the current row, to be written in order from the start and
    /// kept by <see cref="EndRow(int)"/>: a loop then writes to a span instead of calling <see cref="Add"/> per cell.
    /// </summary>
    public Span<SparseEntry> Reserve(int count)
    {
        if (_count + count > _entries.Length)
        {
            Grow(_count + count);
        }
        return _entries.AsSpan(_count, count);
    }

    /// <summary>Keeps the first <paramref name="written"/> cells of the last <see cref="Reserve"/> and ends the row.</summary>
    public void EndRow(int written)
    {
        _count += written;
        _rowStarts.Add(_count);
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<SparseEntry>.Shared.Rent(Math.Max(needed, _entries.Length * 2));
        _entries.AsSpan(0, _count).CopyTo(larger);
        ArrayPool<SparseEntry>.Shared.Return(_entries);
        _entries = larger;
    }

    public SparseMatrix Build() => new(columns, [.. _rowStarts], _entries, pooled: true);
}
