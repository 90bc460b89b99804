namespace Appliance.Wallets;

/// <summary>The rule for a new coldkey's password, shared by the CLI's prompt and the UI's form.</summary>
public static class NewPassword
{
    public const int MinimumLength = 6;

    /// <summary>The password when it was typed the same twice and is long enough; else the refusal.</summary>
    public static string Check(string password, string retyped)
    {
        if (retyped != password)
        {
            throw new WalletException(WalletError.PasswordMismatch, "the two passwords differ.");
        }
        return password.Length >= MinimumLength
            ? password
            : throw new WalletException(WalletError.WeakPassword, $"a coldkey password has at least {MinimumLength} characters, got {password.Length}.");
    }
}
