namespace Appliance.Models.Tokenizer;

/// <summary>tokenizer.ggml.token_type values, as llama.cpp's <c>llama_token_type</c>.</summary>
public enum TokenType
{
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
}
