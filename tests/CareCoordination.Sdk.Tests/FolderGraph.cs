using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CareCoordination.Sdk.Tests;

/// <summary>
/// Which folder of the core package uses which: every name in its sources is bound by the compiler, and a use of a type
/// declared in another folder is an edge from the using folder to that folder (a folder is a namespace).
/// </summary>
internal sealed class FolderGraph
{
    private FolderGraph(IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> edges) => Edges = edges;

    /// <summary>Gets, per folder, the folders it uses, each with the uses that make the edge ("File.cs: Type").</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, SortedSet<string>>> Edges { get; }

    public static FolderGraph OfCorePackage()
    {
        var root = Path.Combine(RepositoryFiles.Root, "src", "CareCoordination.Sdk");
        var separator = Path.DirectorySeparatorChar;
        var sources = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .ToList();

        // Crefs are documentation, not dependencies: documentation is not parsed.
        var options = new CSharpParseOptions(LanguageVersion.Preview, DocumentationMode.None);
        var trees = sources.Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), options, file)).ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => !Path.GetFileName(path).StartsWith("CareCoordination.", StringComparison.Ordinal))
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("FolderGraph", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true));

        string FolderOf(string file)
        {
            var folder = Path.GetRelativePath(root, Path.GetDirectoryName(file)!).Replace(separator, '/');
            return folder == "." ? "(root)" : folder;
        }

        var edges = new Dictionary<string, SortedDictionary<string, SortedSet<string>>>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            var from = FolderOf(tree.FilePath);
            var uses = edges.TryGetValue(from, out var existing) ? existing : edges[from] = new SortedDictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            var model = compilation.GetSemanticModel(tree);
            foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
            {
                var info = model.GetSymbolInfo(name);
                var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
                var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
                while (type?.ContainingType is not null)
                {
                    type = type.ContainingType;
                }

                var declaredIn = type?.Locations.FirstOrDefault(location => location.IsInSource)?.SourceTree?.FilePath;
                if (declaredIn is null || FolderOf(declaredIn) == from)
                {
                    continue;
                }

                var to = FolderOf(declaredIn);
                if (!uses.TryGetValue(to, out var why))
                {
                    uses[to] = why = new SortedSet<string>(StringComparer.Ordinal);
                }

                why.Add($"{Path.GetFileName(tree.FilePath)}: {type!.Name}");
            }
        }

        return new FolderGraph(edges);
    }

    /// <summary>Gets whether <paramref name="to"/> can be reached from <paramref name="from"/> along the edges.</summary>
    public bool Reaches(string from, string to)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([from]);
        while (pending.TryPop(out var folder))
        {
            if (!Edges.TryGetValue(folder, out var uses))
            {
                continue;
            }

            foreach (var next in uses.Keys)
            {
                if (next == to)
                {
                    return true;
                }

                if (seen.Add(next))
                {
                    pending.Push(next);
                }
            }
        }

        return false;
    }

    /// <summary>Draws the folders bottom-up as Mermaid, with only the edges no longer path implies (the transitive reduction).</summary>
    public string ToMermaid()
    {
        static string Id(string folder) => folder.Replace('/', '_').Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
        var lines = new List<string> { "graph BT" };
        foreach (var (from, uses) in Edges.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            foreach (var to in uses.Keys)
            {
                var impliedByAnother = uses.Keys.Any(other => other != to && Reaches(other, to));
                if (!impliedByAnother)
                {
                    lines.Add($"    {Id(from)}[\"{from}\"] --> {Id(to)}[\"{to}\"]");
                }
            }
        }

        return string.Join('\n', lines) + "\n";
    }
}
