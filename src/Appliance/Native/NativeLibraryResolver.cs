using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Appliance.Native;

/// <summary>
/// The one DllImport resolver of this assembly (.NET allows one per assembly). Each native library
/// registers a loader under the name its LibraryImport declarations use.
/// </summary>
internal static class NativeLibraryResolver
{
    private static readonly Dictionary<string, Func<IntPtr>> Loaders = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    [ModuleInitializer]
    internal static void Install()
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraryResolver).Assembly, Resolve);
    }

    public static void Register(string libraryName, Func<IntPtr> loader)
    {
        lock (Gate)
        {
            Loaders[libraryName] = loader;
        }
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        Func<IntPtr>? loader;
        lock (Gate)
        {
            Loaders.TryGetValue(libraryName, out loader);
        }
        return loader is null ? IntPtr.Zero : loader();
    }
}
