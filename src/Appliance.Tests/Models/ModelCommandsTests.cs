using Appliance.Tests.Support;

namespace Appliance.Tests.Models;

/// <summary>`appliance model make` and `appliance model info` through the real command tree.</summary>
public sealed class ModelCommandsTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly CliRunner _cli;

    public ModelCommandsTests()
    {
        _cli = new CliRunner(_dir.Path);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task MakeThenInfo_Tiny_JsonDescribesTheFile()
    {
        var path = _dir.Combine("tiny.gguf");

        var made = await _cli.RunAsync("model", "make", "--shape", "tiny", "--out", path, "--seed", "3", "--type", "q8_0", "--json");
        var info = await _cli.RunAsync("model", "info", path, "--json");

        Assert.True(made.ExitCode == 0, made.Error);
        Assert.Equal("q8_0", made.Json.GetProperty("type").GetString());
        Assert.Equal(new FileInfo(path).Length, made.Json.GetProperty("bytes").GetInt64());
        Assert.True(info.ExitCode == 0, info.Error);
        var json = info.Json;
        Assert.Equal("llama", json.GetProperty("architecture").GetString());
        Assert.Equal(made.Json.GetProperty("parameters").GetUInt64(), json.GetProperty("parameters").GetUInt64());
        var metadata = json.GetProperty("metadata");
        Assert.Equal("tiny random (seed 3)", metadata.GetProperty("general.name").GetString());
        Assert.Equal(7, metadata.GetProperty("general.file_type").GetInt32());
        Assert.Equal(2, metadata.GetProperty("llama.block_count").GetInt32());
        Assert.Equal(512, metadata.GetProperty("tokenizer.ggml.tokens").GetProperty("length").GetInt32());
        var tensors = json.GetProperty("tensors");
        Assert.Equal(20, tensors.GetArrayLength());
        Assert.Equal("token_embd.weight", tensors[0].GetProperty("name").GetString());
        Assert.Equal("Q8_0", tensors[0].GetProperty("type").GetString());
        Assert.Equal([64UL, 512UL], tensors[0].GetProperty("shape").EnumerateArray().Select(d => d.GetUInt64()));
    }

    [Fact]
    public async Task Info_Text_ListsMetadataAndTensors()
    {
        var path = _dir.Combine("tiny.gguf");
        await _cli.RunAsync("model", "make", "--shape", "tiny", "--out", path);

        var info = await _cli.RunAsync("model", "info", path);

        Assert.Equal(0, info.ExitCode);
        Assert.Contains("GGUF v3", info.Output);
        Assert.Matches(@"llama\.attention\.head_count_kv\s+uint32\s+2", info.Output);
        Assert.Matches(@"tokenizer\.ggml\.tokens\s+array\s+\[string × 512\]", info.Output);
        Assert.Matches(@"blk\.1\.ffn_down\.weight\s+F32\s+96 × 64\s+24,576", info.Output);
    }

    [Fact]
    public async Task Info_CorruptFile_OneLineErrorNamingTheProblem()
    {
        var path = _dir.Combine("corrupt.gguf");
        File.WriteAllBytes(path, new byte[64]);

        var info = await _cli.RunAsync("model", "info", path);

        Assert.Equal(1, info.ExitCode);
        Assert.StartsWith("error: GgufBadMagic: not a GGUF file.", info.Error);
        Assert.Contains(path, info.Error);
    }

    [Fact]
    public async Task Make_OutputFolderMissing_OneLineError()
    {
        var result = await _cli.RunAsync("model", "make", "--shape", "tiny", "--out", _dir.Combine("no", "such", "m.gguf"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: OutputFolderMissing:", result.Error);
    }

    [Fact]
    public async Task Make_UnknownShapeOrType_UsageError()
    {
        var shape = await _cli.RunAsync("model", "make", "--shape", "gpt-5", "--out", _dir.Combine("x.gguf"));
        var type = await _cli.RunAsync("model", "make", "--shape", "tiny", "--type", "q4_0", "--out", _dir.Combine("x.gguf"));

        Assert.Equal((2, 2), (shape.ExitCode, type.ExitCode));
        Assert.Contains("gpt-5", shape.Error);
        Assert.Contains("q4_0", type.Error);
        Assert.False(File.Exists(_dir.Combine("x.gguf")));
    }
}
