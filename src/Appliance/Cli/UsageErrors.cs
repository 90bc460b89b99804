using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Appliance.Cli;

/// <summary>
/// Parse errors as one line: a validator's own "Code: detail" (BadNodeUrl …) as it is, anything else as
/// "Usage: …", where a number out of its type's range reads "--netuid must be 0…65535, got -1" instead of
/// System.CommandLine's "as expected type 'System.UInt16'".
/// </summary>
public static partial class UsageErrors
{
    private static readonly Dictionary<Type, (string Min, string Max)> IntegerRanges = new()
    {
        [typeof(byte)] = ("0", byte.MaxValue.ToString()),
        [typeof(ushort)] = ("0", ushort.MaxValue.ToString()),
        [typeof(uint)] = ("0", uint.MaxValue.ToString()),
        [typeof(ulong)] = ("0", ulong.MaxValue.ToString()),
        [typeof(int)] = (int.MinValue.ToString(), int.MaxValue.ToString()),
        [typeof(long)] = (long.MinValue.ToString(), long.MaxValue.ToString()),
    };

    public static string Line(IEnumerable<ParseError> errors)
    {
        var messages = errors.Select(Message).ToList();
        return messages.FirstOrDefault(IsCoded)
            ?? $"Usage: {string.Join("; ", messages)} (add --help for usage)";
    }

    /// <summary>Whether the message already starts with its code ("InvalidAmount: …").</summary>
    public static bool IsCoded(string message) => Coded().IsMatch(message);

    private static string Message(ParseError error)
    {
        var option = error.SymbolResult as OptionResult ?? error.SymbolResult?.Parent as OptionResult;
        // Only System.CommandLine's own conversion failures are rewritten; an option validator's message stands.
        var token = error.Message.Contains("as expected type") ? option?.Tokens.FirstOrDefault()?.Value : null;
        if (option is not null && token is not null && IntegerRanges.TryGetValue(Nullable.GetUnderlyingType(option.Option.ValueType) ?? option.Option.ValueType, out var range))
        {
            return $"{option.Option.Name} must be {range.Min}…{range.Max}, got {token}";
        }
        if (option is not null && token is not null && option.Option.ValueType == typeof(double))
        {
            return $"{option.Option.Name} must be a number, got {token}";
        }
        return string.Join(' ', error.Message.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex("^[A-Z][A-Za-z0-9]+: ")]
    private static partial Regex Coded();
}
