namespace Appliance.Native;

/// <summary>A native library the appliance needs could not be loaded; the message says how to get it.</summary>
public sealed class MissingNativeLibraryException(string message) : Exception(message);
