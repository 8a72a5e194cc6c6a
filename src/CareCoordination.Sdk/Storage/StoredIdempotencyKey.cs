using System.Collections.Generic;
using CareCoordination.Sdk.Signals;
using NodaTime;

namespace CareCoordination.Sdk.Storage;

/// <summary>
/// A registration's idempotency key with the answer it got, written in the same commit as the registration so that a
/// vendor client retrying after a timeout gets the first answer even after a restart.
/// </summary>
/// <param name="Key">The key the client chose, hashed by the index's keying (HMAC-SHA256 under the pseudonymisation key when pseudonymised, SHA-256 when keyed by BSN), so that a key built from a BSN puts no BSN on disk; stores written before keys were hashed hold it in clear until the index next opens them.</param>
/// <param name="At">When the key was first used; it is forgotten after the policy's idempotency window.</param>
/// <param name="Signals">
/// The signal the answer registered or renewed: erasing it erases the key, since the answer holds its youth's number.
/// Removing a matched signal leaves the key and its answer, which the next load reads without that match. Empty when
/// read back.
/// </param>
/// <param name="SchemaVersion">The schema version of <paramref name="Json"/>.</param>
/// <param name="Json">The answer as JSON. It holds the youth's number (or pseudonym), like the signal's own row.</param>
public sealed record StoredIdempotencyKey(string Key, Instant At, IReadOnlyList<SignalId> Signals, int SchemaVersion, string Json);
