namespace Appliance.Scale;

/// <summary>Bytes that are not a valid SCALE encoding of the expected type; the message says where and why.</summary>
public sealed class ScaleFormatException(string message) : FormatException(message);
