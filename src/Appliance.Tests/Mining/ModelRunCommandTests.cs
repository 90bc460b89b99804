using Appliance.Mining.Llama;
using Appliance.Tests.Support;

namespace Appliance.Tests.Mining;

/// <summary>`appliance model run` on the tiny model, and bad GGUF files refused before llama.cpp sees them.</summary>
public sealed class ModelRunCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ModelRunCommandTests() => _cli = new CliRunner(_dir.Path);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Run_Json_GivesTextTokensAndSpeed_SameSeedSameText()
    {
        string[] args = ["model", "run", "--model", TinyModel.Path, "--prompt", "Once upon a time", "--seed", "5", "--max-tokens", "12", "--threads", "1", "--json"];
        var first = await _cli.RunAsync(args);
        var second = await _cli.RunAsync(args);
        Assert.True(first.ExitCode == 0, first.Error);
        var tokens = first.Json.GetProperty("tokens").GetInt32();
        Assert.InRange(tokens, 1, 12);
        Assert.True(first.Json.GetProperty("tokens_per_second").GetDouble() > 0);
        Assert.Equal(first.Json.GetProperty("text").GetString(), second.Json.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Run_TruncatedModel_OneLineErrorNamingTheProblem()
    {
        var truncated = _dir.Combine("truncated.gguf");
        var bytes = await File.ReadAllBytesAsync(TinyModel.Path);
        await File.WriteAllBytesAsync(truncated, bytes[..(bytes.Length / 2)]);
        var result = await _cli.RunAsync("model", "run", "--model", truncated, "--prompt", "hi", "--threads", "1");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: GgufTensorOutOfBounds", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 }, "GgufBadMagic")]
    [InlineData(new byte[] { 0x47, 0x47, 0x55, 0x46, 3, 0, 0, 0 }, "GgufTruncated")]
    public void Load_CorruptFile_LlamaExceptionWithTheReadersCode(byte[] content, string code)
    {
        var path = _dir.Combine("corrupt.gguf");
        File.WriteAllBytes(path, content);
        var error = Assert.Throws<LlamaException>(() => LlamaModel.Load(path, gpuLayers: 0));
        Assert.StartsWith(code, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ModelNotFound()
    {
        var error = Assert.Throws<LlamaException>(() => LlamaModel.Load(_dir.Combine("absent.gguf"), gpuLayers: 0));
        Assert.StartsWith("ModelNotFound:", error.Message, StringComparison.Ordinal);
    }
}
