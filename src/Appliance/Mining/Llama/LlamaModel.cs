using System.Buffers;
using System.Text;
using Appliance.Models.Gguf;
using LLama;
using LLama.Common;
using LLama.Exceptions;
using LLama.Native;

namespace Appliance.Mining.Llama;

/// <summary>
/// A GGUF model loaded by llama.cpp through LLamaSharp's <see cref="LLamaWeights"/>, with its vocabulary. One
/// loaded model serves several contexts (miners sharing a GGUF share it). The file is checked by our GGUF
/// reader first, so a corrupt or truncated one is a clear error rather than whatever llama.cpp makes of it.
/// GPU layers: all when the loaded backend offloads, none otherwise, unless given.
/// </summary>
public sealed class LlamaModel : IDisposable
{
    private readonly LLamaWeights _weights;

    private LlamaModel(string path, LLamaWeights weights, int gpuLayers)
    {
        Path = path;
        _weights = weights;
        GpuLayers = gpuLayers;
        Description = weights.NativeHandle.Description;
    }

    public string Path { get; }
    public string Description { get; }
    public int GpuLayers { get; }
    public int VocabularySize => _weights.Vocab.Count;
    public int TrainedContextLength => _weights.ContextSize;
    public int LayerCount => _weights.NativeHandle.LayerCount;
    public int EmbeddingLength => _weights.EmbeddingSize;
    public ulong ParameterCount => _weights.ParameterCount;
    public ulong SizeBytes => _weights.SizeInBytes;
    public bool AddsBeginningOfText => _weights.Vocab.ShouldAddBOS;

    internal SafeLlamaModelHandle Handle => _weights.NativeHandle;

    /// <summary>
    /// Loads <paramref name="path"/>; <paramref name="gpuLayers"/> null offloads every layer when the backend has a
    /// GPU. <paramref name="progress"/> hears llama.cpp's own load progress, 0 to 1.
    /// </summary>
    public static LlamaModel Load(string path, int? gpuLayers = null, IProgress<float>? progress = null)
    {
        var backend = LlamaBackend.EnsureInitialized();
        if (!File.Exists(path))
        {
            throw new LlamaException($"ModelNotFound: {path} does not exist.");
        }
        try
        {
            GgufReader.Read(path);
        }
        catch (InvalidDataException e)
        {
            throw new LlamaException(e.Message);
        }
        var layers = gpuLayers ?? (backend.OffloadsToGpu ? int.MaxValue : 0);
        try
        {
            var parameters = new ModelParams(path) { GpuLayerCount = layers };
            var weights = progress is null
                ? LLamaWeights.LoadFromFile(parameters)
                : LLamaWeights.LoadFromFileAsync(parameters, CancellationToken.None, progress).GetAwaiter().GetResult();
            return new LlamaModel(path, weights, layers);
        }
        catch (LoadWeightsFailedException)
        {
            throw new LlamaException($"ModelLoadFailed: llama.cpp could not load {path} (see the llama.cpp log lines above for why).");
        }
    }

    /// <summary>Tokens of <paramref name="text"/>, with the model's beginning-of-text token when it wants one.</summary>
    public LLamaToken[] Tokenize(string text)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        return Handle.Tokenize(text, addBos: true, special: false, Encoding.UTF8);
    }

    /// <summary>Appends the bytes of <paramref name="token"/>'s piece (a UTF-8 fragment: pieces may split a character).</summary>
    public void AppendPiece(LLamaToken token, ArrayBufferWriter<byte> output)
    {
        ObjectDisposedException.ThrowIf(Handle.IsClosed, this);
        var span = output.GetSpan(64);
        var length = (int)Handle.TokenToSpan(token, span);
        if (length > span.Length)
        {
            span = output.GetSpan(length);
            length = (int)Handle.TokenToSpan(token, span);
        }
        output.Advance(length);
    }

    public bool IsEndOfGeneration(LLamaToken token) => token.IsEndOfGeneration(_weights.Vocab);

    public void Dispose() => _weights.Dispose();
}
