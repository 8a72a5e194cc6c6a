using System.Collections.Generic;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A registration's idempotency key with the answer it got, written in the same commit as the registration so that a
/// vendor client retrying after a timeout gets the first answer even after a restart.
/// </summary>
/// <param name="Key">The key the client chose.</param>
/// <param name="At">When the key was first used; it is forgotten after the policy's idempotency window.</param>
/// <param name="Signals">The signals the answer names; erasing any of them erases the key. Empty when read back.</param>
/// <param name="SchemaVersion">The schema version of <paramref name="Json"/>.</param>
/// <param name="Json">The answer as JSON. It holds the youth's number (or pseudonym), like the signal's own row.</param>
public sealed record StoredIdempotencyKey(string Key, Instant At, IReadOnlyList<SignalId> Signals, int SchemaVersion, string Json);
