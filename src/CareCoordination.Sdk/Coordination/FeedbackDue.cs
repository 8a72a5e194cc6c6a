using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Coordination;

/// <summary>Youth protection's feedback (<em>terugkoppeling</em>) owed to one involved organisation of a handed-over case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Organisation">The organisation owed feedback.</param>
/// <param name="LastInformedAt">When youth protection last informed it, or <see langword="null"/> when it never did.</param>
/// <param name="DueAt">When the next feedback is due.</param>
public sealed record FeedbackDue(CaseId Case, OrganisationId Organisation, Instant? LastInformedAt, Instant DueAt)
{
    /// <summary>Tells whether the feedback is overdue at an instant.</summary>
    /// <param name="now">The instant.</param>
    /// <returns>Whether it is.</returns>
    public bool IsOverdueAt(Instant now) => now > DueAt;
}
