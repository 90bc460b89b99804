using System.Diagnostics;
using Appliance.Tests.Support;

namespace Appliance.Tests.Cli;

/// <summary>
/// scripts/install into a temp prefix; the installed launcher prints its help and verifies a signature made
/// in-process, which loads the published copy's native crypto. Published in Debug: the solution's build has
/// already compiled it, so the test costs a publish's copying, not a Release compile.
/// </summary>
public sealed class InstallScriptTests
{
    private const string Alice = "5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu";

    [Fact]
    public async Task Install_TempPrefix_LauncherRunsThePublishedApp()
    {
        using var temp = new TempDirectory();
        var (prefix, bin) = (temp.Combine("home"), temp.Combine("bin"));

        var install = await RunAsync("bash", Path.Combine(RepositoryRoot(), "scripts", "install"), "--prefix", prefix, "--bin-dir", bin, "-c", "Debug");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains($"Installed: {bin}/appliance", install.Output);
        Assert.Contains($"{bin} is not on your PATH", install.Output);
        Assert.True(File.Exists(Path.Combine(prefix, "app", "wwwroot", "lib", "chart.js", "4.6.1", "chart.umd.min.js")));

        var help = await RunAsync(Path.Combine(bin, "appliance"), "--help");
        Assert.True(help.ExitCode == 0, help.Output);
        Assert.Contains("wallet", help.Output);

        var cli = new CliRunner(temp.Combine("wallets"));
        await cli.RunAsync("wallet", "regen", "--name", "dev", "--uri", "//Alice", "--password-env", "PW");
        var signature = (await cli.RunAsync("wallet", "sign", "--name", "dev", "--message", "installed", "--password-env", "PW")).Output.Trim();
        var verify = await RunAsync(Path.Combine(bin, "appliance"), "wallet", "verify", "--address", Alice, "--message", "installed", "--signature", signature);
        Assert.Equal((0, "valid"), (verify.ExitCode, verify.Output.Trim()));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Appliance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("Appliance.sln not found above the test binaries.");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var (output, error) = (process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output + await error);
    }
}
