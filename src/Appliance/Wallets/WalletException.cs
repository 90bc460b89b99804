namespace Appliance.Wallets;

/// <summary>A wallet operation refused for a reason the user can fix; <see cref="Code"/> names it.</summary>
public sealed class WalletException(WalletError code, string detail) : Exception($"{code}: {detail}")
{
    public WalletError Code { get; } = code;
}

public enum WalletError
{
    InvalidWalletName,
    InvalidHotkeyName,
    InvalidWalletsDir,
    WalletNotFound,
    WalletExists,
    HotkeyNotFound,
    HotkeyExists,
    WrongPassword,
    KeyfileCorrupted,
    KeyfileMismatch,
    KeyfileUnsupported,
    PasswordMissing,
    PasswordMismatch,
    WeakPassword,
}
