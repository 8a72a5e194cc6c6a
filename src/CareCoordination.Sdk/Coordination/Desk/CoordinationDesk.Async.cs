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

    /// <inheritdoc cref="AssignWaitingCases()"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<IReadOnlyList<AssignmentDecision>> AssignWaitingCasesAsync(CancellationToken cancellationToken = default) => OperationAsync(() => AssignWaitingCases(), cancellationToken);

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

    /// <summary>Runs changes of this area and what belongs to them as one operation, like <see cref="InOperation{T}(Func{T})"/>, and completes once it is durable.</summary>
    internal Task<T> InOperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => OperationAsync(change, cancellationToken);

    private Task<T> OperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => _streams.RunAsync(_gate, change, cancellationToken);
}
