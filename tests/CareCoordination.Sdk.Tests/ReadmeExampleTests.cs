using System;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Regions;
using CareCoordination.Sdk.Signals;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CareCoordination.Sdk.Tests;

/// <summary>README's code example lives here, so that it compiles and runs; a test checks README shows it verbatim.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_registers_two_signals_and_finds_one_match()
    {
        IClock clock = new FakeClock(Instant.FromUtc(2026, 11, 23, 9, 0));
        #region readme
        var directory = new OrganisationDirectory();
        var school = new OrganisationId(1);
        var jgz = new OrganisationId(2);
        directory.AddOrReplace(new Organisation(school, "De Regenboog", OrganisationKind.School, new ContactDetails("030 123", "zorg@regenboog.example"), hasMunicipalAgreement: true));
        directory.AddOrReplace(new Organisation(jgz, "JGZ Utrecht", OrganisationKind.YouthHealthCare, new ContactDetails("030 456", "jgz@utrecht.example"), hasMunicipalAgreement: true));
        directory.AddOrReplace(new Professional(new ProfessionalId(11), school, "D. Visser", new ContactDetails("06 111", "d.visser@regenboog.example"), isDesignatedReporter: true));
        directory.AddOrReplace(new Professional(new ProfessionalId(21), jgz, "A. de Vries", new ContactDetails("06 222", "a.devries@jgz.example"), isDesignatedReporter: true));

        var index = new ReferenceIndex(RegionPolicy.Default, directory, clock);
        var youth = new Youth(Bsn.Parse("111222333"), new LocalDate(2016, 5, 1));
        index.Register(new SignalRegistration(youth, school, new ProfessionalId(11), ReportingCriterion.SchoolAbsenceOrDropout)).ThrowIfRefused();
        var result = index.Register(new SignalRegistration(youth, jgz, new ProfessionalId(21), ReportingCriterion.SeriousUpbringingProblems));

        foreach (var match in result.Matches)
        {
            Console.WriteLine($"{match.Kind} match on {match.Youth}: contact {match.OtherOrganisation}, coordinated by {match.MatchCoordinator}");
        }
        #endregion

        Assert.Equal(1, result.MatchCount);
        Assert.Equal(jgz, result.Matches[0].MatchCoordinator);
    }

    [Fact]
    public void The_readme_shows_the_example_verbatim()
    {
        var source = File.ReadAllLines(Path.Combine(RepositoryFiles.Root, "tests", "CareCoordination.Sdk.Tests", "ReadmeExampleTests.cs"));
        var start = Array.FindIndex(source, l => l.Trim() == "#region readme");
        var end = Array.FindIndex(source, l => l.Trim() == "#endregion");
        var snippet = string.Join("\n", source[(start + 1)..end].Select(l => l.Length >= 8 ? l[8..] : l.TrimStart()));

        var readme = File.ReadAllText(Path.Combine(RepositoryFiles.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

        Assert.Contains("```csharp\n" + snippet + "\n```", readme, StringComparison.Ordinal);
    }
}
