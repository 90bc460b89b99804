using Appliance.Primitives;
using Appliance.State;

namespace Appliance.Chain;

/// <summary>
/// What the transaction pool reads of the chain: the executor that checks extrinsics, the head, and a
/// consistent snapshot of the head's state. The node's chain implements it, so the pool needs no node.
/// </summary>
public interface IChainState
{
    BlockExecutor Executor { get; }

    ChainHead Head { get; }

    /// <summary>A read of the committed head state that a block committed meanwhile does not change.</summary>
    IHeadState OpenSnapshot();
}

/// <summary>A snapshot of committed state, released when disposed.</summary>
public interface IHeadState : IStateReader, IDisposable
{
    /// <summary>The block whose state it reads.</summary>
    Hash256 Head { get; }
}
