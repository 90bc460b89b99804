namespace Appliance.Training;

/// <summary>How a model file was made, kept in its metadata so the file names the command that reproduces it.</summary>
public sealed record TrainingRecord(string Name, string Command, int Seed, int Steps, double Loss)
{
    public const string CommandKey = "appliance.training.command";
    public const string SeedKey = "appliance.training.seed";
    public const string StepsKey = "appliance.training.steps";
    public const string LossKey = "appliance.training.loss";
}
