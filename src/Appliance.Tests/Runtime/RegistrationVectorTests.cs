using System.Text.Json;
using Appliance.Primitives;
using Appliance.Runtime.Registration;
using Appliance.Tests.Support;

namespace Appliance.Tests.Runtime;

/// <summary>The burn and prune cases of Vectors/registration.json (subtensor's own tests).</summary>
public sealed class RegistrationVectorTests
{
    public static IEnumerable<object[]> Cases(string kind) =>
        YumaVectors.Load("registration.json").GetProperty("cases").EnumerateArray()
            .Where(c => c.GetProperty("kind").GetString() == kind)
            .Select(c => new object[] { c.GetProperty("name").GetString()!, c.GetRawText() });

    public static IEnumerable<object[]> BurnCases => Cases("burn_price");

    public static IEnumerable<object[]> PruneCases => Cases("prune_candidate");

    [Theory]
    [MemberData(nameof(BurnCases))]
    public void BurnPrice_FollowsSubtensor(string name, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        var p = c.GetProperty("params");
        var (halfLife, mult) = (p.GetProperty("burn_half_life").GetInt64(), p.GetProperty("burn_increase_mult").GetInt64() * 1_000_000);
        var (min, max) = (new Rao(p.GetProperty("min_burn").GetUInt64()), new Rao(p.GetProperty("max_burn").GetUInt64()));
        var burn = new Rao(p.GetProperty("initial_burn").GetUInt64());
        if (c.TryGetProperty("expected_burn_paid_per_registration", out var paid))
        {
            foreach (var expected in paid.EnumerateArray())
            {
                Assert.True(expected.GetUInt64() == burn.Value, $"{name}: paid {burn.Value}, expected {expected}");
                burn = BurnPrice.Bump(burn, mult, min, max);
            }
            Assert.Equal(c.GetProperty("expected_burn_after_last").GetUInt64(), burn.Value);
            return;
        }
        var block = p.GetProperty("start_block").GetUInt64();
        foreach (var e in c.GetProperty("events").EnumerateArray())
        {
            var at = e.GetProperty("at_block").GetUInt64();
            for (; block < at; block++)
            {
                burn = BurnPrice.Decay(burn, halfLife, min, max);
            }
            if (e.GetProperty("event").GetString()!.StartsWith("register"))
            {
                burn = BurnPrice.Bump(burn, mult, min, max);
            }
            Assert.True(e.GetProperty("expected_burn_after").GetUInt64() == burn.Value, $"{name} at block {at}: {burn.Value}");
        }
    }

    [Theory]
    [MemberData(nameof(PruneCases))]
    public void PruneCandidate_FollowsSubtensor(string name, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        var i = c.GetProperty("inputs");
        var chosen = PruneCandidate.Choose(
            i.GetProperty("current_block").GetUInt64(), i.GetProperty("immunity_period").GetUInt64(), i.GetProperty("min_non_immune_uids").GetInt32(),
            i.GetProperty("block_at_registration").EnumerateArray().Select(x => x.GetUInt64()).ToList(),
            i.GetProperty("emission").EnumerateArray().Select(x => x.GetUInt64()).ToList(),
            i.GetProperty("owner_immortal_uids").EnumerateArray().Select(x => x.GetInt32()).ToHashSet());

        var expected = c.GetProperty("expected_uid");
        Assert.True((expected.ValueKind == JsonValueKind.Null ? null : (int?)expected.GetInt32()) == chosen, $"{name}: chose {chosen?.ToString() ?? "none"}");
    }

    [Theory]
    [InlineData(new ushort[] { 43690, 21845 }, new ushort[] { 65535, 32768 })]
    [InlineData(new ushort[] { 32767, 32767 }, new ushort[] { 65535, 65535 })]
    [InlineData(new ushort[] { 0, 0 }, new ushort[] { 0, 0 })]
    [InlineData(new ushort[] { 1, 3 }, new ushort[] { 21845, 65535 })]
    public void MaxUpscale_MatchesSpecExamples(ushort[] values, ushort[] expected)
    {
        Assert.Equal(expected, Appliance.Consensus.VectorMath.U16MaxUpscaleToU16(values));
    }
}
