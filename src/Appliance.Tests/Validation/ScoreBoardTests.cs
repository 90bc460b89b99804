using Appliance.Validation;

namespace Appliance.Tests.Validation;

public sealed class ScoreBoardTests
{
    [Fact]
    public void Record_FoldsRewardsIntoAnExponentialMovingAverage()
    {
        var board = new ScoreBoard(0.1);
        board.Record(1, "a", 1);
        board.Record(1, "a", 1);
        Assert.Equal(0.19, board[1], 12);
        board.Record(1, "a", 0);
        Assert.Equal(0.171, board[1], 12);
        Assert.Equal(0, board[2]);
    }

    [Fact]
    public void Record_NewHotkeyOnTheUid_StartsFromZero()
    {
        var board = new ScoreBoard(0.5);
        board.Record(3, "old", 1);
        board.Record(3, "new", 0.4);
        Assert.Equal(0.2, board[3], 12);
    }

    [Fact]
    public void Constructor_AlphaOutOfRange_Refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBoard(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScoreBoard(1.5));
    }
}
