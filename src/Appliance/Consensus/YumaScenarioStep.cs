using System.Text.Json.Serialization;

namespace Appliance.Consensus;

/// <summary>One epoch of a replayed scenario, in the vectors' field names; arrays are indexed by uid.</summary>
public sealed record YumaScenarioStep(
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("incentive_u16")] ushort[] Incentive,
    [property: JsonPropertyName("dividends_u16")] ushort[] Dividends,
    [property: JsonPropertyName("consensus_u16")] ushort[] Consensus,
    [property: JsonPropertyName("validator_trust_u16")] ushort[] ValidatorTrust,
    [property: JsonPropertyName("emission_rao")] ulong[] Emission,
    [property: JsonPropertyName("server_emission_rao")] ulong[] ServerEmission,
    [property: JsonPropertyName("validator_emission_rao")] ulong[] ValidatorEmission,
    [property: JsonPropertyName("validator_permit")] bool[] ValidatorPermit,
    [property: JsonPropertyName("rank_u16")] ushort[] Rank,
    [property: JsonPropertyName("trust_u16")] ushort[] Trust,
    [property: JsonPropertyName("bonds_u16")] int[][] Bonds)
{
    public static YumaScenarioStep From(string label, EpochOutput output) => new(
        label, output.Incentive, output.Dividends, output.Consensus, output.ValidatorTrust,
        output.Emission, output.ServerEmission, output.ValidatorEmission, output.ValidatorPermit, output.Rank, output.Trust,
        [.. output.Bonds.SelectMany((row, i) => row.Select(e => new[] { i, e.Uid, e.Value }))]);
}
