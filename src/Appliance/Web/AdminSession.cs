using Appliance.Up;

namespace Appliance.Web;

/// <summary>
/// The admin token a browser tab typed in, kept for its circuit. Admin actions from the UI check it exactly
/// as /api/admin/* checks its bearer token; a node without <c>up</c>'s secrets has no admin actions.
/// </summary>
public sealed class AdminSession(IServiceProvider services)
{
    private readonly ApplianceSecrets? _secrets = services.GetService<ApplianceSecrets>();

    public string Token { get; set; } = "";

    public bool Available => _secrets is not null;

    /// <summary>Null when the token is right, else the refusal to show, worded like the API's 401.</summary>
    public string? Refusal() => _secrets switch
    {
        null => "Unavailable: this node was started with 'appliance node'; admin actions belong to 'appliance up'.",
        _ when !_secrets.IsAdminToken(Token) => "Unauthorized: this action needs the admin token printed at start-up.",
        _ => null,
    };
}
