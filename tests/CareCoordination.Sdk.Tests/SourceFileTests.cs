using System;
using System.IO;
using System.Linq;
using Xunit;

namespace CareCoordination.Sdk.Tests;

public sealed class SourceFileTests
{
    [Fact]
    public void No_source_file_of_any_package_runs_over_500_lines_so_each_room_does_one_job()
    {
        var separator = Path.DirectorySeparatorChar;
        var tooLong = Directory.EnumerateFiles(Path.Combine(RepositoryFiles.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{separator}obj{separator}", StringComparison.Ordinal) && !file.Contains($"{separator}bin{separator}", StringComparison.Ordinal))
            .Select(file => (File: Path.GetRelativePath(RepositoryFiles.Root, file), Lines: File.ReadLines(file).Count()))
            .Where(source => source.Lines > 500)
            .Select(source => $"{source.File}: {source.Lines} lines")
            .ToList();

        Assert.True(tooLong.Count == 0, "Split these into types named for one job each:\n" + string.Join('\n', tooLong));
    }
}
