using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Families;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The changes the municipality's population register feed (<em>BRP-koppeling</em>) makes through the door (R10):
/// families recorded, replaced and removed, and a youth's death. Only the <see cref="ActorRole.PopulationRegisterFeed"/>
/// makes them; every person the change touches gets an audit record, written in the change's own commit, and a refusal
/// is recorded before it is thrown.
/// </summary>
public sealed partial class PersonDataAccess
{
    /// <summary>
    /// Records a family as the population register knows it (a household's youths and the parents or carers they
    /// share), or replaces the family with the same number (R10); later registrations match across its youths, and
    /// the coordination desk learns the family through <see cref="Coordination.Desk.ReferenceIndexIntake"/> in the
    /// same commit. Every member, and every member of the family it replaces, gets an audit record.
    /// </summary>
    /// <param name="actor">The municipality's feed, in the <see cref="ActorRole.PopulationRegisterFeed"/> role.</param>
    /// <param name="family">The family.</param>
    /// <exception cref="AccessDeniedException">The actor is not the population register feed; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="family"/> is <see langword="null"/>.</exception>
    public void AddOrReplaceFamily(Actor actor, Family family)
    {
        var record = DecideFamilyChange(actor, family);
        _index.AddOrReplaceFamily(family, record);
    }

    /// <summary>Records or replaces a family like <see cref="AddOrReplaceFamily(Actor, Family)"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The municipality's feed, in the <see cref="ActorRole.PopulationRegisterFeed"/> role.</param>
    /// <param name="family">The family.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>A task that completes once the change is durable.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the population register feed; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the change joined failed; the family is as it was.</exception>
    public Task AddOrReplaceFamilyAsync(Actor actor, Family family, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideFamilyChange(actor, family);
        return _index.AddOrReplaceFamilyAsync(family, record, cancellationToken);
    }

    /// <summary>
    /// Forgets a family the population register no longer knows (R10); its youths no longer match each other through
    /// it. Every member it had gets an audit record; a family the index did not know leaves none (nothing changed).
    /// </summary>
    /// <param name="actor">The municipality's feed, in the <see cref="ActorRole.PopulationRegisterFeed"/> role.</param>
    /// <param name="family">The family's number.</param>
    /// <returns>Whether the family was known.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the population register feed; the refusal is recorded and nothing changed.</exception>
    public bool RemoveFamily(Actor actor, FamilyId family)
    {
        var record = DecideFamilyRemoval(actor, family);
        return _index.RemoveFamily(family, record);
    }

    /// <summary>Forgets a family like <see cref="RemoveFamily(Actor, FamilyId)"/>, and completes once the removal is durable.</summary>
    /// <param name="actor">The municipality's feed, in the <see cref="ActorRole.PopulationRegisterFeed"/> role.</param>
    /// <param name="family">The family's number.</param>
    /// <param name="cancellationToken">Cancels the removal until it is queued for its commit; then nothing changed.</param>
    /// <returns>Whether the family was known.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the population register feed; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the removal joined failed; the family is as it was.</exception>
    public Task<bool> RemoveFamilyAsync(Actor actor, FamilyId family, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideFamilyRemoval(actor, family);
        return _index.RemoveFamilyAsync(family, record, cancellationToken);
    }

    /// <summary>
    /// Records that a youth died (R10): every signal on the youth, active and archived, is removed as soon as possible
    /// after death (Jeugdwet art. 7.1.4.6), and the youth leaves its families. The youth gets an audit record.
    /// </summary>
    /// <param name="actor">The municipality's feed, in the <see cref="ActorRole.PopulationRegisterFeed"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <returns>How many signals were removed.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the population register feed; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentException"><paramref name="youth"/> is <c>default</c>.</exception>
    public int RecordDeath(Actor actor, Bsn youth)
    {
        var record = DecideDeath(actor, youth);
        return _index.RecordDeath(youth, record);
    }

    /// <summary>Records that a youth died like <see cref="RecordDeath(Actor, Bsn)"/>, and completes once the removal is durable.</summary>
    /// <param name="actor">The municipality's feed, in the <see cref="ActorRole.PopulationRegisterFeed"/> role.</param>
    /// <param name="youth">The youth.</param>
    /// <param name="cancellationToken">Cancels the removal until it is queued for its commit; then nothing changed.</param>
    /// <returns>How many signals were removed.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the population register feed; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the removal joined failed; the signals are as they were.</exception>
    public Task<int> RecordDeathAsync(Actor actor, Bsn youth, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = DecideDeath(actor, youth);
        return _index.RecordDeathAsync(youth, record, cancellationToken);
    }

    // The family serves matching in the index (a family match), hence the signals' category; the members of the family
    // it replaces are touched too (they leave it), so they get a record as well.
    private Action DecideFamilyChange(Actor actor, Family family)
    {
        Guard.NotNull(actor);
        Guard.NotNull(family);
        var decision = AccessRules.DecidePopulationRegisterChange(actor);
        IEnumerable<Bsn> touched = Members(family);
        if (decision.IsAllowed && _index.FindFamily(family.Id) is { } before)
        {
            touched = touched.Concat(Members(before));
        }

        return Deferred(actor, [.. touched.Distinct()], DataCategory.Signals, $"{family.Id} recorded from the population register", decision, AuditAction.Update);
    }

    // A refused removal names no member: whether the family is known is not the caller's to learn.
    private Action DecideFamilyRemoval(Actor actor, FamilyId family)
    {
        Guard.NotNull(actor);
        var decision = AccessRules.DecidePopulationRegisterChange(actor);
        IReadOnlyList<Bsn> touched = decision.IsAllowed && _index.FindFamily(family) is { } known ? [.. Members(known).Distinct()] : [];
        return Deferred(actor, touched, DataCategory.Signals, $"{family} removed by the population register", decision, AuditAction.Delete);
    }

    private Action DecideDeath(Actor actor, Bsn youth)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        return Deferred(actor, [youth], DataCategory.Signals, "death recorded from the population register", AccessRules.DecidePopulationRegisterChange(actor), AuditAction.Delete);
    }

    private static IEnumerable<Bsn> Members(Family family) => family.Youths.Concat(family.Carers);
}
