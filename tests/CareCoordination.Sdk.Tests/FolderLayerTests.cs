using System.Linq;
using Xunit;

namespace CareCoordination.Sdk.Tests;

public sealed class FolderLayerTests
{
    private static readonly FolderGraph Graph = FolderGraph.OfCorePackage();

    [Fact]
    public void No_folder_of_the_core_package_uses_a_folder_that_uses_it()
    {
        var cycles = (
            from pair in Graph.Edges
            from use in pair.Value
            where Graph.Reaches(use.Key, pair.Key)
            select $"{pair.Key} -> {use.Key} ({string.Join(", ", use.Value.Take(3))})").ToList();

        Assert.True(cycles.Count == 0, "These uses close a cycle between folders:\n" + string.Join('\n', cycles));
    }

    [Fact]
    public void The_graph_finds_the_uses_between_folders_that_the_design_relies_on()
    {
        Assert.True(Graph.Reaches("Index", "Storage"), "the index commits through the store");
        Assert.True(Graph.Reaches("Serialization", "Coordination"), "case events are stored as JSON documents");
        Assert.True(Graph.Reaches("Coordination/Desk", "Serialization"), "the desk writes its events as documents");
        Assert.False(Graph.Reaches("Storage", "Index"), "the storage contract knows nothing of the index");
    }

    [Fact]
    public void The_architecture_document_draws_the_folder_layers_as_the_sources_have_them() =>
        MermaidDocs.AssertGenerated("architecture.md", Graph.ToMermaid());
}
