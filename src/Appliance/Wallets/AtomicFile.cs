namespace Appliance.Wallets;

/// <summary>
/// Writes a file so that readers see the old content or the new, never a torn one: a temporary file in
/// the same folder, flushed to disk, renamed over the target. Files are owner-only (0600), folders 0700.
/// </summary>
public static class AtomicFile
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static void CreateOwnerOnlyDirectory(string path) => Directory.CreateDirectory(path, OwnerOnlyFolder);

    /// <summary>Writes <paramref name="path"/>; without <paramref name="overwrite"/> an existing file is an IOException.</summary>
    public static void WriteAllText(string path, string content, bool overwrite)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        CreateOwnerOnlyDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerOnlyFile };
        try
        {
            using (var stream = new FileStream(temporary, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(content);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
