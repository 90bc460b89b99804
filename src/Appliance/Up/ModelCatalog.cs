using Appliance.Mining.Llama;
using Appliance.Models;
using Appliance.Models.Trained;

namespace Appliance.Up;

/// <summary>
/// One loaded model and one generator per distinct GGUF path, shared by every miner that names it (their
/// requests decode in the same batches). With no model configured, a tiny random one is made once in the
/// data folder.
/// </summary>
public sealed class ModelCatalog(UpOptions options, string dataDir, ILoggerFactory loggers) : IDisposable
{
    private readonly Dictionary<string, LlamaTextGenerator> _generators = new(StringComparer.Ordinal);

    /// <summary>The data folder's models/: the tiny model made when none is configured, and models added while up runs.</summary>
    public string Folder => Path.Combine(dataDir, "models");

    public string DefaultModelPath => string.IsNullOrEmpty(options.Model) ? Path.Combine(Folder, "tiny.gguf") : Path.GetFullPath(options.Model);

    /// <summary>
    /// Whether a miner added while up runs (the admin API, the Miners page) may load <paramref name="model"/>: empty (the
    /// shared model), a file under the data folder's models/ or the shipped models/, or a path the operator configured
    /// (Up:Model, Up:Miners). Anything else is refused, so the admin token cannot point llama.cpp at any file on the box.
    /// </summary>
    public bool Permits(string? model)
    {
        if (string.IsNullOrEmpty(model))
        {
            return true;
        }
        var path = Path.GetFullPath(model);
        return Inside(path, Folder) || Inside(path, TrainedModels.Folder)
            || options.EffectiveMiners.Select(m => m.Model).Append(options.Model).Any(c => !string.IsNullOrEmpty(c) && Path.GetFullPath(c) == path);
    }

    public LlamaTextGenerator For(MinerOptions miner)
    {
        var path = string.IsNullOrEmpty(miner.Model) ? DefaultModelPath : Path.GetFullPath(miner.Model);
        if (_generators.TryGetValue(path, out var existing))
        {
            return existing;
        }
        if (string.IsNullOrEmpty(miner.Model) && string.IsNullOrEmpty(options.Model) && !File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var made = ModelMaker.Make(ModelShape.Tiny, path, seed: 1);
            loggers.CreateLogger<ModelCatalog>().LogInformation("No model configured: made {Path} ({Shape}, {Bytes:N0} bytes)", made.Path, made.Shape, made.Bytes);
        }
        var generator = LlamaTextGenerator.Load(path, options.GpuLayers,
            new LlamaGeneratorOptions { Sequences = options.Sequences, Threads = options.Threads ?? Math.Max(1, Environment.ProcessorCount - 1) }, loggers);
        _generators[path] = generator;
        return generator;
    }

    private static bool Inside(string path, string folder) =>
        path.StartsWith(Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder)) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    public void Dispose()
    {
        foreach (var generator in _generators.Values)
        {
            generator.Dispose();
        }
        _generators.Clear();
    }
}
