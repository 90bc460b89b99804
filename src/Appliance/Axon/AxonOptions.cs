using System.Net;
using Appliance.Crypto;
using Appliance.Primitives;

namespace Appliance.Axon;

/// <summary>
/// Where one miner's axon listens, where serve_axon says it is, and whom it serves. Port 0 takes a free port;
/// AxonServer reports the one bound. As bittensor's axon (ip/port and external_ip/external_port), the
/// announced address defaults to the one listened on, and must be given when that is every address.
/// </summary>
public sealed class AxonOptions
{
    public string Ip { get; init; } = "127.0.0.1";

    public int Port { get; init; }

    /// <summary>Where validators reach the axon, announced on chain: another machine's view of this one. Default: <see cref="Ip"/>.</summary>
    public string? ExternalIp { get; init; }

    /// <summary>The port announced on chain (a forwarded port, say). Default: the port bound.</summary>
    public int? ExternalPort { get; init; }

    public required NetUid Netuid { get; init; }

    /// <summary>The miner's hotkey: callers sign for its address, and it is the axon that serve_axon announced.</summary>
    public required Ed25519KeyPair Hotkey { get; init; }

    public AxonLimits Limits { get; init; } = new();

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!IPAddress.TryParse(Ip, out _))
        {
            problems.Add($"Axon Ip: '{Ip}' is not an IP address.");
        }
        if (Port is < 0 or > ushort.MaxValue)
        {
            problems.Add($"Axon Port: must be 0 (any free port) to 65535, got {Port}.");
        }
        if (ExternalIp is not null && !IPAddress.TryParse(ExternalIp, out _))
        {
            problems.Add($"Axon ExternalIp: '{ExternalIp}' is not an IP address.");
        }
        else if (IPAddress.TryParse(ExternalIp ?? Ip, out var announced) && IsEveryAddress(announced))
        {
            problems.Add($"Axon ExternalIp: validators cannot reach {announced}; name the address this machine is reached at.");
        }
        if (ExternalPort is < 1 or > ushort.MaxValue)
        {
            problems.Add($"Axon ExternalPort: must be 1 to 65535, got {ExternalPort}.");
        }
        if (Netuid.Value == 0)
        {
            problems.Add("Axon Netuid: subnets are numbered from 1.");
        }
        problems.AddRange(Limits.Problems());
        return problems;
    }

    /// <summary>0.0.0.0 or ::, which a server binds to listen on every address but no one can connect to.</summary>
    public static bool IsEveryAddress(IPAddress address) => address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any);
}

/// <summary>What one request may ask for and how long it may take. Timeouts and the nonce delta default to bittensor's.</summary>
public sealed record AxonLimits
{
    public long MaxBodyBytes { get; init; } = 64 * 1024;

    public int MaxPromptChars { get; init; } = 16 * 1024;

    public int MaxTokens { get; init; } = 512;

    public int MaxConcurrentPerCaller { get; init; } = 4;

    /// <summary>For a request without a timeout header: bittensor's default synapse timeout.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>A longer timeout header is cut to this, so one caller cannot hold a slot (or widen the nonce window) indefinitely.</summary>
    public TimeSpan MaxTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>How far a nonce may lag the axon's clock beyond the request's timeout (bittensor's ALLOWED_DELTA).</summary>
    public TimeSpan NonceAllowedDelta { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>On stop, how long requests in progress may run before they are cancelled.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Problems()
    {
        if (MaxBodyBytes < 1)
        {
            yield return $"Axon MaxBodyBytes: must be positive, got {MaxBodyBytes}.";
        }
        if (MaxPromptChars < 1 || MaxTokens < 1 || MaxConcurrentPerCaller < 1)
        {
            yield return $"Axon MaxPromptChars, MaxTokens, MaxConcurrentPerCaller: must each be at least 1, got {MaxPromptChars}, {MaxTokens}, {MaxConcurrentPerCaller}.";
        }
        if (DefaultTimeout <= TimeSpan.Zero || MaxTimeout < DefaultTimeout)
        {
            yield return $"Axon DefaultTimeout, MaxTimeout: need 0 < DefaultTimeout <= MaxTimeout, got {DefaultTimeout} and {MaxTimeout}.";
        }
        if (NonceAllowedDelta < TimeSpan.Zero || ShutdownTimeout < TimeSpan.Zero)
        {
            yield return $"Axon NonceAllowedDelta, ShutdownTimeout: must not be negative, got {NonceAllowedDelta} and {ShutdownTimeout}.";
        }
    }
}
