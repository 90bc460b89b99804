using Appliance.Validation;

namespace Appliance.Tests.Validation;

public sealed class AnswerScorerTests
{
    [Theory]
    [InlineData("42", " 42\nand more text", 1.0)]
    [InlineData("42", "\n\n42.", 1.0)]
    [InlineData("LEMON TIGER", "'LEMON   TIGER'", 1.0)]
    [InlineData("7, 19, 41", "7, 19, 41", 1.0)]
    [InlineData("42", "", 0.0)]
    [InlineData("42", "   \n  ", 0.0)]
    [InlineData("revir", "xyz", 0.0)]
    public void Correctness_ExactOrNothing(string expected, string completion, double score) =>
        Assert.Equal(score, AnswerScorer.Correctness(expected, completion), 12);

    [Fact]
    public void Correctness_CloseAnswers_EarnPartialCreditBelowExact()
    {
        var close = AnswerScorer.Correctness("revir", "revri");
        var far = AnswerScorer.Correctness("revir", "banana");
        Assert.Equal(0.9, close, 12);
        Assert.Equal(0, far, 12);
        Assert.Equal(2.0 * 3 / 7, AnswerScorer.Correctness("7, 19, 41", "7, 41, 19, 88"), 12);
        Assert.Equal(2.0 * 5 / 12, AnswerScorer.Correctness("7, 19, 41", "1 9 4 1 7 8 8"), 12);
        Assert.Equal(2.0 / 7, AnswerScorer.Correctness("revir", "rx"), 12);
        Assert.True(AnswerScorer.Correctness("revir", "rx") > AnswerScorer.Correctness("revir", "rxxxxxxxxxxxxxxxx"));
    }

    [Fact]
    public void Score_LaterAnswers_ScoreLessDownToHalfAtTheTimeout()
    {
        var timeout = TimeSpan.FromSeconds(10);
        Assert.Equal(1.0, AnswerScorer.Score("42", "42", TimeSpan.Zero, timeout), 12);
        Assert.Equal(0.75, AnswerScorer.Score("42", "42", TimeSpan.FromSeconds(5), timeout), 12);
        Assert.Equal(0.5, AnswerScorer.Score("42", "42", TimeSpan.FromSeconds(30), timeout), 12);
    }
}
