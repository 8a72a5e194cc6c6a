using System;
using System.IO;

namespace CareCoordination.Sdk.Tests;

/// <summary>Finds files of the repository the tests check against, such as README.md and the docs.</summary>
internal static class RepositoryFiles
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CareCoordination.Sdk.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
        }
    }
}
