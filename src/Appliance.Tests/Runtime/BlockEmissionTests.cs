using Appliance.Primitives;
using Appliance.Runtime.Coinbase;

namespace Appliance.Tests.Runtime;

public sealed class BlockEmissionTests
{
    [Theory]
    [InlineData(0UL, 1_000_000_000UL)]
    [InlineData(10_500_000_000_000_000UL - 1, 1_000_000_000UL)]
    [InlineData(10_500_000_000_000_000UL, 500_000_000UL)]
    [InlineData(15_750_000_000_000_000UL - 1, 500_000_000UL)]
    [InlineData(15_750_000_000_000_000UL, 250_000_000UL)]
    [InlineData(18_375_000_000_000_000UL - 1, 250_000_000UL)]
    [InlineData(18_375_000_000_000_000UL, 125_000_000UL)]
    [InlineData(20_999_999_999_999_999UL, 0UL)]
    [InlineData(21_000_000_000_000_000UL, 0UL)]
    public void ForIssuance_HalvesAtSpecBoundaries(ulong issuance, ulong expected)
    {
        Assert.Equal(new Rao(expected), BlockEmission.ForIssuance(new Rao(issuance)));
    }
}
