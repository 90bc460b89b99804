using System.Text;
using Appliance.State;
using Appliance.Storage;

namespace Appliance.Tests.Storage;

/// <summary>
/// The image answers for the head and the head before exactly as the committed state would, and leaves
/// everything else (older heads, keys outside its prefix) to the committed state.
/// </summary>
public sealed class StateImageTests
{
    private static readonly byte[] Prefix = Encoding.ASCII.GetBytes("System.Account/");

    private static byte[] Key(string name) => [.. Prefix, .. Encoding.ASCII.GetBytes(name)];

    private static byte[] Value(int n) => [(byte)n];

    /// <summary>A committed state that counts the point reads it is asked for.</summary>
    private sealed class Committed(params (byte[] Key, byte[] Value)[] entries) : IStateReader
    {
        private readonly StateOverlay _state = Filled(entries);

        public int Reads { get; private set; }

        public byte[]? Get(byte[] key)
        {
            Reads++;
            return _state.Get(key);
        }

        public IEnumerable<KeyValuePair<byte[], byte[]>> Scan(byte[] prefix) => _state.Scan(prefix);

        private static StateOverlay Filled((byte[] Key, byte[] Value)[] entries)
        {
            var state = new StateOverlay(EmptyState.Instance);
            foreach (var (key, value) in entries)
            {
                state.Set(key, value);
            }
            return state;
        }
    }

    [Fact]
    public void Load_EntriesUnderThePrefix_ReadWithoutAskingTheCommittedState_AbsentOnesToo()
    {
        var committed = new Committed((Key("alice"), Value(1)));
        var image = StateImage.Load(committed, head: 5, Prefix);

        var at = image.At(5, committed);

        Assert.Equal(Value(1), at.Get(Key("alice")));
        Assert.Null(at.Get(Key("nobody")));
        Assert.Equal(0, committed.Reads);
    }

    [Fact]
    public void Apply_HeadSeesTheBlocksWrites_HeadBeforeSeesWhatWasThere()
    {
        var committed = new Committed((Key("alice"), Value(1)), (Key("bob"), Value(2)));
        var image = StateImage.Load(committed, head: 5, Prefix);

        image.Apply(6, [new(Key("alice"), Value(10)), new(Key("bob"), null), new(Key("carol"), Value(30))]);

        var head = image.At(6, committed);
        var before = image.At(5, committed);
        Assert.Equal(Value(10), head.Get(Key("alice")));
        Assert.Null(head.Get(Key("bob")));
        Assert.Equal(Value(30), head.Get(Key("carol")));
        Assert.Equal(Value(1), before.Get(Key("alice")));
        Assert.Equal(Value(2), before.Get(Key("bob")));
        Assert.Null(before.Get(Key("carol")));
        Assert.Equal(0, committed.Reads);
    }

    [Fact]
    public void Apply_KeyWrittenAgainTwoBlocksOn_OlderHeadAsksTheCommittedState()
    {
        var committed = new Committed((Key("alice"), Value(1)));
        var image = StateImage.Load(committed, head: 5, Prefix);
        image.Apply(6, [new(Key("alice"), Value(10))]);
        image.Apply(7, [new(Key("alice"), Value(20))]);

        Assert.Equal(Value(20), image.At(7, committed).Get(Key("alice")));
        Assert.Equal(Value(10), image.At(6, committed).Get(Key("alice")));
        Assert.Equal(0, committed.Reads);

        Assert.Equal(Value(1), image.At(5, committed).Get(Key("alice")));
        Assert.Equal(1, committed.Reads);
    }

    /// <summary>A snapshot opened after a block commits and before the image takes it in sees that block in SQLite.</summary>
    [Fact]
    public void HeadNotYetTakenIn_ReadFromTheCommittedState()
    {
        var committed = new Committed((Key("alice"), Value(10)));
        var image = StateImage.Load(new Committed((Key("alice"), Value(1))), head: 5, Prefix);

        Assert.Equal(Value(10), image.At(6, committed).Get(Key("alice")));
        Assert.Equal(1, committed.Reads);

        image.Apply(6, [new(Key("alice"), Value(10))]);

        Assert.Equal(Value(10), image.At(6, committed).Get(Key("alice")));
        Assert.Equal(1, committed.Reads);
    }

    [Fact]
    public void KeysOutsideThePrefix_NeitherLoadedNorTakenIn_ReadFromTheCommittedState()
    {
        var other = Encoding.ASCII.GetBytes("SubtensorModule.Keys/x");
        var committed = new Committed((other, Value(1)));
        var image = StateImage.Load(committed, head: 5, Prefix);
        image.Apply(6, [new(other, Value(2))]);

        Assert.Equal(Value(1), image.At(6, committed).Get(other));
        Assert.Equal(1, committed.Reads);
    }
}
