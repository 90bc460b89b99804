using System.CommandLine;
using Appliance.Wallets;

namespace Appliance.Cli;

/// <summary>
/// The coldkey password: from the environment variable named by --password-env, else a prompt (a plain line
/// when stdin is not a terminal). Nothing typed or piped is NoPassword, never an empty password.
/// </summary>
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
        var password = console.ReadSecret($"Password for the coldkey of '{walletName}': ");
        return string.IsNullOrEmpty(password)
            ? throw NoPassword(console, console.CanPromptHidden ? "no password was typed" : "stdin is not a terminal and gave no password")
            : password;
    }

    /// <summary>A password for a new coldkey: asked twice when prompted, and at least six characters.</summary>
    public static string ReadNew(ParseResult parse, Option<string?> option, CliConsole console, string walletName)
    {
        var password = Read(parse, option, console, walletName);
        if (parse.GetValue(option) is not null)
        {
            return NewPassword.Check(password, password);
        }
        var retyped = console.ReadSecret("Retype the password: ");
        return string.IsNullOrEmpty(retyped)
            ? throw NoPassword(console, console.CanPromptHidden ? "the password was not retyped" : "stdin gave the password once; a new coldkey reads it twice, one line each")
            : NewPassword.Check(password, retyped);
    }

    private static CliError NoPassword(CliConsole console, string what) =>
        new($"NoPassword: {what}; {(console.CanPromptHidden ? "type it at the prompt" : "pipe it on its own line")} or pass --password-env VAR.");
}
