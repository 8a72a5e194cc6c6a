using System;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The erasure of a youth's consents through the door (R11, AVG art. 17): only the privacy officer erases them; the
/// erasure and its audit record are one commit, and a refusal is recorded before it is thrown.
/// </summary>
public sealed partial class PersonDataAccess
{
    /// <summary>
    /// Erases every consent and legal basis about a youth (<em>recht op vergetelheid</em>, AVG art. 17, R11), in memory
    /// and in the store, once the privacy officer granted the youth's or parents' erasure request. Each leaves a line
    /// without the youth's data (its number, when and why), so that its number is never given out again. The youth gets
    /// one audit record, written in the erasure's own commit.
    /// </summary>
    /// <param name="actor">The privacy officer (<em>functionaris gegevensbescherming</em>), in the <see cref="ActorRole.Auditor"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="reason">Why, for example "erasure request granted by the privacy officer"; never blank.</param>
    /// <returns>How many consents and legal bases were erased.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the privacy officer; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentException">The reason is blank, or <paramref name="youth"/> is <c>default</c>; nothing changed and nothing is recorded.</exception>
    public int EraseConsents(Actor actor, Bsn youth, string reason)
    {
        var record = DecideConsentErasure(actor, youth, reason);
        return _consents.InOperation(() => Then(_consents.Erase(youth, reason), record));
    }

    /// <summary>Erases a youth's consents and legal bases like <see cref="EraseConsents(Actor, Bsn, string)"/>, and completes once the erasure is durable.</summary>
    /// <param name="actor">The privacy officer, in the <see cref="ActorRole.Auditor"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="reason">Why; never blank.</param>
    /// <param name="cancellationToken">Cancels the erasure until it is queued for its commit; then nothing changed.</param>
    /// <returns>How many consents and legal bases were erased.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the privacy officer; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentException">The reason is blank, or <paramref name="youth"/> is <c>default</c>; nothing changed and nothing is recorded.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the erasure joined failed; the consents are as they were.</exception>
    public Task<int> EraseConsentsAsync(Actor actor, Bsn youth, string reason, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideConsentErasure(actor, youth, reason);
        return _consents.InOperationAsync(() => Then(_consents.Erase(youth, reason), record), cancellationToken);
    }

    // The reason is checked before the rules, so that a blank one changes nothing and leaves no record; it goes into the
    // erased lines of the register, not into the audit trail, where free text could carry a person's data.
    private Action DecideConsentErasure(Actor actor, Bsn youth, string reason)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("The reason for erasing the youth's consents must not be blank.", nameof(reason));
        }

        return Deferred(actor, [youth], DataCategory.Consent, "consents and legal bases erased on an erasure request", AccessRules.DecideConsentErasure(actor), AuditAction.Delete);
    }
}
