using System.Reflection;
using System.Text.RegularExpressions;
using Appliance.Chain;
using Appliance.Mempool;
using Appliance.Runtime;
using Appliance.Runtime.Balances;
using Appliance.Runtime.Subnets;

namespace Appliance.Tests.Architecture;

/// <summary>
/// The error catalogues (DispatchErrorCode, ValidityErrorCode, AdmissionCode) are closed and covered: every
/// code is asserted by some test, every dispatch code names its pallet, and every method that hands back
/// one of these errors is on CA1806's list in .editorconfig, so ignoring its result fails the build.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    [Fact]
    public void Catalogue_EveryCode_IsAssertedByATest()
    {
        var assertions = Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "Appliance.Tests"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file) && Path.GetFileName(file) != $"{nameof(ErrorCatalogueTests)}.cs")
            .SelectMany(File.ReadLines)
            .Where(line => AssertionCall().IsMatch(line))
            .ToList();

        var unasserted = Codes<DispatchErrorCode>().Concat(Codes<ValidityErrorCode>()).Concat(Codes<AdmissionCode>())
            .Where(code => !assertions.Any(line => Regex.IsMatch(line, $@"\b{Regex.Escape(code)}\b")))
            .ToList();

        Assert.True(unasserted.Count == 0, $"no test asserts: {string.Join(", ", unasserted)}");
    }

    [Fact]
    public void Catalogue_EveryDispatchCode_NamesItsPallet_AndReadsCodeColonDetail()
    {
        Assert.All(Enum.GetValues<DispatchErrorCode>(), code =>
        {
            var error = new DispatchError(code, "what happened.");
            Assert.Contains(error.Module, new[] { BalancesModule.Name, SubnetsModule.Name });
            Assert.Equal($"{code}: what happened.", error.ToString());
        });
        Assert.Equal(BalancesModule.Name, new DispatchError(DispatchErrorCode.Expendability, "").Module);
        Assert.Equal(SubnetsModule.Name, new DispatchError(DispatchErrorCode.SubNetworkDoesNotExist, "").Module);
    }

    [Fact]
    public void EveryMethodReturningAnError_IsOnCa1806sList()
    {
        const string Option = "dotnet_code_quality.CA1806.additional_use_results_methods";
        var line = File.ReadLines(Path.Combine(RepositoryRoot(), ".editorconfig")).Single(l => l.StartsWith(Option, StringComparison.Ordinal));
        var listed = line[(line.IndexOf('=', StringComparison.Ordinal) + 1)..].Split('|', StringSplitOptions.TrimEntries);
        Type[] errors = [typeof(DispatchError), typeof(ValidityError), typeof(AdmissionResult)];
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

        var unlisted = typeof(DispatchError).Assembly.GetTypes()
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(all))
            .Where(m => errors.Contains(m.ReturnType) && !m.IsSpecialName && !m.Name.Contains('<', StringComparison.Ordinal))
            .Select(m => (m.Name, Id: $"M:{m.DeclaringType!.FullName!.Replace('+', '.')}.{m.Name}"))
            .Where(m => !listed.Any(entry => entry == m.Name || (entry.EndsWith('*') && m.Id.StartsWith(entry[..^1], StringComparison.Ordinal))))
            .Select(m => m.Id)
            .Distinct()
            .ToList();

        Assert.True(unlisted.Count == 0, $"add to {Option}: {string.Join(", ", unlisted)}");
    }

    /// <summary>A call of Assert.X( or of a helper named Assert…( on the line.</summary>
    [GeneratedRegex(@"\bAssert(\.\w+|\w*)\(")]
    private static partial Regex AssertionCall();

    private static IEnumerable<string> Codes<T>() where T : struct, Enum => Enum.GetValues<T>().Select(code => $"{typeof(T).Name}.{code}");

    private static bool IsBuildOutput(string file) =>
        file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Appliance.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no Appliance.sln above {AppContext.BaseDirectory}");
    }
}
