using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using NodaTime;
using static System.FormattableString;

namespace CareCoordination.Sdk.Regions;

/// <summary>
/// A region's rules for its reference index (<em>Verwijsindex</em>): who may signal, how long signals live,
/// and who coordinates a match. The legal defaults are values, not constants; see <see cref="RegionPolicyOptions"/>.
/// </summary>
/// <remarks>Immutable and thread-safe; built only through <see cref="Create"/>, which refuses invalid settings.</remarks>
public sealed class RegionPolicy
{
    private const byte UnrankedKind = byte.MaxValue;

    private static readonly OrganisationKind[] NarrowKinds =
    [
        OrganisationKind.YouthHealthCare,
        OrganisationKind.PublicHealthService,
        OrganisationKind.GeneralSocialWork,
        OrganisationKind.YouthProtection,
        OrganisationKind.Mee,
        OrganisationKind.MentalHealthCare,
        OrganisationKind.YouthAndFamilyCentre,
        OrganisationKind.YouthCare,
    ];

    private static readonly OrganisationKind[] BroadOnlyKinds =
    [
        OrganisationKind.HealthCare,
        OrganisationKind.School,
        OrganisationKind.Daycare,
        OrganisationKind.YouthWork,
        OrganisationKind.Police,
        OrganisationKind.Justice,
        OrganisationKind.SocialServices,
        OrganisationKind.DebtHelp,
    ];

    private static readonly int KindSlots = Enum.GetValues<OrganisationKind>().Length + 1;

    private readonly bool[] _mayReport;
    private readonly OrganisationKind?[] _delegates;
    private readonly byte[] _coordinatorRank;

    private RegionPolicy(RegionPolicyOptions options, DateTimeZone zone)
    {
        Scope = options.Scope;
        AgeLimitInYears = options.AgeLimitInYears;
        ActivePeriod = Period.FromMonths(options.ActivePeriodInMonths);
        ArchivePeriod = Period.FromMonths(options.ArchivePeriodInMonths);
        IdempotencyWindow = Duration.FromHours(options.IdempotencyWindowInHours);
        FollowUpDeadline = Period.FromDays(options.FollowUpDeadlineInDays);
        LogbookRetention = Period.FromMonths(options.LogbookRetentionInMonths);
        TimeZone = zone;
        InstitutionAddresses = new HashSet<AddressKey>(options.InstitutionAddresses.Select(AddressKey.Parse));
        MunicipalMatchCoordinators = options.MunicipalMatchCoordinators.ToDictionary(m => MunicipalityCode.FromNumber(m.Key), m => new OrganisationId(m.Value));

        _mayReport = new bool[KindSlots];
        foreach (var kind in NarrowKinds)
        {
            _mayReport[(int)kind] = true;
        }

        if (Scope == ReportingScope.Broad)
        {
            foreach (var kind in BroadOnlyKinds)
            {
                _mayReport[(int)kind] = true;
            }
        }

        foreach (var kind in options.AdditionalReportingKinds)
        {
            _mayReport[(int)kind] = true;
        }

        _delegates = new OrganisationKind?[KindSlots];
        foreach (var (from, to) in options.Delegations)
        {
            _delegates[(int)from] = to;
        }

        _coordinatorRank = new byte[KindSlots];
        Array.Fill(_coordinatorRank, UnrankedKind);
        var priority = new List<OrganisationKind>(options.MatchCoordinatorPriority);
        for (var rank = 0; rank < priority.Count; rank++)
        {
            _coordinatorRank[(int)priority[rank]] = (byte)rank;
        }

        MatchCoordinatorPriority = priority.AsReadOnly();
    }

    /// <summary>Gets the policy with every legal and regional default of <see cref="RegionPolicyOptions"/>.</summary>
    public static RegionPolicy Default { get; } = Create(new RegionPolicyOptions());

    /// <summary>Gets how broadly organisations may signal.</summary>
    public ReportingScope Scope { get; }

    /// <summary>Gets the age in years from which a person is no longer a youth for the index.</summary>
    public int AgeLimitInYears { get; }

    /// <summary>Gets how long a signal stays active after it was made or renewed.</summary>
    public Period ActivePeriod { get; }

    /// <summary>Gets how long an archived signal is kept before it is deleted.</summary>
    public Period ArchivePeriod { get; }

    /// <summary>Gets how long the index remembers an idempotency key and its result.</summary>
    public Duration IdempotencyWindow { get; }

    /// <summary>Gets how long after a match its central contact should be recorded before the match coordinator is reminded.</summary>
    public Period FollowUpDeadline { get; }

    /// <summary>Gets how long the logbook (<em>logboek</em>) keeps a day's lines of who signalled, was removed or was notified.</summary>
    public Period LogbookRetention { get; }

    /// <summary>Gets the order in which organisation kinds are designated match coordinator.</summary>
    public IReadOnlyList<OrganisationKind> MatchCoordinatorPriority { get; }

    /// <summary>Gets the time zone in which dates are reckoned.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>
    /// Gets the addresses of the institutions the region designated (residential care, shelters and the like): youths
    /// registered at one of them do not match each other by address.
    /// </summary>
    public IReadOnlySet<AddressKey> InstitutionAddresses { get; }

    /// <summary>Gets each municipality's match coordinator (<em>matchregisseur</em>) that the region knows, told when a signalled youth moves into its municipality.</summary>
    public IReadOnlyDictionary<MunicipalityCode, OrganisationId> MunicipalMatchCoordinators { get; }

