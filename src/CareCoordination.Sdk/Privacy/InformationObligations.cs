using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// Tracks the information obligation of every signal (rule 3): when a signal is registered, the youth or the parents
/// must be informed — who depends on the youth's age — and the reporting organisation records when it did, or why not
/// yet. Register it as an <see cref="IReferenceIndexObserver"/> of the index; it forgets a signal's obligation when the
/// signal leaves the index.
/// </summary>
/// <remarks>Thread-safe. It never calls back into the index.</remarks>
public sealed class InformationObligations : IReferenceIndexObserver
{
    private readonly Lock _lock = new();
    private readonly Dictionary<SignalId, InformationObligation> _obligations = [];
    private readonly ConsentPolicy _policy;
    private readonly DateTimeZone _zone;
    private readonly IClock _clock;
    private readonly Period _informWithin;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="policy">Who is informed at which age (the same persons as for consent).</param>
    /// <param name="zone">The time zone of dates (Europe/Amsterdam).</param>
    /// <param name="clock">The clock.</param>
    /// <param name="informWithinDays">How many days the reporter has to inform; 1 to 90, default 28.</param>
    public InformationObligations(ConsentPolicy policy, DateTimeZone zone, IClock clock, int informWithinDays = 28)
    {
        _policy = Guard.NotNull(policy);
        _zone = Guard.NotNull(zone);
        _clock = Guard.NotNull(clock);
        _informWithin = Period.FromDays(informWithinDays is >= 1 and <= 90 ? informWithinDays : throw new ArgumentOutOfRangeException(nameof(informWithinDays), informWithinDays, "Inform within 1 to 90 days."));
    }

    /// <inheritdoc/>
    public void OnSignalRegistered(in SignalRegistered e)
    {
        var registered = e.Signal.RegisteredAt.InZone(_zone).Date;
        var mustInform = _policy.WhoDecides(new Youth(e.Signal.Youth, e.DateOfBirth), registered);
        var obligation = new InformationObligation(e.Signal.Id, e.Signal.Youth, e.Signal.Organisation, mustInform, registered.Plus(_informWithin), ConsentGiver.None, null, null);
        lock (_lock)
        {
            _obligations[e.Signal.Id] = obligation;
        }
    }

    /// <inheritdoc/>
    public void OnSignalRemoved(in SignalRemoved e) => Forget(e.Signal.Id);

    /// <inheritdoc/>
    public void OnSignalArchived(in SignalArchived e) => Forget(e.Signal.Id);

    /// <summary>Records that the reporting organisation informed the youth or the parents.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="informed">Who was informed.</param>
    /// <returns>The obligation after the change.</returns>
    /// <exception cref="ArgumentException">No obligation is tracked for the signal.</exception>
    public InformationObligation RecordInformed(SignalId signal, ConsentGiver informed)
    {
        if (informed == ConsentGiver.None || (informed & ~(ConsentGiver.Parents | ConsentGiver.Youth)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(informed), informed, "Name the parents, the youth, or both.");
        }

        lock (_lock)
        {
            var current = Get(signal);
            return _obligations[signal] = current with { Informed = current.Informed | informed, LastInformedAt = _clock.GetCurrentInstant(), PostponedBecause = null };
        }
    }

    /// <summary>Records why the youth or the parents are not yet informed, for example because informing them would endanger the child.</summary>
    /// <param name="signal">The signal.</param>
    /// <param name="reason">Why not yet.</param>
    /// <returns>The obligation after the change.</returns>
    public InformationObligation RecordPostponed(SignalId signal, string reason)
    {
        Guard.NotBlank(reason);
        lock (_lock)
        {
            return _obligations[signal] = Get(signal) with { PostponedBecause = reason };
        }
    }

    /// <summary>Finds the obligation of a signal.</summary>
    /// <param name="signal">The signal.</param>
    /// <returns>The obligation, or <see langword="null"/> when none is tracked.</returns>
    internal InformationObligation? Find(SignalId signal)
    {
        lock (_lock)
        {
            return _obligations.GetValueOrDefault(signal);
        }
    }

    /// <summary>Lists the obligations not fulfilled, optionally of one organisation.</summary>
    /// <param name="organisation">The organisation, or <see langword="null"/> for all.</param>
    /// <returns>The open obligations, earliest due first.</returns>
    internal IReadOnlyList<InformationObligation> GetOpen(OrganisationId? organisation = null)
    {
        lock (_lock)
        {
            return [.. _obligations.Values.Where(o => !o.IsFulfilled && (organisation is null || o.Organisation == organisation)).OrderBy(o => o.DueOn).ThenBy(o => o.Signal)];
        }
    }

    /// <summary>Lists the obligations about one youth.</summary>
    /// <param name="youth">The youth.</param>
    /// <returns>The obligations.</returns>
    internal IReadOnlyList<InformationObligation> About(Bsn youth)
    {
        lock (_lock)
        {
            return [.. _obligations.Values.Where(o => o.Youth == youth).OrderBy(o => o.Signal)];
        }
    }

    private void Forget(SignalId signal)
    {
        lock (_lock)
        {
            _obligations.Remove(signal);
        }
    }

    private InformationObligation Get(SignalId signal) =>
        _obligations.GetValueOrDefault(signal) ?? throw new ArgumentException($"No information obligation is tracked for {signal}.", nameof(signal));
}
