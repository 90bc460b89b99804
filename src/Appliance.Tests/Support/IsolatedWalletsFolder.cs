using System.Runtime.CompilerServices;

namespace Appliance.Tests.Support;

/// <summary>
/// The default wallets folder (~/.appliance/wallets, shared by the CLI, up and the UI) points into a temp
/// folder for the whole test run, and child processes inherit it: a test that forgets --wallets-dir still
/// never writes to the real one.
/// </summary>
internal static class IsolatedWalletsFolder
{
    [ModuleInitializer]
    internal static void Isolate() =>
        Environment.SetEnvironmentVariable("APPLIANCE_WALLETS_DIR", Directory.CreateTempSubdirectory("appliance-test-wallets-").FullName);
}
