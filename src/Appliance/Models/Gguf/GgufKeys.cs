namespace Appliance.Models.Gguf;

/// <summary>Metadata keys with a meaning to the file format itself or to more than one architecture (ggml's gguf.md).</summary>
public static class GgufKeys
{
    public const string Architecture = "general.architecture";
    public const string Name = "general.name";
    public const string Alignment = "general.alignment";
    public const string FileType = "general.file_type";
}
