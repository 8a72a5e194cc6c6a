using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Testing;
using NodaTime;

namespace CareCoordination.Sdk.Tests.Signals;

/// <summary>
/// The reference model of the index: the rules of domain.md written as plainly as possible, with lists and LINQ, so
/// that the real index can be checked against it.
/// </summary>
internal sealed class IndexModel
{
    public const int YouthCount = 6;
    public const int OrganisationCount = 4;

    public static readonly Bsn[] Youths = TestBsns.Generate(YouthCount, seed: 11);

    /// <summary>Youth 5 is 22 and a half at the start, so histories cross the age limit.</summary>
    public static readonly LocalDate[] BirthDates =
    [
        IndexScenario.Today.PlusYears(-3), IndexScenario.Today.PlusYears(-8), IndexScenario.Today.PlusYears(-12),
        IndexScenario.Today.PlusYears(-15), IndexScenario.Today.PlusYears(-17), IndexScenario.Today.PlusYears(-22).PlusMonths(-6),
    ];

    /// <summary>Youths 0 and 1 are siblings; youths 2, 3 and 4 are siblings; youth 5 has no family.</summary>
    public static readonly int[][] Families = [[0, 1], [2, 3, 4]];

    public static readonly OrganisationId[] Organisations = [TestRegion.School, TestRegion.SocialWork, TestRegion.YouthHealthCare, TestRegion.YouthProtection];

    private readonly Dictionary<(int Youth, int Organisation), (LocalDate ExpiresOn, bool AtAgeLimit)> _active = [];

    // The families as they are now: a youth who died has left them.
    private readonly List<List<int>> _families = [.. Families.Select(f => f.ToList())];
    private readonly List<(int Youth, int Organisation, LocalDate ArchivedOn, bool Offered)> _archive = [];

    public LocalDate Today { get; private set; } = IndexScenario.Today;

    public int ActiveCount => _active.Count;

    public int ArchivedCount => _archive.Count;

    /// <summary>Returns null when refused, else (renewed, number of matches).</summary>
    public (bool Renewed, int Matches)? Register(int youth, int organisation)
    {
        var limit = BirthDates[youth].PlusYears(23);
        if (limit <= Today)
        {
            return null;
        }

        var activeEnd = Today.PlusYears(2);
        var expiry = activeEnd < limit ? (activeEnd, false) : (limit, true);
        if (_active.ContainsKey((youth, organisation)))
        {
            _active[(youth, organisation)] = expiry;
            return (true, 0);
        }

        var siblings = _families.Where(f => f.Contains(youth)).SelectMany(f => f).Where(m => m != youth).Distinct();
        var matches = _active.Keys.Count(k => k.Youth == youth && k.Organisation != organisation)
            + _active.Keys.Count(k => siblings.Contains(k.Youth) && k.Organisation != organisation);
        for (var i = 0; i < _archive.Count; i++)
        {
            var a = _archive[i];
            if (a.Youth == youth && a.Organisation != organisation && !a.Offered)
            {
                _archive[i] = a with { Offered = true };
                matches++;
            }
        }

        _active[(youth, organisation)] = expiry;
        return (false, matches);
    }

    public bool Withdraw(int youth, int organisation, WithdrawalReason reason)
    {
        if (!_active.Remove((youth, organisation)))
        {
            return false;
        }

        if (reason == WithdrawalReason.RiskGone)
        {
            _archive.Add((youth, organisation, Today, false));
        }

        return true;
    }

    /// <summary>
    /// Time passes, and the law applies on every day whether or not a daily job runs: a signal past its end date is
    /// archived as of that date (removed at the age limit), and an archived signal is gone after five years or on the
    /// youth's 23rd birthday.
    /// </summary>
    public void Advance(int days)
    {
        Today = Today.PlusDays(days);
        foreach (var (key, value) in _active.Where(kv => kv.Value.ExpiresOn <= Today).ToList())
        {
            _active.Remove(key);
            if (!value.AtAgeLimit)
            {
                _archive.Add((key.Youth, key.Organisation, value.ExpiresOn, false));
            }
        }

        _archive.RemoveAll(a => a.ArchivedOn.PlusYears(5) <= Today || BirthDates[a.Youth].PlusYears(23) <= Today);
    }

    public void Death(int youth)
    {
        foreach (var key in _active.Keys.Where(k => k.Youth == youth).ToList())
        {
            _active.Remove(key);
        }

        _archive.RemoveAll(a => a.Youth == youth);
        foreach (var family in _families)
        {
            family.Remove(youth);
        }
    }

    public IEnumerable<string> ActiveOf(int youth) =>
        _active.Where(kv => kv.Key.Youth == youth).Select(kv => Organisations[kv.Key.Organisation] + "@" + kv.Value.ExpiresOn).Order();

    public IEnumerable<string> ArchivedOf(int youth) =>
        _archive.Where(a => a.Youth == youth).Select(a => Organisations[a.Organisation] + "@" + a.ArchivedOn + "/" + a.Offered).Order();
}