    /// <summary>Builds a policy from settings, refusing them all at once when any rule is violated.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidRegionPolicyException">The settings violate one or more rules; the exception lists them all.</exception>
    public static RegionPolicy Create(RegionPolicyOptions options)
    {
        Guard.NotNull(options);
        var violations = Validate(options);
        if (violations.Count > 0)
        {
            throw new InvalidRegionPolicyException(violations);
        }

        return new RegionPolicy(options, DateTimeZoneProviders.Tzdb[options.TimeZoneId]);
    }

    /// <summary>Lists every rule the settings violate, one sentence each; empty when they are valid.</summary>
    /// <param name="options">The settings.</param>
    /// <returns>The violations.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<string> Validate(RegionPolicyOptions options)
    {
        Guard.NotNull(options);
        var violations = new List<string>();
        if (!Enum.IsDefined(options.Scope))
        {
            violations.Add("Scope must be Narrow or Broad.");
        }

        if (options.AgeLimitInYears is < 12 or > 27)
        {
            violations.Add(Invariant($"AgeLimitInYears must be from 12 to 27 (the law says 23); it is {options.AgeLimitInYears}."));
        }

        if (options.ActivePeriodInMonths is < 1 or > 120)
        {
            violations.Add(Invariant($"ActivePeriodInMonths must be from 1 to 120 (the law says at most 24); it is {options.ActivePeriodInMonths}."));
        }

        if (options.ArchivePeriodInMonths is < 0 or > 240)
        {
            violations.Add(Invariant($"ArchivePeriodInMonths must be from 0 to 240 (the law says 60); it is {options.ArchivePeriodInMonths}."));
        }

        if (options.FollowUpDeadlineInDays is < 1 or > 90)
        {
            violations.Add(Invariant($"FollowUpDeadlineInDays must be from 1 to 90; it is {options.FollowUpDeadlineInDays}."));
        }

        if (options.LogbookRetentionInMonths is < 1 or > 240)
        {
            violations.Add(Invariant($"LogbookRetentionInMonths must be from 1 to 240; it is {options.LogbookRetentionInMonths}."));
        }

        if (options.IdempotencyWindowInHours is < 1 or > 168)
        {
            violations.Add(Invariant($"IdempotencyWindowInHours must be from 1 to 168; it is {options.IdempotencyWindowInHours}."));
        }

        foreach (var kind in options.AdditionalReportingKinds)
        {
            if (!Enum.IsDefined(kind))
            {
                violations.Add(Invariant($"AdditionalReportingKinds holds an undefined kind ({(int)kind})."));
            }
        }

        ValidateDelegations(options, violations);
        ValidatePriority(options, violations);

        foreach (var address in options.InstitutionAddresses)
        {
            if (!AddressKey.TryParse(address, out _))
            {
                violations.Add($"InstitutionAddresses holds '{address}', which is not an address key (a postcode, a house number and an optional addition, such as 1234AB-12-A).");
            }
        }

        foreach (var (municipality, organisation) in options.MunicipalMatchCoordinators)
        {
            if (municipality is < 1 or > 9999 || organisation < 1)
            {
                violations.Add(Invariant($"MunicipalMatchCoordinators maps {municipality} to {organisation}: a municipality code is 1 to 9999 and an organisation number positive."));
            }
        }

        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZoneId ?? string.Empty) is null)
        {
            violations.Add($"TimeZoneId '{options.TimeZoneId}' is not a TZDB time zone (use Europe/Amsterdam).");
        }

        return violations;
    }

    /// <summary>Tells whether organisations of a kind may signal themselves in this region.</summary>
    /// <param name="kind">The organisation kind.</param>
    /// <returns>Whether they may.</returns>
    public bool MayReport(OrganisationKind kind) => (uint)kind < (uint)_mayReport.Length && _mayReport[(int)kind];

    /// <summary>Gets the kind through which organisations of a kind that may not signal themselves do signal, if any (<em>melden via</em>).</summary>
    /// <param name="kind">The organisation kind.</param>
    /// <returns>The kind to signal through, or <see langword="null"/>.</returns>
    public OrganisationKind? DelegateFor(OrganisationKind kind) => (uint)kind < (uint)_delegates.Length ? _delegates[(int)kind] : null;

    /// <summary>The rank of a kind in the match-coordinator priority: lower ranks coordinate; unlisted kinds rank 255.</summary>
    internal byte CoordinatorRank(OrganisationKind kind) => _coordinatorRank[(int)kind];

    private static void ValidateDelegations(RegionPolicyOptions options, List<string> violations)
    {
        foreach (var (from, to) in options.Delegations)
        {
            if (!Enum.IsDefined(from) || !Enum.IsDefined(to))
            {
                violations.Add("Delegations holds an undefined organisation kind.");
                continue;
            }

            var toMayReport = Array.IndexOf(NarrowKinds, to) >= 0
                || (options.Scope == ReportingScope.Broad && Array.IndexOf(BroadOnlyKinds, to) >= 0)
                || options.AdditionalReportingKinds.Contains(to);
            if (!toMayReport)
            {
                violations.Add($"Delegations lets {from} signal through {to}, but {to} may not signal in this region.");
            }
        }
    }

    private static void ValidatePriority(RegionPolicyOptions options, List<string> violations)
    {
        var seen = new HashSet<OrganisationKind>();
        foreach (var kind in options.MatchCoordinatorPriority)
        {
            if (!Enum.IsDefined(kind))
            {
                violations.Add(Invariant($"MatchCoordinatorPriority holds an undefined kind ({(int)kind})."));
            }
            else if (!seen.Add(kind))
            {
                violations.Add($"MatchCoordinatorPriority lists {kind} more than once.");
            }
        }
    }

}
