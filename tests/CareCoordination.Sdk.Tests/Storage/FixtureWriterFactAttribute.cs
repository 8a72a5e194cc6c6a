using System;
using Xunit;

namespace CareCoordination.Sdk.Tests.Storage;

/// <summary>
/// A test that writes a store fixture into the repository instead of checking one: skipped unless
/// CARECOORDINATION_WRITE_FIXTURES=1, so that the suite never rewrites a fixture that a later schema version must still
/// read. Run it once when a schema version is raised (see the store packages' Fixtures/README.md).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FixtureWriterFactAttribute : FactAttribute
{
    /// <summary>The switch that runs the fixture writers.</summary>
    public const string Switch = "CARECOORDINATION_WRITE_FIXTURES";

    public FixtureWriterFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Switch) != "1")
        {
            Skip = $"writes the fixture of the current schema version into the repository; run with {Switch}=1";
        }
    }

    /// <summary>The Fixtures folder of a test project in the repository, where a writer puts what it wrote.</summary>
    /// <param name="project">The test project's folder name.</param>
    public static string FixturesOf(string project) => System.IO.Path.Combine(RepositoryFiles.Root, "tests", project, "Fixtures");
}
