using System;
using System.Collections.Generic;
using CareCoordination.Sdk.Organisations;
using Xunit;

namespace CareCoordination.Sdk.Tests.Organisations;

public sealed class OrganisationDirectoryTests
{
    private static readonly ContactDetails Contact = new("030 123", "info@x.example");

    [Fact]
    public void A_professional_needs_an_organisation_in_the_directory_first()
    {
        var directory = new OrganisationDirectory();

        var error = Assert.Throws<ArgumentException>(() => directory.AddOrReplace(new Professional(new ProfessionalId(1), new OrganisationId(9), "A", Contact, true)));

        Assert.StartsWith("The organisation org-9 of professional pro-1 is not in the directory; add the organisation first.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_organisation_coordinator_must_work_for_the_organisation()
    {
        var directory = new OrganisationDirectory();
        var school = new Organisation(new OrganisationId(1), "School", OrganisationKind.School, Contact, true);
        var other = new Organisation(new OrganisationId(2), "Other", OrganisationKind.School, Contact, true);
        directory.AddOrReplace(school);
        directory.AddOrReplace(other);
        directory.AddOrReplace(new Professional(new ProfessionalId(20), other.Id, "B", Contact, true));

        Assert.Throws<ArgumentException>(() => directory.AddOrReplace(school.WithOrganisationCoordinator(new ProfessionalId(20))));
        Assert.Null(directory.GetOrganisation(school.Id).OrganisationCoordinator);
    }

    [Fact]
    public void Replacing_an_organisation_keeps_one_entry()
    {
        var directory = new OrganisationDirectory();
        directory.AddOrReplace(new Organisation(new OrganisationId(1), "Old name", OrganisationKind.School, Contact, true));

        directory.AddOrReplace(new Organisation(new OrganisationId(1), "New name", OrganisationKind.School, Contact, false));

        Assert.Single(directory.Organisations);
        Assert.Equal("New name", directory.GetOrganisation(new OrganisationId(1)).Name);
        Assert.Throws<NotFoundException>(() => directory.GetOrganisation(new OrganisationId(2)));
    }

    [Fact]
    public void What_the_index_reads_about_organisations_and_reporters_follows_every_change_to_the_directory()
    {
        var directory = new OrganisationDirectory();
        var team = new Organisation(new OrganisationId(7), "Wijkteam", OrganisationKind.GeneralSocialWork, Contact, true);
        directory.AddOrReplace(team);
        directory.AddOrReplace(new Professional(new ProfessionalId(70), team.Id, "A", Contact, true));

        Assert.True(directory.TryGetFacts(team.Id, out var before));
        Assert.Equal(new OrganisationFacts(OrganisationKind.GeneralSocialWork, HasMunicipalAgreement: true), before);
        Assert.True(directory.TryGetFacts(new ProfessionalId(70), out var reporter));
        Assert.Equal(new ReporterFacts(7, IsDesignatedReporter: true), reporter);

        directory.AddOrReplace(new Organisation(team.Id, "Wijkteam", OrganisationKind.YouthHealthCare, Contact, false));
        directory.AddOrReplace(new Professional(new ProfessionalId(70), team.Id, "A", Contact, false));

        Assert.True(directory.TryGetFacts(team.Id, out var after));
        Assert.Equal(new OrganisationFacts(OrganisationKind.YouthHealthCare, HasMunicipalAgreement: false), after);
        Assert.True(directory.TryGetFacts(new ProfessionalId(70), out reporter));
        Assert.False(reporter.IsDesignatedReporter);
        Assert.False(directory.TryGetFacts(new OrganisationId(8), out _));
        Assert.False(directory.TryGetFacts(new ProfessionalId(71), out _));
    }

    [Fact]
    public void Contact_details_need_an_email_address_with_an_at_sign()
    {
        Assert.Throws<ArgumentException>(() => new ContactDetails("030", "not-an-address"));
        Assert.Throws<ArgumentException>(() => new ContactDetails(" ", "a@b.example"));
    }
}
