using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Coordination.Desk;

// The async forms: the same change in memory under the same locks, then an await until its group commit is durable.
public sealed partial class CoordinationDesk
{
    /// <inheritdoc cref="Intake(CaseIntake, Action{IntakeResult}?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    internal Task<IntakeResult> IntakeAsync(CaseIntake intake, Action<IntakeResult>? alsoInOperation = null, CancellationToken cancellationToken = default) => OperationAsync(() => Intake(intake, alsoInOperation), cancellationToken);

    /// <inheritdoc cref="NameCaseHolder(CaseId, ProfessionalId, OrganisationId, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> NameCaseHolderAsync(CaseId @case, ProfessionalId caseHolder, OrganisationId organisation, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => NameCaseHolder(@case, caseHolder, organisation, expectedVersion), cancellationToken);

    /// <inheritdoc cref="Assess(CaseId, CaseAssessment, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<TierDecision> AssessAsync(CaseId @case, CaseAssessment assessment, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => Assess(@case, assessment, expectedVersion), cancellationToken);

    /// <inheritdoc cref="AssignCoordinator(CaseId, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<AssignmentDecision> AssignCoordinatorAsync(CaseId @case, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => AssignCoordinator(@case, expectedVersion), cancellationToken);

    /// <inheritdoc cref="AssignChosenCoordinator(CaseId, CoordinatorId, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<AssignmentDecision> AssignChosenCoordinatorAsync(CaseId @case, CoordinatorId coordinator, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => AssignChosenCoordinator(@case, coordinator, expectedVersion), cancellationToken);

    /// <inheritdoc cref="AssignWaitingCases()"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<IReadOnlyList<AssignmentDecision>> AssignWaitingCasesAsync(CancellationToken cancellationToken = default) => OperationAsync(() => AssignWaitingCases(), cancellationToken);

    /// <inheritdoc cref="Reassign(CaseId, string, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<AssignmentDecision> ReassignAsync(CaseId @case, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => Reassign(@case, reason, expectedVersion), cancellationToken);

    /// <inheritdoc cref="ReleaseCoordinator(CaseId, string, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> ReleaseCoordinatorAsync(CaseId @case, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => ReleaseCoordinator(@case, reason, expectedVersion), cancellationToken);

    /// <inheritdoc cref="AddCoordinator(CareCoordinator)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task AddCoordinatorAsync(CareCoordinator coordinator, CancellationToken cancellationToken = default) =>
        OperationAsync(
            () =>
            {
                AddCoordinator(coordinator);
                return true;
            },
            cancellationToken);

    /// <inheritdoc cref="RemoveCoordinator(CoordinatorId, string)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<IReadOnlyList<AssignmentDecision>> RemoveCoordinatorAsync(CoordinatorId coordinator, string reason, CancellationToken cancellationToken = default) => OperationAsync(() => RemoveCoordinator(coordinator, reason), cancellationToken);

    /// <inheritdoc cref="HandOverToYouthProtection(CaseId, Handover, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> HandOverToYouthProtectionAsync(CaseId @case, Handover handover, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => HandOverToYouthProtection(@case, handover, expectedVersion), cancellationToken);

    /// <inheritdoc cref="RecordFeedback(CaseId, OrganisationId, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> RecordFeedbackAsync(CaseId @case, OrganisationId informed, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => RecordFeedback(@case, informed, expectedVersion), cancellationToken);

    /// <inheritdoc cref="ReturnFromYouthProtection(CaseId, string, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> ReturnFromYouthProtectionAsync(CaseId @case, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => ReturnFromYouthProtection(@case, reason, expectedVersion), cancellationToken);

    /// <inheritdoc cref="RecordCoordinationHours(CaseId, OrganisationId, decimal, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> RecordCoordinationHoursAsync(CaseId @case, OrganisationId organisation, decimal hours, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => RecordCoordinationHours(@case, organisation, hours, expectedVersion), cancellationToken);

    /// <inheritdoc cref="Close(CaseId, CaseOutcome, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<CoordinationCase> CloseAsync(CaseId @case, CaseOutcome outcome, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => Close(@case, outcome, expectedVersion), cancellationToken);


    private Task<T> OperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => _streams.RunAsync(_gate, change, cancellationToken);
}
