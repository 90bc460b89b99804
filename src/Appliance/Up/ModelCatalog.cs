using Appliance.Mining.Llama;
using Appliance.Models;

namespace Appliance.Up;

/// <summary>
/// One loaded model and one generator per distinct GGUF path, shared by every miner that names it (their
/// requests decode in the same batches). With no model configured, a tiny random one is made once in the
/// data folder.
/// </summary>
public sealed class ModelCatalog(UpOptions options, string dataDir, ILoggerFactory loggers) : IDisposable
{
    private readonly Dictionary<string, LlamaTextGenerator> _generators = new(StringComparer.Ordinal);

    public string DefaultModelPath => string.IsNullOrEmpty(options.Model) ? Path.Combine(dataDir, "models", "tiny.gguf") : Path.GetFullPath(options.Model);

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

    public void Dispose()
    {
        foreach (var generator in _generators.Values)
        {
            generator.Dispose();
        }
        _generators.Clear();
    }
}
