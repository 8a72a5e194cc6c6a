using System;
using System.Globalization;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// A care coordinator (<em>zorgcoördinator</em>, <em>casusregisseur</em>) in the municipality's pool: a professional of
/// a parent organisation, with a training level and the weekly hours the organisation made free for coordination
/// (the Noord-Brabant advice is four extra hours a week).
/// </summary>
/// <remarks>Immutable and thread-safe. Holds no name; the professional's details live in the organisation directory.</remarks>
public sealed class CareCoordinator
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="id">The identifier in the pool.</param>
    /// <param name="professional">The professional.</param>
    /// <param name="organisation">The parent organisation that employs the professional.</param>
    /// <param name="training">The coordination training.</param>
    /// <param name="weeklyHours">Hours a week available for coordination; more than 0 and at most 40.</param>
    /// <exception cref="ArgumentException">A value is missing or out of range.</exception>
    public CareCoordinator(CoordinatorId id, ProfessionalId professional, OrganisationId organisation, TrainingLevel training, decimal weeklyHours)
    {
        Id = Guard.NotDefault(id);
        Professional = Guard.NotDefault(professional);
        Organisation = Guard.NotDefault(organisation);
        if (!Enum.IsDefined(training))
        {
            throw new ArgumentException("The training level is not defined.", nameof(training));
        }

        if (weeklyHours <= 0 || weeklyHours > 40)
        {
            throw new ArgumentOutOfRangeException(nameof(weeklyHours), weeklyHours, "Weekly coordination hours must be more than 0 and at most 40.");
        }

        Training = training;
        WeeklyHours = weeklyHours;
    }

    /// <summary>Gets the identifier in the pool.</summary>
    public CoordinatorId Id { get; }

    /// <summary>Gets the professional.</summary>
    public ProfessionalId Professional { get; }

    /// <summary>Gets the parent organisation.</summary>
    public OrganisationId Organisation { get; }

    /// <summary>Gets the coordination training.</summary>
    public TrainingLevel Training { get; }

    /// <summary>Gets the hours a week available for coordination.</summary>
    public decimal WeeklyHours { get; }

    /// <summary>Tells whether the coordinator's training allows a tier.</summary>
    /// <param name="tier">The tier.</param>
    /// <returns>Whether it does.</returns>
    public bool IsQualifiedFor(CoordinationTier tier) => tier != CoordinationTier.Specialist || Training == TrainingLevel.Specialist;

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Id} ({Organisation}, {Training}, {WeeklyHours} h/week)");
}
