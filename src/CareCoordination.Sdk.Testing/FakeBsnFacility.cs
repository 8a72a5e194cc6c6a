using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using NodaTime;

namespace CareCoordination.Sdk.Testing;

/// <summary>
/// A test double of the host's BSN facility: a small population register in memory. It answers the one BSN whose
/// person fits the details (family name compared as letters only, without case or diacritics; postcode and house number
/// only when the request gives them), and nothing when none or several fit.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class FakeBsnFacility : IBsnFacility
{
    private readonly Lock _gate = new();
    private readonly List<(string Name, LocalDate Born, Sex Sex, string? Postcode, int? HouseNumber, Bsn Bsn)> _people = [];
    private int _lookups;

    /// <summary>Gets how many lookups the facility answered.</summary>
    public int Lookups => Volatile.Read(ref _lookups);

    /// <summary>Adds a person to the fake register.</summary>
    /// <param name="bsn">The person's BSN.</param>
    /// <param name="familyName">The family name.</param>
    /// <param name="dateOfBirth">The date of birth.</param>
    /// <param name="sex">The sex.</param>
    /// <param name="postcode">The address's postcode, if any.</param>
    /// <param name="houseNumber">The address's house number, if any.</param>
    /// <returns>This facility, to add more.</returns>
    public FakeBsnFacility Add(Bsn bsn, string familyName, LocalDate dateOfBirth, Sex sex, string? postcode = null, int? houseNumber = null)
    {
        lock (_gate)
        {
            _people.Add((Normalise(familyName), dateOfBirth, sex, postcode, houseNumber, bsn));
        }

        return this;
    }

    /// <inheritdoc/>
    public ValueTask<Bsn?> FindAsync(IdentifyingDetails details, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Interlocked.Increment(ref _lookups);
        var name = Normalise(details.FamilyName);
        lock (_gate)
        {
            var fits = _people.Where(p => p.Name == name && p.Born == details.DateOfBirth && p.Sex == details.Sex
                && (details.Postcode is null || p.Postcode == details.Postcode)
                && (details.HouseNumber is null || p.HouseNumber == details.HouseNumber)).ToList();
            return ValueTask.FromResult<Bsn?>(fits.Count == 1 ? fits[0].Bsn : null);
        }
    }

    private static string Normalise(string familyName) =>
        new([.. familyName.Normalize(System.Text.NormalizationForm.FormD).Where(char.IsLetter).Select(char.ToUpperInvariant)]);
}
