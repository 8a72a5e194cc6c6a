using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Consents;

/// <summary>
/// The register of consents (<em>toestemmingen</em>) and of legal bases for sharing without consent. It checks that
/// the right persons consent for the youth's age, and answers whether an access is covered — at the instant of the
/// access, so that a withdrawal takes effect for every later access.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed partial class ConsentRegister
{
    private readonly Lock _gate = new();
    private readonly IClock _clock;
    private readonly DateTimeZone _zone;
    private readonly SortedDictionary<int, Consent> _consents = [];
    private readonly List<LegalBasisRecord> _legalBases = [];
    private int _lastConsent;
    private int _lastLegalBasis;
    private readonly DurableStreams _streams;
    private readonly StreamDocuments _documents;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="policy">Who decides at which age.</param>
    /// <param name="zone">The time zone of birthdays (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    public ConsentRegister(ConsentPolicy policy, DateTimeZone zone, IClock clock)
        : this(policy, zone, clock, null)
    {
    }

    /// <summary>
    /// Initializes a new instance that keeps its consents and legal bases in a store: it rebuilds them from the
    /// store's streams, and writes every change there before the change becomes visible.
    /// </summary>
    /// <param name="policy">Who decides at which age.</param>
    /// <param name="zone">The time zone of birthdays (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="store">The store, or <see langword="null"/> to keep everything in memory only.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds events written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store keys persons by pseudonym; use the overload with its <see cref="YouthKeying"/>.</exception>
    public ConsentRegister(ConsentPolicy policy, DateTimeZone zone, IClock clock, IEventStreamStore? store)
        : this(policy, zone, clock, store, YouthKeying.ByBsn)
    {
    }

    /// <summary>
    /// Initializes a new instance that keeps its consents and legal bases in a store, with the youths in them keyed as
    /// the rest of the SDK keys them (by BSN, or by keyed pseudonym), so that a pseudonymised store holds no BSN.
    /// </summary>
    /// <param name="policy">Who decides at which age.</param>
    /// <param name="zone">The time zone of birthdays (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="store">The store, or <see langword="null"/> to keep everything in memory only.</param>
    /// <param name="keying">How persons are keyed in the store; the same as the reference index's <see cref="Index.ReferenceIndex.Keying"/>.</param>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds events written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying.</exception>
    public ConsentRegister(ConsentPolicy policy, DateTimeZone zone, IClock clock, IEventStreamStore? store, YouthKeying keying)
    {
        Policy = Guard.NotNull(policy);
        _zone = Guard.NotNull(zone);
        _clock = Guard.NotNull(clock);
        _documents = StreamDocuments.For(Guard.NotNull(keying));
        _streams = new DurableStreams(store);
        if (store is null)
        {
            return;
        }

        var consents = store.ReadStreams(StreamDocuments.Consent);
        var legalBases = store.ReadStreams(StreamDocuments.LegalBasis);
        keying.Claim(store, consents.Count + legalBases.Count > 0);
        foreach (var stream in consents)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                _lastConsent = Math.Max(_lastConsent, Number(stream.Id));
                Consent? consent = null;
                foreach (var record in _documents.ReadRecords(stream))
                {
                    consent = record switch
                    {
                        ConsentGiven given => given.ToConsent(),
                        ConsentWithdrawn withdrawn when consent is not null => consent.Withdraw(withdrawn.At),
                        _ => null,
                    };
                }

                if (consent is not null)
                {
                    _consents.Add(consent.Id, consent);
                }
            });
        }

        foreach (var stream in legalBases)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                _lastLegalBasis = Math.Max(_lastLegalBasis, Number(stream.Id));
                if (_documents.ReadLastRecord(stream) is LegalBasisRecorded recorded)
                {
                    _legalBases.Add(recorded.ToRecord());
                }
            });
        }

        _legalBases.Sort((a, b) => a.Id.CompareTo(b.Id));
    }

    /// <summary>Gets who decides at which age.</summary>
    public ConsentPolicy Policy { get; }

    internal LocalDate Today => _clock.GetCurrentInstant().InZone(_zone).Date;

    /// <summary>
    /// Registers a consent, when the right persons for the youth's age gave it: under 12 the parents, from 12 to 15
    /// the youth and the parents, from 16 the youth alone.
    /// </summary>
    /// <param name="youth">The youth, with the date of birth that decides who consents.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="recipients">The organisations that may receive the data; at least one.</param>
    /// <param name="givenBy">Who consented.</param>
    /// <param name="end">When it ends, if it does.</param>
    /// <returns>The consent, holding from now.</returns>
    /// <exception cref="ConsentRefusedException">The wrong persons consented for the youth's age.</exception>
    internal Consent Give(Youth youth, ConsentPurpose purpose, IEnumerable<OrganisationId> recipients, ConsentGiver givenBy, Instant? end = null)
    {
        var (list, now) = CheckConsent(youth, purpose, recipients, givenBy, end);
        return Operation(() =>
        {
            var consent = new Consent(_lastConsent + 1, youth.Bsn, purpose, list, givenBy, now, end, null);
            _streams.Append(StreamDocuments.Consent, Id(consent.Id), 0, [_documents.Write(ConsentGiven.Of(consent), now)]);
            _lastConsent++;
            _consents.Add(consent.Id, consent);
            _streams.OnUndo(() =>
            {
                _consents.Remove(consent.Id);
                _lastConsent--;
            });
            return consent;
        });
    }

    /// <summary>Checks a consent as <see cref="Give"/> would, without registering it, so that a caller can record the access only for a consent that will be registered.</summary>
    /// <returns>The distinct recipients in order, and now.</returns>
    internal (OrganisationId[] Recipients, Instant Now) CheckConsent(Youth youth, ConsentPurpose purpose, IEnumerable<OrganisationId> recipients, ConsentGiver givenBy, Instant? end)
    {
        Guard.NotDefault(youth);
        if (!Enum.IsDefined(purpose))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "The purpose is not defined.");
        }

        var list = Guard.NotNull(recipients).Distinct().Order().ToArray();
        if (list.Length == 0 || list.Any(r => r.IsDefault))
        {
            throw new ArgumentException("Name at least one recipient organisation.", nameof(recipients));
        }

        var now = _clock.GetCurrentInstant();
        if (end is { } e && e <= now)
        {
            throw new ArgumentException("A consent ends after it starts.", nameof(end));
        }

        var today = now.InZone(_zone).Date;
        var required = Policy.WhoDecides(youth, today);
        if (givenBy != required)
        {
            var age = Period.Between(youth.DateOfBirth, today, PeriodUnits.Years).Years;
            throw new ConsentRefusedException(
                Messages.Format(PrivacyMessages.ConsentGivenByWrongParty, age, Describe(required), Describe(givenBy)),
                required,
                givenBy);
        }

        return (list, now);
    }

    /// <summary>Withdraws a consent; it covers no access from now on.</summary>
    /// <param name="consent">The consent's number.</param>
    /// <param name="expectedVersion">The consent's <see cref="Consent.Version"/> the caller saw, to refuse the change when someone changed the consent since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The withdrawn consent.</returns>
    /// <exception cref="NotFoundException">The register has no such consent.</exception>
    /// <exception cref="ArgumentException">The consent was already withdrawn.</exception>
    /// <exception cref="StaleVersionException">The consent is not at <paramref name="expectedVersion"/> (someone withdrew it meanwhile); nothing changed.</exception>
    internal Consent Withdraw(int consent, int? expectedVersion = null)
    {
        return Operation(() =>
        {
            var current = CheckWithdrawable(consent, expectedVersion);
            var now = _clock.GetCurrentInstant();
            _streams.Append(StreamDocuments.Consent, Id(consent), 1, [_documents.Write(new ConsentWithdrawn(now), now)]);
            _streams.OnUndo(() => _consents[consent] = current);
            return _consents[consent] = current.Withdraw(now);
        });
    }

    /// <summary>Records a decision to share without consent on a legal basis, with its justification.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="basis">The legal basis.</param>
    /// <param name="justification">Why, in the deciding professional's words; never empty.</param>
    /// <param name="decidedBy">The professional who decided.</param>
    /// <param name="organisation">Their organisation.</param>
    /// <param name="recipients">The organisations that may receive the data.</param>
    /// <param name="validFor">How long the decision holds; at most 90 days.</param>
    /// <returns>The record.</returns>
    internal LegalBasisRecord RecordLegalBasis(Bsn youth, LegalBasis basis, string justification, ProfessionalId decidedBy, OrganisationId organisation, IEnumerable<OrganisationId> recipients, Duration validFor)
    {
        var list = CheckLegalBasis(youth, basis, justification, recipients, validFor);
        var now = _clock.GetCurrentInstant();
        return Operation(() =>
        {
            var record = new LegalBasisRecord(_lastLegalBasis + 1, youth, basis, Guard.NotBlank(justification), Guard.NotDefault(decidedBy), Guard.NotDefault(organisation), list, now, now + validFor);
            _streams.Append(StreamDocuments.LegalBasis, Id(record.Id), 0, [_documents.Write(LegalBasisRecorded.Of(record), now)]);
            _lastLegalBasis++;
            _legalBases.Add(record);
            _streams.OnUndo(() =>
            {
                _legalBases.Remove(record);
                _lastLegalBasis--;
            });
            return record;
        });
    }

    /// <summary>Checks a legal basis as <see cref="RecordLegalBasis"/> would, without recording it.</summary>
    /// <returns>The distinct recipients in order.</returns>
    internal static OrganisationId[] CheckLegalBasis(Bsn youth, LegalBasis basis, string justification, IEnumerable<OrganisationId> recipients, Duration validFor)
    {
        Guard.NotDefault(youth);
        Guard.NotBlank(justification);
        if (!Enum.IsDefined(basis))
        {
            throw new ArgumentOutOfRangeException(nameof(basis), basis, "The legal basis is not defined.");
        }

        if (validFor <= Duration.Zero || validFor > Duration.FromDays(90))
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), validFor, "A legal basis holds for more than 0 and at most 90 days; record a new decision after that.");
        }

        var list = Guard.NotNull(recipients).Distinct().Order().ToArray();
        if (list.Length == 0)
        {
            throw new ArgumentException("Name at least one recipient organisation.", nameof(recipients));
        }

        return list;
    }

    /// <summary>Finds the consent that covers an access now, if any.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="purpose">The purpose.</param>
    /// <param name="recipient">The receiving organisation.</param>
    /// <returns>The consent, or <see langword="null"/>.</returns>
    internal Consent? FindConsent(Bsn youth, ConsentPurpose purpose, OrganisationId recipient)
    {
        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            return _consents.Values.FirstOrDefault(c => c.Youth == youth && c.Covers(purpose, recipient, now));
        }
    }

    /// <summary>Checks that a consent can be withdrawn at the version the caller saw, and returns it as it is.</summary>
    /// <param name="consent">The consent's number.</param>
    /// <param name="expectedVersion">The version the caller saw, or <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The consent.</returns>
    /// <exception cref="StaleVersionException">The consent is not at <paramref name="expectedVersion"/>.</exception>
    /// <exception cref="NotFoundException">The register has no such consent.</exception>
    /// <exception cref="ArgumentException">The consent was already withdrawn.</exception>
    internal Consent CheckWithdrawable(int consent, int? expectedVersion)
    {
        lock (_gate)
        {
            // A stale version is the answer to a concurrent withdrawal, so it is checked before "already withdrawn".
            if (_consents.TryGetValue(consent, out var seen))
            {
                StaleVersionException.ThrowIfStale(seen.Reference, expectedVersion, seen.Version, PrivacyMessages.StaleConsentVersion, seen.Reference);
            }

            return seen is null
                ? throw NotFoundException.Missing(string.Create(CultureInfo.InvariantCulture, $"consent-{consent}"), string.Create(CultureInfo.InvariantCulture, $"The register has no consent {consent}."))
                : seen.WithdrawnAt is null ? seen : throw new ArgumentException("The consent was already withdrawn.", nameof(consent));
        }
    }

    /// <summary>Returns a consent by its number, or <see langword="null"/>.</summary>
    /// <param name="consent">The consent's number.</param>
    /// <returns>The consent.</returns>
    internal Consent? Get(int consent)
    {
        lock (_gate)
        {
            return _consents.GetValueOrDefault(consent);
        }
    }

    /// <summary>Finds the legal basis that covers sharing with an organisation now, if any.</summary>
    /// <param name="youth">The youth.</param>
    /// <param name="recipient">The receiving organisation.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    internal LegalBasisRecord? FindLegalBasis(Bsn youth, OrganisationId recipient)
    {
        var now = _clock.GetCurrentInstant();
        lock (_gate)
        {
            return _legalBases.FirstOrDefault(l => l.Youth == youth && now >= l.At && now < l.Until && l.Recipients.Contains(recipient));
        }
    }

    /// <summary>Lists every consent and legal basis about a youth, for the youth's right of access.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The consents and the legal-basis records.</returns>
    internal (IReadOnlyList<Consent> Consents, IReadOnlyList<LegalBasisRecord> LegalBases) About(Bsn youth)
    {
        lock (_gate)
        {
            return ([.. _consents.Values.Where(c => c.Youth == youth)], [.. _legalBases.Where(l => l.Youth == youth)]);
        }
    }

    /// <summary>
    /// Erases every consent and legal basis about a youth (<em>recht op vergetelheid</em>), in memory and in the store.
    /// Each leaves a line without the youth's data — its number, when and why it was erased — so that its number is
    /// never given out again and audit records that name it stay explainable.
    /// </summary>
    /// <param name="youth">The youth.</param>
    /// <param name="reason">Why, for example "erasure request granted by the privacy officer".</param>
    /// <returns>How many consents and legal bases were erased.</returns>
    internal int Erase(Bsn youth, string reason)
    {
        Guard.NotDefault(youth);
        Guard.NotBlank(reason);
        return Operation(() =>
        {
            var now = _clock.GetCurrentInstant();
            var erased = 0;
            foreach (var consent in _consents.Values.Where(c => c.Youth == youth).ToArray())
            {
                _streams.Erase(StreamDocuments.Consent, Id(consent.Id), _documents.Write(new StreamErased(now, reason), now));
                _consents.Remove(consent.Id);
                _streams.OnUndo(() => _consents.Add(consent.Id, consent));
                erased++;
            }

            foreach (var record in _legalBases.Where(l => l.Youth == youth).ToArray())
            {
                _streams.Erase(StreamDocuments.LegalBasis, Id(record.Id), _documents.Write(new StreamErased(now, reason), now));
                _legalBases.Remove(record);
                _streams.OnUndo(() =>
                {
                    _legalBases.Add(record);
                    _legalBases.Sort((a, b) => a.Id.CompareTo(b.Id));
                });
                erased++;
            }

            return erased;
        });
    }

    private static string Id(int number) => number.ToString(CultureInfo.InvariantCulture);

    private static int Number(string id) => int.Parse(id, CultureInfo.InvariantCulture);

    /// <summary>Names who gives consent or asks for access, in the host's language.</summary>
    internal static string Describe(ConsentGiver giver) => giver switch
    {
        ConsentGiver.Parents => PrivacyMessages.GiverParents,
        ConsentGiver.Youth => PrivacyMessages.GiverYouth,
        ConsentGiver.Parents | ConsentGiver.Youth => PrivacyMessages.GiverYouthAndParents,
        _ => PrivacyMessages.GiverNobody,
    };

    private T Operation<T>(Func<T> change) => _streams.Run(_gate, change);

    /// <summary>Runs changes of this area and what belongs to them (the person-data door's audit record) as one operation.</summary>
    internal T InOperation<T>(Func<T> change) => Operation(change);
}
