using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Matching;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;

namespace CareCoordination.Sdk.Coordination.Desk;

/// <summary>
/// Feeds the reference index's matches to the coordination desk: every match opens the family's case or joins the
/// open one, through the index route (<em>meldroute Verwijsindex</em>); and every family the index is told of reaches
/// the desk too. Register it as an
/// <see cref="IReferenceIndexObserver"/> of the index.
/// </summary>
/// <remarks>
/// Thread-safe. The desk never calls back into the index, which keeps the index's rule for observers. With a store that
/// commits change sets, the case a match opens or joins is written in the registration's own transaction.
/// </remarks>
public sealed class ReferenceIndexIntake : IReferenceIndexObserver, IChangeParticipant
{
    private readonly CoordinationDesk _desk;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="desk">The coordination desk.</param>
    public ReferenceIndexIntake(CoordinationDesk desk) => _desk = Guard.NotNull(desk);

    /// <inheritdoc/>
    public void OnMatchFound(in MatchFound e) => _desk.Intake(CaseIntake.FromMatch(e.Match));

    /// <inheritdoc/>
    /// <remarks>The desk learns the families the index is told of, so that one call from the population register's feed changes both in one commit.</remarks>
    public void OnFamilyChanged(in FamilyChanged e)
    {
        if (e.Family is { } family)
        {
            _desk.AddOrReplaceFamily(family);
        }
    }
}
