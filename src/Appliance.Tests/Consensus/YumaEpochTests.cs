using Appliance.Consensus;

namespace Appliance.Tests.Consensus;

/// <summary>Epoch rules of spec §5 that no shared vector exercises: the owner exceptions, the commit-reveal
/// column mask, sparse liquid-alpha bonds and the I64F64 stake rounding.</summary>
public sealed class YumaEpochTests
{
    private const ulong Block = 200;

    [Fact]
    public void YumaEpoch_OwnerSelfWeight_KeptAndEarnsIncentive()
    {
        var weights = Rows([(0, 65535)], []);
        var owned = YumaEpoch.Run(Input([100, 100], weights, YumaHyperparameters.Default with { OwnerUid = 0 }));
        var unowned = YumaEpoch.Run(Input([100, 100], weights, YumaHyperparameters.Default));

        Assert.Equal(65535, owned.Incentive[0]);
        Assert.Equal(0, unowned.Incentive[0]);
    }

    [Fact]
    public void YumaEpoch_OwnerBelowStakeThreshold_KeepsStakeAndPermit()
    {
        var hyper = YumaHyperparameters.Default with { StakeThreshold = 10 };
        var owned = YumaEpoch.Run(Input([5, 100], Rows([], []), hyper with { OwnerUid = 0 }));
        var unowned = YumaEpoch.Run(Input([5, 100], Rows([], []), hyper));

        Assert.Equal((3120, true), (owned.StakeWeight[0], owned.ValidatorPermit[0]));
        Assert.Equal((0, false), (unowned.StakeWeight[0], unowned.ValidatorPermit[0]));
    }

    [Fact]
    public void YumaEpoch_CommitBeforeTargetRegistration_WeightMasked()
    {
        var weights = Rows([(1, 65535), (2, 65535)], [], []);
        var registered = new ulong[] { 0, 5, 7 };
        var masked = YumaEpoch.Run(Input([100, 0, 0], weights, YumaHyperparameters.Default, registered: registered, commitBlocks: [6, ulong.MaxValue, ulong.MaxValue]));
        var open = YumaEpoch.Run(Input([100, 0, 0], weights, YumaHyperparameters.Default, registered: registered));

        Assert.Equal(new ushort[] { 0, 65535, 0 }, masked.Incentive);
        Assert.Equal(new ushort[] { 0, 32767, 32767 }, open.Incentive);
    }

    [Fact]
    public void YumaEpoch_LiquidAlphaBondWithoutWeightEntry_DroppedNotDecayed()
    {
        var hyper = YumaHyperparameters.Default with { LiquidAlpha = true };
        var bonds = Rows([(1, 30000), (2, 30000)], [], []);
        var absent = YumaEpoch.Run(Input([100, 0, 0], Rows([(1, 65535)], [], []), hyper, bonds: bonds));
        var zero = YumaEpoch.Run(Input([100, 0, 0], Rows([(1, 65535), (2, 0)], [], []), hyper, bonds: bonds));

        Assert.DoesNotContain(absent.Bonds[0], e => e.Uid == 2);
        Assert.Contains(zero.Bonds[0], e => e.Uid == 2 && e.Value is > 0 and < 30000);
    }

    [Fact]
    public void YumaEpoch_TenEqualStakesNoWeights_EmissionFloorsTo99999999()
    {
        var output = YumaEpoch.Run(Input([.. Enumerable.Repeat(1_000_000_000UL, 10)], Rows([], [], [], [], [], [], [], [], [], [])));

        Assert.All(output.Emission, e => Assert.Equal(99_999_999UL, e));
        Assert.All(output.ValidatorEmission, e => Assert.Equal(99_999_999UL, e));
    }

    private static (ushort, ushort)[][] Rows(params (ushort, ushort)[][] rows) => rows;

    private static EpochInput Input(
        ulong[] stake, (ushort, ushort)[][] weights, YumaHyperparameters? hyper = null,
        ulong[]? registered = null, ulong[]? commitBlocks = null, (ushort, ushort)[][]? bonds = null)
    {
        var n = stake.Length;
        return new EpochInput(
            n, Block, 100, 5000, stake, [.. Enumerable.Repeat(Block - 1, n)], registered ?? new ulong[n], [.. Enumerable.Repeat(true, n)],
            weights, bonds ?? [.. Enumerable.Repeat(Array.Empty<(ushort, ushort)>(), n)], hyper ?? YumaHyperparameters.Default, 1_000_000_000, commitBlocks);
    }
}
