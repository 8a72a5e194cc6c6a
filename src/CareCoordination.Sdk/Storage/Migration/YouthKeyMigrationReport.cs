namespace CareCoordination.Sdk.Storage.Migration;

/// <summary>What a <see cref="YouthKeyMigration"/> copied into the new store, per area.</summary>
/// <param name="Signals">Signal rows, active and archived.</param>
/// <param name="SignalEvents">Events of the reference index (registrations, renewals, matches, withdrawals, removals).</param>
/// <param name="Families">Families of the reference index.</param>
/// <param name="RememberedAnswers">Idempotency keys with their remembered answers.</param>
/// <param name="Streams">Streams of the aggregates (cases, plans, consents, legal bases, information obligations, logbook, notifications…).</param>
/// <param name="StreamEvents">Events in those streams.</param>
/// <param name="AuditRecords">Records of the audit trail, copied unchanged so that its hash chain still verifies.</param>
public sealed record YouthKeyMigrationReport(int Signals, int SignalEvents, int Families, int RememberedAnswers, int Streams, int StreamEvents, int AuditRecords);
