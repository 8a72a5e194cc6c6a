using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Serialization;
using CareCoordination.Sdk.Storage;
using NodaTime;

namespace CareCoordination.Sdk.Privacy.Consents;

// The async forms: the same change in memory under the same locks, then an await until its group commit is durable.
public sealed partial class ConsentRegister
{
    /// <inheritdoc cref="Give(Youth, ConsentPurpose, IEnumerable{OrganisationId}, ConsentGiver, Instant?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    internal Task<Consent> GiveAsync(Youth youth, ConsentPurpose purpose, IEnumerable<OrganisationId> recipients, ConsentGiver givenBy, Instant? end = null, CancellationToken cancellationToken = default) => OperationAsync(() => Give(youth, purpose, recipients, givenBy, end), cancellationToken);

    /// <inheritdoc cref="Withdraw(int, int?)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    internal Task<Consent> WithdrawAsync(int consent, int? expectedVersion = null, CancellationToken cancellationToken = default) => OperationAsync(() => Withdraw(consent, expectedVersion), cancellationToken);

    /// <inheritdoc cref="RecordLegalBasis(Bsn, LegalBasis, string, ProfessionalId, OrganisationId, IEnumerable{OrganisationId}, Duration)"/>
    /// <remarks>Completes once the change is durable. Cancelled before the change is queued for its commit, nothing changed; once it is queued, it completes.</remarks>
    internal Task<LegalBasisRecord> RecordLegalBasisAsync(Bsn youth, LegalBasis basis, string justification, ProfessionalId decidedBy, OrganisationId organisation, IEnumerable<OrganisationId> recipients, Duration validFor, CancellationToken cancellationToken = default) => OperationAsync(() => RecordLegalBasis(youth, basis, justification, decidedBy, organisation, recipients, validFor), cancellationToken);


    private Task<T> OperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => _streams.RunAsync(_gate, change, cancellationToken);

    /// <summary>Runs changes of this area and what belongs to them as one operation, like <see cref="InOperation{T}(Func{T})"/>, and completes once it is durable.</summary>
    internal Task<T> InOperationAsync<T>(Func<T> change, CancellationToken cancellationToken) => OperationAsync(change, cancellationToken);
}
