using Appliance.Models.Gguf;
using Appliance.Training.Data;

namespace Appliance.Training;

/// <summary>
/// One training run: where the model goes, how long it trains (steps, and optionally a wall-clock limit — the
/// learning-rate schedule follows whichever is further along), its seed and shape, and how it trains.
/// <see cref="Command"/> is recorded in the model's metadata. <see cref="Init"/> starts from the weights of a GGUF
/// the trainer wrote (optimizer state starts afresh, with its warm-up) instead of from random ones.
/// <see cref="StopAt"/> ends the run early while the schedule still spans <see cref="Steps"/>: the file is then
/// that longer run's checkpoint at that step.
/// </summary>
public sealed record TrainingOptions(
    string Output,
    int Steps,
    int Seed,
    TrainingShape Shape,
    string Command,
    int Threads = 1,
    int BatchSize = 32,
    double LearningRate = 1e-3,
    int WarmupSteps = 100,
    TimeSpan? TimeLimit = null,
    int CheckpointEvery = 250,
    GgufTensorType Type = GgufTensorType.F16,
    string? Init = null,
    string Mix = KindMix.Default,
    int? StopAt = null);
