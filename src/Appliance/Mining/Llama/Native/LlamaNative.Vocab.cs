using System.Runtime.InteropServices;

namespace Appliance.Mining.Llama.Native;

/// <summary>llama.h: vocabulary and tokenization (the vocab pointer lives as long as its model).</summary>
internal static unsafe partial class LlamaNative
{
    [LibraryImport(Llama)]
    internal static partial int llama_vocab_n_tokens(IntPtr vocab);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_vocab_is_eog(IntPtr vocab, int token);

    [LibraryImport(Llama)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool llama_vocab_get_add_bos(IntPtr vocab);

    /// <summary>Returns the token count, or its negation when <paramref name="maxTokens"/> is too small.</summary>
    [LibraryImport(Llama)]
    internal static partial int llama_tokenize(
        IntPtr vocab, byte* text, int textLength, int* tokens, int maxTokens,
        [MarshalAs(UnmanagedType.U1)] bool addSpecial, [MarshalAs(UnmanagedType.U1)] bool parseSpecial);

    /// <summary>Returns the piece's byte count, or its negation when the buffer is too small.</summary>
    [LibraryImport(Llama)]
    internal static partial int llama_token_to_piece(
        IntPtr vocab, int token, byte* buffer, int length, int lstrip, [MarshalAs(UnmanagedType.U1)] bool special);
}
