using System;
using System.IO;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Sqlite;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

// The story: two siblings, three organisations that do not know of each other's involvement. The index keeps its
// signals in a SQLite file (the embedded default); run the sample twice to see them come back.
var path = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "carecoordination-quickstart.db");
using var store = new SqliteSignalStore(path);
using var services = new ServiceCollection()
    .AddSingleton<ISignalStore>(store)
    .AddCareCoordination(options => options.Policy.Scope = CareCoordination.Sdk.Regions.ReportingScope.Narrow)
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var index = services.GetRequiredService<ReferenceIndex>();
var notifier = services.GetRequiredService<MatchNotifier>();

var jgz = AddOrganisation(index.Directory, 1, "JGZ Rivierenland", OrganisationKind.YouthHealthCare, "Anna de Vries");
var amw = AddOrganisation(index.Directory, 2, "Algemeen Maatschappelijk Werk", OrganisationKind.GeneralSocialWork, "Bram Jansen");
var bjz = AddOrganisation(index.Directory, 3, "Jeugdbescherming Gelderland", OrganisationKind.YouthProtection, "Carla Bakker");
var daycare = AddOrganisation(index.Directory, 4, "Kinderopvang Het Zonnetje", OrganisationKind.Daycare, "Eva Smit");

var sam = new Youth(Bsn.Parse("111222333"), new LocalDate(2017, 4, 12));
var sara = new Youth(Bsn.Parse("123456782"), new LocalDate(2022, 9, 3));

Console.WriteLine($"== The index in {path}");
if (index.ActiveSignalCount > 0)
{
    Console.WriteLine($"  {index.ActiveSignalCount} active signal(s) from an earlier run, rebuilt from the file:");
    foreach (var signal in new[] { sam.Bsn, sara.Bsn }.SelectMany(index.GetActiveSignals))
    {
        Console.WriteLine($"    {signal.Id} on youth {signal.Youth} by {index.Directory.GetOrganisation(signal.Organisation).Name}, registered {signal.RegisteredAt:uuuu-MM-ddTHH:mm:ss}Z, active until {signal.ExpiresOn:uuuu-MM-dd}");
    }
}
else
{
    Console.WriteLine("  empty: a first run");
}

index.AddOrReplaceFamily(Family.Create(new FamilyId(1), [sam.Bsn, sara.Bsn], []));

Console.WriteLine();
Console.WriteLine("== Signals (only who, about whom, when — never the concern)");
Register(new SignalRegistration(sam, jgz, ReporterOf(jgz), ReportingCriterion.SeriousUpbringingProblems));
Register(new SignalRegistration(sara, amw, ReporterOf(amw), ReportingCriterion.FinancialProblems));
Register(new SignalRegistration(sam, bjz, ReporterOf(bjz), ReportingCriterion.ViolenceOrNeglect));

Console.WriteLine();
Console.WriteLine("== Refused registrations leave the index as it was");
try
{
    Bsn.Parse("123456789");
}
catch (InvalidBsnException error)
{
    Console.WriteLine($"  invalid BSN: {error.Message}");
}

var refused = index.Register(new SignalRegistration(sara, daycare, ReporterOf(daycare), ReportingCriterion.SeriousUpbringingProblems));
Console.WriteLine($"  {refused.Refusal}: {refused.Message}");
Console.WriteLine($"  active signals: {index.ActiveSignalCount} (run the sample again: they come back from the file, and signalling again renews them)");

void Register(SignalRegistration registration)
{
    var result = index.Register(registration);
    result.ThrowIfRefused();
    var organisation = index.Directory.GetOrganisation(registration.Organisation);
    Console.WriteLine($"  {organisation.Name} signals on {registration.Youth}: {result.Outcome}, {result.MatchCount} match(es)");
    foreach (var match in result.Matches)
    {
        var coordinator = index.Directory.GetOrganisation(match.MatchCoordinator);
        Console.WriteLine($"    {match.Kind} match with {index.Directory.GetOrganisation(match.OtherOrganisation).Name}; coordinated by {coordinator.Name}");
        foreach (var notification in notifier.CreateNotifications(match))
        {
            var recipient = $"{notification.Role} at {index.Directory.GetOrganisation(notification.RecipientOrganisation).Name} ({notification.RecipientContact.Email})";
            var sibling = notification.ConcernsDifferentYouths ? " (about a sibling)" : string.Empty;
            Console.WriteLine(notification.Role == NotificationRecipientRole.MatchCoordinator
                ? $"      {recipient} makes sure {notification.OtherParties[0].ProfessionalName} and {notification.OtherParties[1].ProfessionalName} contact each other{sibling}"
                : $"      {recipient} contacts {notification.OtherParties[0].ProfessionalName}, {notification.OtherParties[0].OrganisationName}, {notification.OtherParties[0].Contact}{sibling}");
        }
    }
}

static OrganisationId AddOrganisation(OrganisationDirectory directory, int number, string name, OrganisationKind kind, string reporter)
{
    var id = new OrganisationId(number);
    directory.AddOrReplace(new Organisation(id, name, kind, new ContactDetails($"+31 30 000 00{number}", $"info@org{number}.example"), hasMunicipalAgreement: true));
    directory.AddOrReplace(new Professional(ReporterOf(id), id, reporter, new ContactDetails($"+31 6 0000 00{number}", $"{reporter.Split(' ')[0].ToLowerInvariant()}@org{number}.example"), isDesignatedReporter: true));
    return id;
}

static ProfessionalId ReporterOf(OrganisationId organisation) => new((organisation.Value * 100) + 1);
