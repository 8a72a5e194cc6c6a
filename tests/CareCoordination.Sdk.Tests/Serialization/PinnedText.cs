using System;
using System.IO;
using Xunit;

namespace CareCoordination.Sdk.Tests.Serialization;

/// <summary>
/// A ```text block of a page in docs/ that a test pins, found by the marker line <c>&lt;!-- pinned: name --&gt;</c> before
/// it, so that one page can hold several blocks, each pinned by its own test. With CARECOORDINATION_UPDATE_DOCS=1 the test
/// writes the block instead of comparing it, after a deliberate change of what it pins.
/// </summary>
internal static class PinnedText
{
    public static void AssertDocumentShows(string page, string block, string text)
    {
        var path = Path.Combine(RepositoryFiles.Root, "docs", page);
        var document = File.ReadAllText(path).ReplaceLineEndings("\n");
        var marker = "<!-- pinned: " + block + " -->\n```text\n";
        var start = document.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/{page} has no block marked '{marker.TrimEnd()}'.");
        start += marker.Length;
        var end = document.IndexOf("```", start, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("CARECOORDINATION_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(path, document[..start] + text + document[end..]);
            return;
        }

        Assert.Equal(document[start..end], text);
    }
}
