using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Notifications.Notices;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Notifications;

/// <summary>
/// The notices of moves (<em>verhuisberichten</em>, domain rule 5): when a youth with active signals moves, every reporter
/// with an active signal is told, and, when the youth moved to another municipality, that municipality's match
/// coordinator, with the active signals and their organisations.
/// </summary>
/// <remarks>
/// <para>Register it as an observer of the index. It takes part in the index's change: with a store that commits change
/// sets, the notices are written in the same change set as the family's new address, and become readable only once that
/// change set is durable, so no recipient reads of a move a failed commit took back. Each recipient organisation has its
/// own stream; a municipality whose match coordinator the region did not name gets a stream of its own, which the host
/// forwards (<see cref="ReadForMunicipality"/>).</para>
/// <para>A notice holds no BSN and no address. Thread-safe.</para>
/// </remarks>
public sealed class MoveNotices : IReferenceIndexObserver, IChangeParticipant
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<MoveNotice>> _streams = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _visible = new(StringComparer.Ordinal);
    private readonly DurableStreams _durable;
    private readonly StreamDocuments _documents = StreamDocuments.For(YouthKeying.ByBsn);
    private readonly OrganisationDirectory _directory;
    private readonly Dictionary<MunicipalityCode, OrganisationId> _coordinators;

    /// <summary>Initializes the notices, kept in a store and read back from it.</summary>
    /// <param name="directory">The directory that knows the reporters' and organisations' contact details.</param>
    /// <param name="municipalMatchCoordinators">Each municipality's match coordinator (<em>matchregisseur</em>) that the region knows, as an organisation of the directory.</param>
    /// <param name="store">The store (the index's store, so that the notices join the index's change set), or <see langword="null"/> to keep them in memory only.</param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="store"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A municipality or its coordinator is <c>default</c>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds notices written by a newer version of the SDK.</exception>
    public MoveNotices(OrganisationDirectory directory, IReadOnlyDictionary<MunicipalityCode, OrganisationId> municipalMatchCoordinators, IEventStreamStore? store)
    {
        _directory = Guard.NotNull(directory);
        Guard.NotNull(municipalMatchCoordinators);
        if (municipalMatchCoordinators.Any(kv => kv.Key.IsDefault || kv.Value.IsDefault))
        {
            throw new ArgumentException("A municipality's match coordinator names a municipality code and an organisation.", nameof(municipalMatchCoordinators));
        }

        _coordinators = municipalMatchCoordinators.ToDictionary();
        _durable = new DurableStreams(store);
        foreach (var stream in store?.ReadStreams(StreamDocuments.MoveNotice) ?? [])
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                _streams[stream.Id] = [.. _documents.ReadRecords(stream).Select(e => ((MoveNoticeRecorded)e).ToNotice())];
                _visible[stream.Id] = stream.Events.Count;
            });
        }
    }

    /// <inheritdoc/>
    public void OnYouthMoved(in YouthMoved e)
    {
        var notices = CreateNotices(e);
        _durable.Run(_gate, () =>
        {
            foreach (var group in notices.GroupBy(n => StreamOf(n)))
            {
                Append(group.Key, [.. group]);
            }

            return notices.Count;
        });
    }

    /// <summary>Reads the move notices for an organisation (its reporters' and, when it is one, its municipality's match coordinator's), oldest first.</summary>
    /// <param name="organisation">The organisation.</param>
    /// <returns>The notices that are durable.</returns>
    public IReadOnlyList<MoveNotice> Read(OrganisationId organisation) => ReadStream(organisation.Value.ToString(CultureInfo.InvariantCulture));

    /// <summary>Reads the move notices for a municipality whose match coordinator the region did not name, for the host to forward, oldest first.</summary>
    /// <param name="municipality">The municipality the youths moved to.</param>
    /// <returns>The notices that are durable.</returns>
    public IReadOnlyList<MoveNotice> ReadForMunicipality(MunicipalityCode municipality) => ReadStream("municipality-" + Guard.NotDefault(municipality).Code);

    private IReadOnlyList<MoveNotice> ReadStream(string stream)
    {
        lock (_gate)
        {
            return _streams.TryGetValue(stream, out var notices) ? [.. notices.Take(_visible.GetValueOrDefault(stream))] : [];
        }
    }

    private List<MoveNotice> CreateNotices(in YouthMoved e)
    {
        var signals = e.ActiveSignals.Select(s => new MovedSignal(s.Id, PartyOf(s.Organisation, s.Reporter), s.ExpiresOn)).ToList();
        var notices = new List<MoveNotice>(signals.Count + 1);
        foreach (var signal in signals)
        {
            var reporter = e.ActiveSignals.First(s => s.Id == signal.Signal).Reporter;
            notices.Add(new MoveNotice(signal.Party.Organisation, reporter, MoveNoticeRecipient.Reporter, e.FromMunicipality, e.ToMunicipality, e.MovedAt, [signal]));
        }

        if (e.ToAnotherMunicipality)
        {
            var to = e.ToMunicipality!.Value;
            notices.Add(new MoveNotice(
                _coordinators.TryGetValue(to, out var coordinator) ? coordinator : null,
                null,
                MoveNoticeRecipient.MunicipalMatchCoordinator,
                e.FromMunicipality,
                to,
                e.MovedAt,
                signals));
        }

        return notices;
    }

    private MatchParty PartyOf(OrganisationId organisationId, ProfessionalId reporterId)
    {
        var organisation = _directory.GetOrganisation(organisationId);
        var reporter = _directory.GetProfessional(reporterId);
        return new MatchParty(organisation.Id, organisation.Name, reporter.Name, reporter.Contact);
    }

    private static string StreamOf(MoveNotice notice) => notice.RecipientOrganisation is { } organisation
        ? organisation.Value.ToString(CultureInfo.InvariantCulture)
        : "municipality-" + notice.ToMunicipality!.Value.Code;

    private void Append(string stream, List<MoveNotice> notices)
    {
        if (!_streams.TryGetValue(stream, out var entries))
        {
            _streams[stream] = entries = [];
        }

        var version = entries.Count;
        _durable.Append(StreamDocuments.MoveNotice, stream, version, [.. notices.Select(n => _documents.Write(MoveNoticeRecorded.Of(n), n.MovedAt))]);
        entries.AddRange(notices);
        var written = entries.Count;
        Action undo = () => entries.RemoveRange(version, entries.Count - version);
        Action publish = () =>
        {
            lock (_gate)
            {
                _visible[stream] = Math.Max(_visible.GetValueOrDefault(stream), written);
            }
        };
        if (_durable.Store is null && ChangeScope.Ambient is { } operation)
        {
            // Kept in memory only, the notices still wait for the index operation under way: they show once it is durable.
            operation.OnUndo(_gate, undo);
            operation.OnCommitted(publish);
            return;
        }

        _durable.OnUndo(undo);
        _durable.OnDurable(publish);
    }
}
