using System.Globalization;
using System.Linq;
using System.Text.Json;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;
using static CareCoordination.Sdk.Tests.Signals.IndexScenario;

namespace CareCoordination.Sdk.Tests.Matching;

public sealed class MatchTests
{
    private static readonly Bsn Sam = TestBsns.First;
    private static readonly Bsn Sara = TestBsns.Second;

    // Serialized with the BSN shown, so that a youth named anywhere in the answer is found.
    private static readonly JsonSerializerOptions Revealing = Reveal();

    [Fact]
    public void A_match_names_no_youth_but_the_one_its_own_signal_is_about()
    {
        var youths = typeof(Match).GetProperties().Where(p => p.PropertyType == typeof(Bsn) || p.PropertyType == typeof(Youth)).Select(p => p.Name);

        Assert.Equal([nameof(Match.Youth)], youths);
        Assert.DoesNotContain(typeof(Match).GetMethods(), m => m.ReturnType == typeof(Match));
    }

    [Fact]
    public void The_answer_to_a_reporter_of_a_family_match_says_only_that_it_concerns_another_youth()
    {
        var scenario = new IndexScenario();
        scenario.Index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [Sam, Sara], []));
        scenario.Register(TestRegion.School, YouthAged(Sam, 8));

        var result = scenario.Register(TestRegion.YouthHealthCare, YouthAged(Sara, 3));

        var match = Assert.Single(result.Matches);
        Assert.True(match.ConcernsAnotherYouth);
        Assert.Equal(Sara, match.Youth);
        var json = JsonSerializer.Serialize(result.Matches, Revealing) + match.ToString();
        Assert.Contains(Digits(Sara), json, System.StringComparison.Ordinal);
        Assert.DoesNotContain(Digits(Sam), json, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_match_on_the_same_youth_does_not_concern_another_youth()
    {
        var scenario = new IndexScenario();
        scenario.Register(TestRegion.School, YouthAged(Sam, 8));

        var result = scenario.Register(TestRegion.YouthHealthCare, YouthAged(Sam, 8));

        var match = Assert.Single(result.Matches);
        Assert.Equal(MatchKind.SameYouth, match.Kind);
        Assert.False(match.ConcernsAnotherYouth);
    }

    private static JsonSerializerOptions Reveal()
    {
        var options = new JsonSerializerOptions(CareCoordinationJson.Options);
        options.Converters.Insert(0, CareCoordinationJson.RevealingBsnConverter);
        return options;
    }

    private static string Digits(Bsn bsn) => bsn.RevealNumber().ToString("D9", CultureInfo.InvariantCulture);
}
