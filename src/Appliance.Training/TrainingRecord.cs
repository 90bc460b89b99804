namespace Appliance.Training;

/// <summary>
/// How a model file was made, kept in its metadata so the file names the commands that reproduce it:
/// <see cref="Steps"/> counts every step its weights had, <see cref="Init"/> is the command (and steps) of the
/// model training started from, if any.
/// </summary>
public sealed record TrainingRecord(string Name, string Command, int Seed, int Steps, double Loss, string? Init = null)
{
    public const string InitKey = "appliance.training.init";
    public const string CommandKey = "appliance.training.command";
    public const string SeedKey = "appliance.training.seed";
    public const string StepsKey = "appliance.training.steps";
    public const string LossKey = "appliance.training.loss";
}
