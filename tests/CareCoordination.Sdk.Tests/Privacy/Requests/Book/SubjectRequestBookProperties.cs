using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using FsCheck;
using FsCheck.Xunit;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Requests.Book;

public sealed class SubjectRequestBookProperties
{
    [Property(MaxTest = 100)]
    public void Whatever_the_youths_age_and_the_requesting_roles_a_request_is_accepted_exactly_when_the_roles_are_who_is_informed_for_that_age(byte years, byte roles, byte kind)
    {
        var age = years % 23;
        var requestedBy = (ConsentGiver)(1 + (roles % 3));
        var what = (SubjectRequestKind)(1 + (kind % 3));
        // Domain rule 3 as the reference: under 12 the legal representative, 12 to 15 both, 16 and over the youth.
        var informed = age < 12 ? ConsentGiver.Parents : age < 16 ? ConsentGiver.Parents | ConsentGiver.Youth : ConsentGiver.Youth;
        var scenario = new PrivacyScenario();
        var youth = IndexScenario.YouthAged(TestBsns.Second, age);
        var signal = SubjectRequestBookTests.Signalled(scenario, youth, SocialWork);
        var recordsBefore = scenario.Audit.Count;

        bool accepted;
        try
        {
            scenario.Access.LodgeRequest(Family, youth, SubjectRequestBookTests.Requester(requestedBy), signal, what, "grounds");
            accepted = true;
        }
        catch (AccessDeniedException)
        {
            accepted = false;
        }

        PropertyCheck.That(accepted == (requestedBy == informed), accepted ? "a request by the wrong persons was accepted" : "a request by the informed persons was refused");
        PropertyCheck.That(scenario.Requests.About(youth.Bsn).Count == (accepted ? 1 : 0), "the book holds a refused request, or lacks an accepted one");
        PropertyCheck.That(scenario.Audit.Count == recordsBefore + 1, "the request did not leave exactly one audit record");
    }
}
