namespace Appliance.Storage;

/// <summary>
/// An exclusive lock file in the data folder, held while a node runs, so two nodes never write one chain
/// (the second would fail mid-block instead of at start).
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
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
        catch (IOException)
        {
            throw new DataDirectoryInUseException($"DataDirInUse: another node is running on {dataDirectory} (it holds {path}).");
        }
    }

    public void Dispose() => _file.Dispose();
}

public sealed class DataDirectoryInUseException(string message) : Exception(message);
