using System;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>An intake through the door (R9): a professional brings a concern about youths in, and each youth gets an audit record in the intake's commit.</summary>
public sealed partial class PersonDataAccess
{
    /// <summary>
    /// Takes in a concern from an intake route (R9: a professional of a reporting, matched or coordinating organisation,
    /// in its own organisation's name): opens the family's case, or joins the open case that already handles the family
    /// or one of its youths, so that a family has one open case however many routes reach it. Each youth of the intake
    /// gets an audit record, written in the intake's commit.
    /// </summary>
    /// <param name="actor">A professional of an organisation the intake names.</param>
    /// <param name="intake">The intake.</param>
    /// <returns>Which case handles the family, in which meeting, and whether this intake opened it.</returns>
    /// <exception cref="AccessDeniedException">The actor's role brings no concern in, or the intake names another organisation; the refusal is recorded and nothing changed.</exception>
    public IntakeResult TakeIn(Actor actor, CaseIntake intake)
    {
        var record = DecideIntake(actor, intake);
        return _desk.Intake(intake, record);
    }

    /// <summary>Takes in a concern like <see cref="TakeIn(Actor, CaseIntake)"/>, and completes once the intake is durable.</summary>
    /// <param name="actor">A professional of an organisation the intake names.</param>
    /// <param name="intake">The intake.</param>
    /// <param name="cancellationToken">Cancels the intake until it is queued for its commit; then nothing changed.</param>
    /// <returns>Which case handles the family, in which meeting, and whether this intake opened it.</returns>
    /// <exception cref="AccessDeniedException">The actor's role brings no concern in, or the intake names another organisation; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the intake joined failed; the cases are as they were.</exception>
    public Task<IntakeResult> TakeInAsync(Actor actor, CaseIntake intake, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideIntake(actor, intake);
        return _desk.IntakeAsync(intake, record, cancellationToken);
    }

    // Whether the intake opens a case or joins one is known only inside its operation, so the record is made there.
    private Action<IntakeResult> DecideIntake(Actor actor, CaseIntake intake)
    {
        Guard.NotNull(actor);
        Guard.NotNull(intake);
        var decision = AccessRules.DecideIntake(actor, intake);
        var youths = intake.Youths.Distinct().ToArray();
        if (!decision.IsAllowed)
        {
            DecideForEach(actor, youths, DataCategory.Case, $"intake via {intake.Route}", decision, AuditAction.Create);
        }

        return result => DecideForEach(actor, youths, DataCategory.Case, string.Create(CultureInfo.InvariantCulture, $"intake via {intake.Route}: {(result.Opened ? "opened" : "joined")} {result.Case}"), decision, result.Opened ? AuditAction.Create : AuditAction.Update);
    }
}
