namespace Appliance.Validation;

/// <summary>One query round of a validator: the task, and what each miner answered and scored.</summary>
public sealed record ValidatorRound(long Round, ulong Block, DateTimeOffset At, string TaskKind, string Prompt, string Expected, IReadOnlyList<MinerAnswer> Answers)
{
    public double MeanScore => Answers.Count == 0 ? 0 : Answers.Average(a => a.Score);
}

/// <summary>A miner's answer in a round: its completion or the refusal, the reward, and the moving average after it.</summary>
public sealed record MinerAnswer(ushort Uid, string Hotkey, int Status, string? Completion, string? Error, double ElapsedMs, double Score, double MovingAverage);
