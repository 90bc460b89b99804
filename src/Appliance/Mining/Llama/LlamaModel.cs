using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using Appliance.Mining.Llama.Native;
using Appliance.Models.Gguf;

namespace Appliance.Mining.Llama;

/// <summary>
/// A GGUF model loaded by llama.cpp, with its vocabulary. One loaded model can serve several contexts (miners
/// sharing a GGUF share it). The file is checked by our GGUF reader first, so a corrupt or truncated one is a
/// clear error rather than whatever llama.cpp makes of it. GPU layers: all when a GPU device was found, none otherwise, unless given.
/// </summary>
public sealed unsafe class LlamaModel : IDisposable
{
    private readonly SafeLlamaModelHandle handle;
    private readonly IntPtr vocab;

    private LlamaModel(string path, SafeLlamaModelHandle handle, int gpuLayers)
    {
        Path = path;
        this.handle = handle;
        GpuLayers = gpuLayers;
        vocab = LlamaNative.llama_model_get_vocab(handle);
        VocabularySize = LlamaNative.llama_vocab_n_tokens(vocab);
        TrainedContextLength = LlamaNative.llama_model_n_ctx_train(handle);
        LayerCount = LlamaNative.llama_model_n_layer(handle);
        EmbeddingLength = LlamaNative.llama_model_n_embd(handle);
        ParameterCount = LlamaNative.llama_model_n_params(handle);
        SizeBytes = LlamaNative.llama_model_size(handle);
        AddsBeginningOfText = LlamaNative.llama_vocab_get_add_bos(vocab);
        Span<byte> buffer = stackalloc byte[256];
        fixed (byte* b = buffer)
        {
            var length = LlamaNative.llama_model_desc(handle, b, (nuint)buffer.Length);
            Description = length > 0 ? Encoding.UTF8.GetString(buffer[..Math.Min(length, buffer.Length - 1)]) : "";
        }
    }

    public string Path { get; }
    public string Description { get; }
    public int GpuLayers { get; }
    public int VocabularySize { get; }
    public int TrainedContextLength { get; }
    public int LayerCount { get; }
    public int EmbeddingLength { get; }
    public ulong ParameterCount { get; }
    public ulong SizeBytes { get; }
    public bool AddsBeginningOfText { get; }

    internal SafeLlamaModelHandle Handle => handle;

    /// <summary>Loads <paramref name="path"/>; <paramref name="gpuLayers"/> null offloads every layer when a GPU is present.</summary>
    public static LlamaModel Load(string path, int? gpuLayers = null)
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
        var layers = gpuLayers ?? (backend.HasGpu ? int.MaxValue : 0);
        var parameters = LlamaNative.llama_model_default_params();
        parameters.GpuLayerCount = layers;
        var raw = LlamaNative.llama_model_load_from_file(path, parameters);
        if (raw == IntPtr.Zero)
        {
            throw new LlamaException($"ModelLoadFailed: llama.cpp could not load {path} (see the llama.cpp log lines above for why).");
        }
        var handle = new SafeLlamaModelHandle();
        Marshal.InitHandle(handle, raw);
        return new LlamaModel(path, handle, layers);
    }

    /// <summary>Tokens of <paramref name="text"/>, with the model's beginning-of-text token when it wants one.</summary>
    public int[] Tokenize(string text)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var bytes = Encoding.UTF8.GetBytes(text);
        var tokens = new int[bytes.Length + 2];
        while (true)
        {
            int count;
            fixed (byte* t = bytes)
            fixed (int* o = tokens)
            {
                count = LlamaNative.llama_tokenize(vocab, t, bytes.Length, o, tokens.Length, addSpecial: true, parseSpecial: false);
            }
            if (count >= 0)
            {
                return tokens[..count];
            }
            tokens = new int[-count];
        }
    }

    /// <summary>Appends the bytes of <paramref name="token"/>'s piece (a UTF-8 fragment: pieces may split a character).</summary>
    public void AppendPiece(int token, ArrayBufferWriter<byte> output)
    {
        ObjectDisposedException.ThrowIf(handle.IsClosed, this);
        var span = output.GetSpan(64);
        int written;
        fixed (byte* b = span)
        {
            written = LlamaNative.llama_token_to_piece(vocab, token, b, span.Length, 0, special: false);
        }
        if (written < 0)
        {
            span = output.GetSpan(-written);
            fixed (byte* b = span)
            {
                written = LlamaNative.llama_token_to_piece(vocab, token, b, span.Length, 0, special: false);
            }
        }
        output.Advance(Math.Max(written, 0));
    }

    public bool IsEndOfGeneration(int token) => LlamaNative.llama_vocab_is_eog(vocab, token);

    public void Dispose() => handle.Dispose();
}
