namespace Appliance.Storage;

/// <summary>
/// An exclusive lock file in the data folder, held while a node runs, so two nodes never write one chain
/// (the second would fail mid-block instead of at start).
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    /// <summary>Linux's EWOULDBLOCK, which .NET reports as the IOException's HResult when flock finds the lock taken.</summary>
    private const int SharingViolation = 11;

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file)
    {
        _file = file;
    }

    public static DataDirectoryLock Acquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = Path.Combine(dataDirectory, "LOCK");
        try
        {
            return new DataDirectoryLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e) when (e.HResult == SharingViolation)
        {
            throw new DataDirectoryInUseException($"DataDirInUse: another node is running on {dataDirectory} (it holds {path}).");
        }
        catch (IOException e)
        {
            throw new IOException($"the data folder {dataDirectory} cannot be written ({e.Message.TrimEnd('.')}).", e);
        }
    }

    public void Dispose() => _file.Dispose();
}

public sealed class DataDirectoryInUseException(string message) : Exception(message);
