using System.Globalization;
using Appliance.Primitives;
using Appliance.Runtime;
using Appliance.Wallets;

namespace Appliance.Web.Wallets;

/// <summary>A form whose action is one call signed with the chosen wallet's coldkey; it states only how its inputs become the call.</summary>
public abstract class SignedForm
{
    public string Wallet { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The call from the form's inputs; a bad input throws a FormatException or WalletException naming it.</summary>
    public abstract RuntimeCall Call(WalletStore store);

    /// <summary>The password, cleared from the form so no action leaves it behind.</summary>
    public string TakePassword()
    {
        var password = Password;
        Password = "";
        return password;
    }

    protected static NetUid ParseNetuid(string text) =>
        ushort.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var netuid)
            ? new NetUid(netuid)
            : throw new FormatException($"InvalidNetuid: '{text}' is not a subnet number from 0 to 65535.");
}
