using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Plans.Book;

// The async forms: the same change in memory under the same locks, then an await until its group commit is durable.
public sealed partial class PlanBook
{
    /// <inheritdoc cref="AdvanceEscalations(ProfessionalId, LocalDate?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    public Task<IReadOnlyList<FamilyPlan>> AdvanceEscalationsAsync(ProfessionalId by, LocalDate? today = null, CancellationToken cancellationToken = default) => OperationAsync(() => AdvanceEscalations(by, today), cancellationToken);

    /// <summary>Runs changes of this area and what belongs to them as one operation, like <see cref="InOperation{T}(Func{T})"/>, and completes once it is durable.</summary>
    internal Task<T> InOperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => OperationAsync(change, cancellationToken);

    private Task<T> OperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => _streams.RunAsync(_gate, change, cancellationToken);
}
