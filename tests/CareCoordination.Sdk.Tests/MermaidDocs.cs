using System;
using System.IO;
using Xunit;

namespace CareCoordination.Sdk.Tests;

/// <summary>Checks that a Mermaid diagram in docs/ is the one generated from its table; run with CARECOORDINATION_UPDATE_DOCS=1 to regenerate after changing a table.</summary>
internal static class MermaidDocs
{
    public static void AssertGenerated(string file, string diagram)
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", file);
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;
        var end = text.IndexOf("```", start, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CARECOORDINATION_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, text[..start] + diagram + text[end..]);
            return;
        }

        Assert.Equal(diagram, text[start..end]);
    }
}
