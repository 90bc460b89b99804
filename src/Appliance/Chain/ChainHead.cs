using Appliance.Primitives;

namespace Appliance.Chain;

/// <summary>The newest committed block.</summary>
public sealed record ChainHead(Header Header, Hash256 Hash)
{
    public ulong Number => Header.Number;
}
