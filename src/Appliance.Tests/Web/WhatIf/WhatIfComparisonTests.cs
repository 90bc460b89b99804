using Appliance.Consensus;
using Appliance.Web.WhatIf;

namespace Appliance.Tests.Web.WhatIf;

/// <summary>
/// Two validators (stake 60 and 40) each put all their weight on one miner: uid 0 on uid 2, uid 1 on uid 3.
/// At kappa ½ only uid 2 has majority support; at kappa 0 both miners reach consensus.
/// </summary>
public sealed class WhatIfComparisonTests
{
    private const ulong Block = 200;

    [Fact]
    public void WhatIfComparison_KappaZero_MinorityMinerEarnsIncentive()
    {
        var input = Input();

        var comparison = WhatIfComparison.Compute(input, new WhatIfChanges(Kappa: 0));

        AssertSame(YumaEpoch.Run(input), comparison.Actual);
        Assert.Equal(new ushort[] { 0, 0, 65535, 0 }, comparison.Rows.Select(r => r.ActualIncentive));
        Assert.Equal(new ushort[] { 0, 0, 39320, 26213 }, comparison.Rows.Select(r => r.WhatIfIncentive));
        Assert.Equal(0UL, comparison.Rows[3].ActualEmission);
        Assert.True(comparison.Rows[3].WhatIfEmission > 0);
        Assert.Equal((0, true), (comparison.Rows[1].ActualDividends, comparison.Rows[1].WhatIfDividends > 0));
        Assert.All(comparison.Rows, r => Assert.True(r.Changed));
    }

    [Fact]
    public void WhatIfComparison_NoChangeOrSameWeights_WhatIfEqualsActual()
    {
        var input = Input();
        var sameRow = ValidatorWeights.FromFields(1, ValidatorWeights.Fields(input.Weights[1], input.N));

        var none = WhatIfComparison.Compute(input, WhatIfChanges.None);
        var same = WhatIfComparison.Compute(input, new WhatIfChanges(Weights: sameRow));

        Assert.Same(none.Actual, none.WhatIf);
        AssertSame(same.Actual, same.WhatIf);
        Assert.DoesNotContain(same.Rows, r => r.Changed);
    }

    [Fact]
    public void WhatIfComparison_MinorityValidatorBacksMajorityMiner_OtherMinerLosesEmission()
    {
        var weights = ValidatorWeights.FromFields(1, [null, null, 7, null]);

        var comparison = WhatIfComparison.Compute(Input(), new WhatIfChanges(Kappa: 0, Weights: weights));

        Assert.Equal(new ushort[] { 0, 0, 65535, 0 }, comparison.Rows.Select(r => r.WhatIfIncentive));
        Assert.Equal(0UL, comparison.Rows[3].WhatIfEmission);
    }

    [Fact]
    public void WhatIfComparison_WithOtherChanges_KeepsActualRun()
    {
        var first = WhatIfComparison.Compute(Input(), new WhatIfChanges(Kappa: 0));

        var second = first.With(new WhatIfChanges(Kappa: 65535));

        Assert.Same(first.Actual, second.Actual);
        Assert.Equal(new ushort[] { 0, 0, 0, 0 }, second.Rows.Select(r => r.WhatIfIncentive));
    }

    [Fact]
    public void ValidatorWeights_FromFields_BlankDroppedZeroKeptMaxUpscaled()
    {
        var weights = ValidatorWeights.FromFields(0, [null, 0, 100, 50]);

        Assert.Equal([(1, 0), (2, 65535), (3, 32768)], weights.StoredRow);
    }

    private static void AssertSame(EpochOutput expected, EpochOutput actual)
    {
        Assert.Equal(expected.Incentive, actual.Incentive);
        Assert.Equal(expected.Dividends, actual.Dividends);
        Assert.Equal(expected.Consensus, actual.Consensus);
        Assert.Equal(expected.ServerEmission, actual.ServerEmission);
        Assert.Equal(expected.ValidatorEmission, actual.ValidatorEmission);
        Assert.Equal(expected.Bonds.Select(b => b.ToList()), actual.Bonds.Select(b => b.ToList()));
    }

    private static EpochInput Input() => new(
        4, Block, 100, 5000, [60_000_000_000, 40_000_000_000, 0, 0], [.. Enumerable.Repeat(Block - 1, 4)], new ulong[4], [.. Enumerable.Repeat(true, 4)],
        [[(2, 65535)], [(3, 65535)], [], []], [[], [], [], []], YumaHyperparameters.Default with { Kappa = 32_767 }, 1_000_000_000);
}
