using System.Text;
using Appliance.State;

namespace Appliance.Tests.State;

public sealed class StateOverlayTests
{
    private static byte[] K(string key) => Encoding.ASCII.GetBytes(key);

    [Fact]
    public void Scan_MergesOwnWritesAndDeletionsWithParent_InKeyOrder()
    {
        var parent = new StateOverlay(EmptyState.Instance);
        parent.Set(K("a/1"), [1]);
        parent.Set(K("a/3"), [3]);
        parent.Set(K("a/5"), [5]);
        parent.Set(K("b/1"), [9]);
        var child = new StateOverlay(parent);
        child.Set(K("a/2"), [2]);
        child.Remove(K("a/3"));
        child.Set(K("a/5"), [55]);

        var scanned = child.Scan(K("a/")).Select(e => (Encoding.ASCII.GetString(e.Key), e.Value[0])).ToList();

        Assert.Equal([("a/1", 1), ("a/2", 2), ("a/5", 55)], scanned);
    }

    [Fact]
    public void MergeInto_MovesWrites_DiscardLeavesParentUntouched()
    {
        var block = new StateOverlay(EmptyState.Instance);
        var kept = new StateOverlay(block);
        kept.Set(K("x"), [1]);
        var dropped = new StateOverlay(block);
        dropped.Set(K("y"), [2]);

        kept.MergeInto(block);

        Assert.Equal([1], block.Get(K("x")));
        Assert.Null(block.Get(K("y")));
        Assert.Single(block.Changes);
    }
}
