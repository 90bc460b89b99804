using System.Globalization;
using Appliance.Primitives;

namespace Appliance.Web;

/// <summary>How the pages write numbers: TAO from rao, proportions, short hashes and addresses, times.</summary>
public static class Format
{
    public static string Tao(ulong rao) => (rao / (decimal)Rao.PerTao).ToString("#,0.####", CultureInfo.InvariantCulture);

    public static string Proportion(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Short(string hashOrAddress) => hashOrAddress.Length <= 14 ? hashOrAddress : $"{hashOrAddress[..8]}…{hashOrAddress[^6..]}";

    public static string Time(ulong unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds((long)unixMilliseconds).ToString("HH:mm:ss", CultureInfo.InvariantCulture);
}
