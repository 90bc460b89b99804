using Appliance.Up;

namespace Appliance.Web;

/// <summary>
/// The admin token a browser tab typed in, kept for its circuit. Admin actions from the UI check it exactly
/// as /api/admin/* checks its bearer token.
/// </summary>
public sealed class AdminSession(ApplianceSecrets secrets)
{
    public string Token { get; set; } = "";

    /// <summary>Null when the token is right, else the refusal to show, worded like the API's 401.</summary>
    public string? Refusal() =>
        secrets.IsAdminToken(Token) ? null : "Unauthorized: this action needs the admin token printed at start-up.";
}
