using System.Collections.Generic;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Storage;
using CareCoordination.Sdk.Testing;

namespace CareCoordination.Sdk.Tests.Storage;

public sealed class InMemoryAuditKeyRotationTests : AuditKeyRotationContract
{
    private readonly InMemoryCareCoordinationStore _store = new();

    protected override ICareCoordinationStore OpenStore() => _store;

    protected override void Rewrite(IReadOnlyList<AuditRecord> records) => _store.Audit.ReplaceRecords(records);
}
