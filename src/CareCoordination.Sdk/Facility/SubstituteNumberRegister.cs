using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Facility;

/// <summary>
/// Issues substitute numbers (<em>verwijsindexservicenummers</em>) and resolves their collisions: the same details always
/// get the number they got first, and different details never share one. A region keeps one register beside its index.
/// </summary>
/// <remarks>
/// <para>Collision rule: details get the first candidate of <see cref="SubstituteNumber"/>'s sequence that no other
/// details hold. Which details came first decides who gets candidate 0, so the register must outlive a restart: give it
/// the store (each number is then kept as its own stream, keyed as the store keys persons, and the details' fingerprint
/// as a keyed hash in a pseudonymised store, so the store makes no youth without a BSN findable by guessing its
/// details), or persist <see cref="Issued"/> and rebuild the register from it; the numbers it issued then never change.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class SubstituteNumberRegister
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SubstituteNumber> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<SubstituteNumber, string> _byNumber = [];
    private readonly DurableStreams _streams = new(null);
    private readonly YouthKeying _keying = YouthKeying.ByBsn;
    private readonly IClock? _clock;
    private readonly StreamDocuments _documents = StreamDocuments.For(YouthKeying.ByBsn);

    /// <summary>Initializes an empty register.</summary>
    public SubstituteNumberRegister()
        : this([])
    {
    }

    /// <summary>Initializes a register with the numbers it issued before.</summary>
    /// <param name="issued">What <see cref="Issued"/> held.</param>
    /// <exception cref="ArgumentNullException"><paramref name="issued"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A fingerprint or a number occurs twice, or a number is <c>default</c>.</exception>
    public SubstituteNumberRegister(IEnumerable<IssuedSubstituteNumber> issued)
    {
        foreach (var entry in Guard.NotNull(issued))
        {
            Guard.NotBlank(entry.Fingerprint, nameof(issued));
            if (entry.Number.IsDefault)
            {
                throw new ArgumentException("An issued substitute number is default.", nameof(issued));
            }

            if (!_byFingerprint.TryAdd(entry.Fingerprint, entry.Number) || !_byNumber.TryAdd(entry.Number, entry.Fingerprint))
            {
                throw new ArgumentException("A fingerprint or a substitute number is listed twice.", nameof(issued));
            }
        }
    }

    /// <summary>Initializes a register kept in a store, reading back the numbers it issued before.</summary>
    /// <param name="store">The store (the index's store), or <see langword="null"/> to keep the register in memory only.</param>
    /// <param name="keying">How the store keys persons; the same as the reference index's <see cref="Index.ReferenceIndex.Keying"/>.</param>
    /// <param name="clock">The clock that dates each number issued.</param>
    /// <exception cref="ArgumentNullException"><paramref name="keying"/> or <paramref name="clock"/> is <see langword="null"/>.</exception>
    /// <exception cref="UnsupportedSchemaVersionException">The store holds numbers written by a newer version of the SDK.</exception>
    /// <exception cref="StoreKeyingMismatchException">The store was written with another keying.</exception>
    public SubstituteNumberRegister(IEventStreamStore? store, YouthKeying keying, IClock clock)
    {
        _keying = Guard.NotNull(keying);
        _clock = Guard.NotNull(clock);
        _documents = StreamDocuments.For(keying);
        _streams = new DurableStreams(store);
        if (store is null)
        {
            return;
        }

        var streams = store.ReadStreams(StreamDocuments.SubstituteNumber);
        keying.Claim(store, streams.Count > 0);
        foreach (var stream in streams)
        {
            StreamDocuments.Rebuild(stream, () =>
            {
                var issued = (SubstituteNumberIssued)_documents.ReadLastRecord(stream);
                var number = SubstituteNumber.FromNumber(issued.Number.RevealNumber());
                _byFingerprint.Add(issued.Fingerprint, number);
                _byNumber.Add(number, issued.Fingerprint);
            });
        }
    }

    /// <summary>Gets every number issued, for the host to persist; in a register kept in a pseudonymised store the fingerprints are keyed hashes.</summary>
    public IReadOnlyList<IssuedSubstituteNumber> Issued
    {
        get
        {
            lock (_gate)
            {
                return [.. _byFingerprint.Select(kv => new IssuedSubstituteNumber(kv.Key, kv.Value)).OrderBy(i => i.Number.RevealNumber())];
            }
        }
    }

    /// <summary>Gets the number of a youth without a BSN: the one issued before for the same details, or a new one.</summary>
    /// <param name="familyName">The family name.</param>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="sex">The sex.</param>
    /// <returns>The number.</returns>
    /// <exception cref="ArgumentException">The family name holds no letter, or the sex is undefined.</exception>
    public SubstituteNumber Issue(string familyName, LocalDate dateOfBirth, Sex sex)
    {
        var candidates = SubstituteNumber.Candidates(familyName, dateOfBirth, sex);
        var fingerprint = _keying.TextOf(candidates.Fingerprint);
        lock (_gate)
        {
            if (_byFingerprint.TryGetValue(fingerprint, out var known))
            {
                return known;
            }
        }

        return _streams.Run(_gate, () =>
        {
            // Looked up again under the operation: another caller may have issued it meanwhile.
            if (_byFingerprint.TryGetValue(fingerprint, out var known))
            {
                return known;
            }

            for (var attempt = 0; ; attempt++)
            {
                var number = candidates.Nth(attempt, out attempt);
                if (_byNumber.TryAdd(number, fingerprint))
                {
                    _byFingerprint.Add(fingerprint, number);
                    var key = _keying.KeyOf(number.AsIndexKey()).Value.ToString(CultureInfo.InvariantCulture);
                    _streams.Append(StreamDocuments.SubstituteNumber, key, 0, [_documents.Write(new SubstituteNumberIssued(fingerprint, number.AsIndexKey(), _keying.SealOf(candidates.Fingerprint)), _clock?.GetCurrentInstant() ?? Instant.MinValue)]);
                    _streams.OnUndo(() =>
                    {
                        _byNumber.Remove(number);
                        _byFingerprint.Remove(fingerprint);
                    });
                    return number;
                }
            }
        });
    }
}
