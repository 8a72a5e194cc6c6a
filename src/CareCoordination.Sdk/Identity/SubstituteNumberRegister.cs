using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CareCoordination.Sdk.Internal;
using NodaTime;

namespace CareCoordination.Sdk.Identity;

/// <summary>
/// Issues substitute numbers (<em>verwijsindexservicenummers</em>) and resolves their collisions: the same details always
/// get the number they got first, and different details never share one. A region keeps one register beside its index.
/// </summary>
/// <remarks>
/// <para>Collision rule: details get the first candidate of <see cref="SubstituteNumber"/>'s sequence that no other
/// details hold. Which details came first decides who gets candidate 0, so a host persists <see cref="Issued"/> and
/// rebuilds the register from it; the numbers it issued then never change.</para>
/// <para>Thread-safe.</para>
/// </remarks>
public sealed class SubstituteNumberRegister
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, SubstituteNumber> _byFingerprint = new(StringComparer.Ordinal);
    private readonly Dictionary<SubstituteNumber, string> _byNumber = [];

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

    /// <summary>Gets every number issued, for the host to persist.</summary>
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
        lock (_gate)
        {
            if (_byFingerprint.TryGetValue(candidates.Fingerprint, out var known))
            {
                return known;
            }

            for (var attempt = 0; ; attempt++)
            {
                var number = candidates.Nth(attempt, out attempt);
                if (_byNumber.TryAdd(number, candidates.Fingerprint))
                {
                    _byFingerprint.Add(candidates.Fingerprint, number);
                    return number;
                }
            }
        }
    }
}
