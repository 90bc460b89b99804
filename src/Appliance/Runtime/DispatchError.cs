namespace Appliance.Runtime;

/// <summary>
/// Why a call was refused: a code from its module's error list (subtensor's and FRAME's names), and a
/// sentence saying what happened. The same text reaches the failed-extrinsic event, the API and the CLI.
/// </summary>
public sealed record DispatchError(string Module, string Code, string Detail)
{
    public string Name => $"{Module}.{Code}";

    public override string ToString() => $"{Code}: {Detail}";
}
