using Appliance.Models.Gguf;

namespace Appliance.Fuzz.Targets;

/// <summary>The GGUF header and tensor table reader that checks a model before llama.cpp sees it.</summary>
public sealed class GgufTarget : IFuzzTarget
{
    public string Name => "gguf";

    public void Run(byte[] input)
    {
        using var stream = new MemoryStream(input, writable: false);
        try
        {
            var file = GgufReader.Read(stream, "fuzz.gguf");
            if (file.Tensors.Any(t => file.DataOffset + t.Offset + t.ByteSize > (ulong)input.Length))
            {
                throw new InvalidOperationException("The reader accepted a tensor that reaches past the end of the file.");
            }
        }
        catch (InvalidDataException)
        {
        }
    }
}
