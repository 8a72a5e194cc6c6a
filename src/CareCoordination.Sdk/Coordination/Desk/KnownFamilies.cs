using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// The families the desk learned from the population register, so that an intake about one youth finds the case of the
/// whole family (domain rule 6). With a store, each family's stream holds its current members only.
/// </summary>
/// <remarks>Not thread-safe: the <see cref="CoordinationDesk"/> calls it under its lock. Every change says how to undo itself.</remarks>
internal sealed class KnownFamilies(DurableStreams streams, StreamDocuments documents, IClock clock)
{
    private readonly Dictionary<FamilyId, Family> _families = [];

    /// <summary>Adds a family or replaces it by its current members; a replaced family leaves no earlier member behind in the store.</summary>
    public void AddOrReplace(Family family)
    {
        if (streams.Store is not null)
        {
            var id = family.Id.Value.ToString(CultureInfo.InvariantCulture);
            streams.Erase(StreamDocuments.Family, id, documents.Write(FamilyRecorded.Of(family), clock.GetCurrentInstant()));
        }

        var had = _families.TryGetValue(family.Id, out var previous);
        _families[family.Id] = family;
        streams.OnUndo(() =>
        {
            if (had)
            {
                _families[family.Id] = previous!;
            }
            else
            {
                _families.Remove(family.Id);
            }
        });
    }

    /// <summary>Finds the family an intake is about: the one it names, or else the lowest-numbered family of one of its youths.</summary>
    public Family? Find(FamilyId? named, IReadOnlyList<Bsn> youths) =>
        named is { } id ? _families.GetValueOrDefault(id) : _families.Values.Where(f => youths.Any(f.HasYouth)).MinBy(f => f.Id);

    /// <summary>Rebuilds the families from their streams; a family whose stream ends otherwise was removed.</summary>
    public void Rebuild(IReadOnlyList<StoredHistory> families)
    {
        foreach (var stream in families)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                if (documents.ReadLastRecord(stream) is FamilyRecorded family)
                {
                    _families[family.Id] = family.ToFamily();
                }
            });
        }
    }
}
