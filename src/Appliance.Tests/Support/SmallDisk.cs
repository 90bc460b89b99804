using System.Diagnostics;

namespace Appliance.Tests.Support;

/// <summary>
/// A real filesystem of a few MiB (tmpfs) mounted on a temp folder, so a test can fill it or make it
/// read-only under a running node. Mounting needs root, which CI has; <see cref="RootFactAttribute"/> skips
/// the tests elsewhere.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    private readonly TempDirectory _mountPoint = new();

    public SmallDisk(int mebibytes)
    {
        Mount("-t", "tmpfs", "-o", $"size={mebibytes}m", "tmpfs", _mountPoint.Path);
    }

    public string Path => _mountPoint.Path;

    /// <summary>Writes zeros until the filesystem refuses with "no space left".</summary>
    public void Fill()
    {
        using var filler = File.Create(System.IO.Path.Combine(Path, "filler"));
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                filler.Write(chunk);
                filler.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, "filler"));

    public void ReadOnly(bool readOnly) => Mount("-o", readOnly ? "remount,ro" : "remount,rw", Path);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        _mountPoint.Dispose();
    }

    private static void Mount(params string[] arguments) => Run("mount", arguments);

    private static void Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {error}");
        }
    }
}

/// <summary>A fact that needs root (it mounts a filesystem); skipped with that reason for anyone else.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            Skip = "needs root: it mounts a small tmpfs to fill it or make it read-only under a running node";
        }
    }
}
