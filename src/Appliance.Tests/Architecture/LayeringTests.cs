using System.Reflection;
using System.Reflection.Emit;
using System.Text.RegularExpressions;
using Appliance.Primitives;

namespace Appliance.Tests.Architecture;

/// <summary>
/// Keeps the dependency graph of <see cref="Layers"/> true: every type of the assembly (its signatures and
/// the members its method bodies touch, read from the IL) and every source file (its usings and fully
/// qualified names) may reach only the folders its own folder is allowed to use.
/// </summary>
public sealed partial class LayeringTests
{
    private static readonly Assembly Appliance = typeof(Rao).Assembly;
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (OpCode)f.GetValue(null)!).ToDictionary(o => o.Value);

    [Fact]
    public void Graph_HasNoCycle()
    {
        var visiting = new HashSet<string>();
        var done = new HashSet<string>();
        void Visit(string folder, Stack<string> path)
        {
            Assert.True(visiting.Add(folder), $"cycle: {string.Join(" → ", path.Reverse())} → {folder}");
            path.Push(folder);
            foreach (var next in Layers.Allowed[folder].Where(n => !done.Contains(n)))
            {
                Visit(next, path);
            }
            path.Pop();
            visiting.Remove(folder);
            done.Add(folder);
        }
        foreach (var folder in Layers.Allowed.Keys.Where(f => !done.Contains(f)))
        {
            Visit(folder, new Stack<string>());
        }
    }

    [Fact]
    public void EveryFolder_HasAPlaceInTheGraph()
    {
        var folders = Appliance.GetTypes().Select(t => Layers.FolderOf(t.Namespace)).OfType<string>()
            .Concat(Directory.GetDirectories(SourceRoot()).Select(Path.GetFileName).OfType<string>().Where(d => d is not ("bin" or "obj" or "Properties")))
            .Distinct();
        var unplaced = folders.Where(f => !Layers.Allowed.ContainsKey(f)).ToList();
        Assert.True(unplaced.Count == 0, $"folders missing from Layers.Allowed: {string.Join(", ", unplaced)}");
    }

    [Fact]
    public void Types_ReferenceOnlyFoldersTheirFolderMayUse()
    {
        var violations = new SortedSet<string>();
        foreach (var type in Appliance.GetTypes())
        {
            if (Layers.FolderOf(type.Namespace) is not { } from)
            {
                continue;
            }
            foreach (var (used, where) in References(type))
            {
                if (Layers.FolderOf(used.Namespace) is { } to && !Layers.Permits(from, to))
                {
                    violations.Add($"{type.FullName} ({from}) uses {used.FullName} ({to}) in {where}");
                }
            }
        }
        Assert.True(violations.Count == 0, "against the allowed direction (Layers.Allowed, docs/architecture.md):\n" + string.Join('\n', violations));
    }

    [Fact]
    public void Sources_UseOnlyFoldersTheirFolderMayUse()
    {
        var root = SourceRoot();
        var violations = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var relative = Path.GetRelativePath(root, file);
            var from = relative.Split(Path.DirectorySeparatorChar)[0];
            if (from is "bin" or "obj" || !relative.Contains(Path.DirectorySeparatorChar))
            {
                continue;
            }
            foreach (Match match in OurNamespace().Matches(File.ReadAllText(file)))
            {
                var to = match.Groups[1].Value;
                if (Layers.Allowed.ContainsKey(to) && !Layers.Permits(from, to))
                {
                    violations.Add($"{relative} ({from}) names Appliance.{to}");
                }
            }
        }
        Assert.True(violations.Count == 0, "against the allowed direction (Layers.Allowed, docs/architecture.md):\n" + string.Join('\n', violations));
    }

    /// <summary>src/Appliance beside this test project, found from the test binaries upwards.</summary>
    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Appliance");
            if (File.Exists(Path.Combine(candidate, "Appliance.csproj")))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException($"no src/Appliance above {AppContext.BaseDirectory}");
    }

    private static IEnumerable<(Type Used, string Where)> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var direct = new List<(Type, string)>();
        if (type.BaseType is { } baseType)
        {
            direct.Add((baseType, "its base type"));
        }
        direct.AddRange(type.GetInterfaces().Select(i => (i, "its interfaces")));
        direct.AddRange(type.GetFields(all).Select(f => (f.FieldType, $"field {f.Name}")));
        direct.AddRange(type.GetProperties(all).Select(p => (p.PropertyType, $"property {p.Name}")));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                direct.Add((info.ReturnType, $"{method.Name}'s return type"));
            }
            direct.AddRange(method.GetParameters().Select(p => (p.ParameterType, $"{method.Name}'s parameter {p.Name}")));
            direct.AddRange(BodyReferences(method).Select(t => (t, $"{method.Name}'s body")));
        }
        return direct.SelectMany(d => Expand(d.Item1).Select(t => (t, d.Item2)));
    }

    /// <summary>A type with its element type and generic arguments, all the way down.</summary>
    private static IEnumerable<Type> Expand(Type type)
    {
        yield return type;
        if (type.HasElementType && type.GetElementType() is { } element)
        {
            foreach (var inner in Expand(element))
            {
                yield return inner;
            }
        }
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            foreach (var inner in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return inner;
            }
        }
    }

    /// <summary>The types a method body names: the operand of every field, method, type and token instruction.</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var i = 0; i < il.Length;)
        {
            var code = il[i] == 0xFE ? OpCodesByValue[unchecked((short)(0xFE00 | il[i + 1]))] : OpCodesByValue[il[i]];
            i += code.Size;
            switch (code.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    var member = method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments);
                    i += 4;
                    if (member is Type type)
                    {
                        yield return type;
                    }
                    else if (member?.DeclaringType is { } owner)
                    {
                        yield return owner;
                    }
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += OperandSize(code.OperandType);
                    break;
            }
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };

    [GeneratedRegex(@"\bAppliance\.([A-Z]\w*)\b")]
    private static partial Regex OurNamespace();
}
