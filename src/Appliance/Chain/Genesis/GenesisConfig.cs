using System.Text.Json;
using System.Text.Json.Serialization;
using Appliance.Keys;
using Appliance.Primitives;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Coinbase;

namespace Appliance.Chain.Genesis;

/// <summary>
/// What the chain starts from (Substrate's genesis config): the authority that seals blocks, the genesis
/// timestamp, the endowed accounts and the emission model ("classic" or "dynamic", dynamic when a file leaves
/// it out). Its SCALE-free JSON is stored in the database so `chain verify` can rebuild genesis; any change
/// to it changes the genesis hash.
/// </summary>
public sealed record GenesisConfig(
    [property: JsonPropertyName("chain_name")] string ChainName,
    [property: JsonPropertyName("authority")] string Authority,
    [property: JsonPropertyName("timestamp")] ulong Timestamp,
    [property: JsonPropertyName("balances")] IReadOnlyList<GenesisBalance> Balances,
    [property: JsonPropertyName("emission_model")] string? EmissionModelName = null)
{
    private static readonly JsonSerializerOptions Json = new() { RespectNullableAnnotations = true, RespectRequiredConstructorParameters = true };

    /// <summary>The development chain: //Alice seals blocks and holds 1,000,000 TAO.</summary>
    public static GenesisConfig Development(EmissionModel model = EmissionModel.Dynamic)
    {
        using var alice = DevAccounts.Alice();
        var address = Ss58.Encode(alice.PublicKey);
        return new GenesisConfig("appliance-dev", address, 0, [new GenesisBalance(address, 1_000_000 * Rao.PerTao)], EmissionModels.Name(model));
    }

    public EmissionModel EmissionModel => EmissionModels.Parse(EmissionModelName) ?? EmissionModel.Dynamic;

    /// <summary>A genesis file: without "emission_model" the chain is dynamic.</summary>
    public static GenesisConfig Parse(string json, string source) => Parse(json, source, EmissionModel.Dynamic);

    /// <summary>The config a database stored: one stored before the emission model existed is classic.</summary>
    public static GenesisConfig ParseStored(string json, string source) => Parse(json, source, EmissionModel.Classic);

    private static GenesisConfig Parse(string json, string source, EmissionModel absent)
    {
        GenesisConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<GenesisConfig>(json, Json);
        }
        catch (JsonException e)
        {
            throw new GenesisException($"{source} is not a genesis config: {e.Message}");
        }
        config = config ?? throw new GenesisException($"{source} is empty.");
        return (config.EmissionModelName is null ? config with { EmissionModelName = EmissionModels.Name(absent) } : config).Validated(source);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    private GenesisConfig Validated(string source)
    {
        if (!Ss58.TryDecode(Authority, out _, out _, out var error))
        {
            throw new GenesisException($"{source}: authority: {error}");
        }
        if (EmissionModels.Parse(EmissionModelName) is null)
        {
            throw new GenesisException($"{source}: emission_model: '{EmissionModelName}' is neither \"classic\" nor \"dynamic\".");
        }
        if (Timestamp > long.MaxValue)
        {
            throw new GenesisException($"{source}: timestamp {Timestamp} is beyond any date this chain can store.");
        }
        var seen = new HashSet<string>();
        UInt128 total = 0;
        foreach (var balance in Balances)
        {
            if (balance is null)
            {
                throw new GenesisException($"{source}: balances: an entry is null; each is {{\"address\", \"free\"}}.");
            }
            if (!Ss58.TryDecode(balance.Address, out var accountId, out _, out error))
            {
                throw new GenesisException($"{source}: balances: {error}");
            }
            if (!seen.Add(Convert.ToHexString(accountId)))
            {
                throw new GenesisException($"{source}: balances: {balance.Address} is listed twice.");
            }
            if (balance.Free < BalancesModule.ExistentialDeposit.Value)
            {
                throw new GenesisException($"{source}: balances: {balance.Address} has {balance.Free} rao, below the existential deposit.");
            }
            total += balance.Free;
        }
        return total <= BlockEmission.TotalSupply
            ? this
            : throw new GenesisException($"{source}: balances add up to {total} rao, more than the 21,000,000 TAO supply.");
    }
}

public sealed record GenesisBalance(
    [property: JsonPropertyName("address")] string Address,
    [property: JsonPropertyName("free")] ulong Free);

/// <summary>A genesis config that cannot be used, or one that does not match the database.</summary>
public sealed class GenesisException(string message) : Exception(message);
