using Appliance.Contracts;

namespace Appliance.Web.Wallets;

/// <summary>
/// What became of a wallet action: included in a block (with its success or error code), or not: refused before
/// it was sent, or (NotIncluded) sent but still pending when the wait ended, which its message says.
/// </summary>
public sealed record ActionResult(bool Success, ulong? Block, string Message)
{
    public static ActionResult Included(ExtrinsicStatusView status) => status.Success == true
        ? new(true, status.Block, $"Included in block #{status.Block}: success.")
        : new(false, status.Block, $"Included in block #{status.Block} but failed: {status.Error}.");

    public static ActionResult Done(string message) => new(true, null, message);

    public static ActionResult Refused(string message) => new(false, null, message);
}
