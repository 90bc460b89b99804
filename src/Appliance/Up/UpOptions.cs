using Appliance.Models.Trained;
using Appliance.Validation;

namespace Appliance.Up;

/// <summary>
/// What <c>appliance up</c> runs, from the "Up" configuration section (appsettings.json, APPLIANCE_UP__*
/// variables, or a --config JSON file). Left out, Miners and Validators are the defaults below: three miners
/// of visibly different quality — the shipped trained model and its under-trained sibling answering greedily,
/// and the random model (Up:Model, or the tiny one made in the data folder) — and two validators with different
/// stakes (so stake weighting shows).
/// </summary>
public sealed class UpOptions
{
    public const string Section = "Up";

    /// <summary>Blocks between epochs of the subnet.</summary>
    public long Tempo { get; set; } = 20;

    public bool CommitReveal { get; set; } = true;

    /// <summary>Epochs between a weights commit and its reveal.</summary>
    public long CommitRevealPeriod { get; set; } = 1;

    /// <summary>Blocks a validator waits between two weight settings (subtensor's default is 100; demos want faster).</summary>
    public long WeightsRateLimit { get; set; } = 10;

    /// <summary>GGUF shared by miners that name none; empty: a tiny random model generated once in the data folder.</summary>
    public string? Model { get; set; }

    /// <summary>Layers offloaded to the GPU; empty: all when a GPU is found, none otherwise.</summary>
    public int? GpuLayers { get; set; }

    /// <summary>Requests decoded together per loaded model (continuous batching).</summary>
    public int Sequences { get; set; } = 8;

    /// <summary>Threads llama.cpp uses; empty: all cores.</summary>
    public int? Threads { get; set; }

    /// <summary>Password of the coldkeys up creates in the data folder; empty: one generated and kept there (0600).</summary>
    public string? WalletPassword { get; set; }

    /// <summary>Wrong admin tokens one client IP may send per <see cref="AdminFailureWindowSeconds"/> before /api/admin/* answers it 429.</summary>
    public int AdminFailureLimit { get; set; } = 10;

    public int AdminFailureWindowSeconds { get; set; } = 60;

    public MinerOptions[]? Miners { get; set; }

    public ValidatorOptions[]? Validators { get; set; }

    public IReadOnlyList<MinerOptions> EffectiveMiners => Miners ??
    [
        new() { Name = "miner1", Model = TrainedModels.Trained, Temperature = 0, MaxTokens = ValidatorSettings.AnswerTokens },
        new() { Name = "miner2", Model = TrainedModels.UnderTrained, Temperature = 0, MaxTokens = ValidatorSettings.AnswerTokens },
        new() { Name = "miner3", Temperature = 1, MaxTokens = ValidatorSettings.AnswerTokens },
    ];

    public IReadOnlyList<ValidatorOptions> EffectiveValidators => Validators ??
    [
        new() { Name = "validator1", StakeTao = 2000, Seed = 1 },
        new() { Name = "validator2", StakeTao = 500, Seed = 2 },
    ];
}

/// <summary>One miner of <c>appliance up</c>: its wallet name, model and how it answers.</summary>
public sealed class MinerOptions
{
    public string Name { get; set; } = "";

    /// <summary>GGUF path; empty: the shared Up:Model.</summary>
    public string? Model { get; set; }

    public float Temperature { get; set; } = 0.7f;

    /// <summary>Most tokens this miner writes per answer (a request asking for fewer gets fewer).</summary>
    public int MaxTokens { get; set; } = 16;

    /// <summary>Axon port; 0 picks a free one.</summary>
    public int Port { get; set; }
}

/// <summary>One validator of <c>appliance up</c>: its wallet name, stake and how it queries.</summary>
public sealed class ValidatorOptions
{
    public string Name { get; set; } = "";

    public long StakeTao { get; set; } = 1000;

    public double QueryIntervalSeconds { get; set; } = 4;

    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Miners queried per round; 0 queries all of them.</summary>
    public int SampleSize { get; set; }

    /// <summary>Moving-average weight of a new score (the subnet template's moving_average_alpha).</summary>
    public double Alpha { get; set; } = 0.1;

    /// <summary>Seeds the task generator, so a run's tasks can be replayed.</summary>
    public int Seed { get; set; }
}
