namespace Appliance.Chain;

/// <summary>The runtime's identity, signed into every extrinsic (Substrate's RuntimeVersion).</summary>
public static class RuntimeVersion
{
    public const string SpecName = "appliance";
    public const uint SpecVersion = 1;
    public const uint TransactionVersion = 1;
}
