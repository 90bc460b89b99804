using System.CommandLine;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>The coldkey password: from the environment variable named by --password-env, else a prompt.</summary>
public static class PasswordSource
{
    public static Option<string?> CreateOption() => new("--password-env")
    {
        Description = "Read the coldkey password from this environment variable instead of prompting",
        HelpName = "VAR",
    };

    public static string Read(ParseResult parse, Option<string?> option, CliConsole console, string walletName)
    {
        var variable = parse.GetValue(option);
        if (variable is not null)
        {
            return console.GetEnvironmentVariable(variable)
                ?? throw new WalletException(WalletError.PasswordMissing, $"the environment variable {variable} named by --password-env is not set.");
        }
        return console.ReadSecret($"Password for the coldkey of '{walletName}': ")
            ?? throw new WalletException(WalletError.PasswordMissing, "no password given: type it at the prompt or pass --password-env VAR.");
    }

    /// <summary>A password for a new coldkey: asked twice when prompted, and at least six characters.</summary>
    public static string ReadNew(ParseResult parse, Option<string?> option, CliConsole console, string walletName)
    {
        var password = Read(parse, option, console, walletName);
        var retyped = parse.GetValue(option) is null
            ? console.ReadSecret("Retype the password: ") ?? throw new WalletException(WalletError.PasswordMissing, "the password was not retyped.")
            : password;
        return NewPassword.Check(password, retyped);
    }
}
