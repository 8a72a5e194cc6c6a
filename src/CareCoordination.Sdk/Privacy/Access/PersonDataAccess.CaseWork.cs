using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Storage;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The changes of a coordination case that go through the door: each is decided by the access rules (R3, R12, R13) and
/// gives every youth of the case an audit record in the change's own commit; a refusal is recorded and nothing changes.
/// </summary>
public sealed partial class PersonDataAccess
{
    /// <summary>
    /// Names the actor case holder (<em>casushouder</em>) of a case their organisation is involved in (R12), in their
    /// own organisation's name; in tier none no separate coordinator is needed.
    /// </summary>
    /// <param name="actor">A professional of an organisation involved in the case.</param>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The case's <see cref="CoordinationCase.Version"/> the actor saw, to refuse the change when someone changed the case since; <see langword="null"/> to change whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation is not involved in the open case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentException">The actor names no professional, who would hold the case; nothing changed.</exception>
    /// <exception cref="NotFoundException">The desk does not know the case.</exception>
    /// <exception cref="StaleVersionException">The case is not at <paramref name="expectedVersion"/>; nothing changed.</exception>
    public CoordinationCase NameCaseHolder(Actor actor, CaseId @case, int? expectedVersion = null) =>
        ChangeCase(CaseHolder(actor), @case, c => AccessRules.DecideAsInvolvedOrganisation(actor, c), $"case holder named on {@case}", () => _desk.NameCaseHolder(@case, actor.Professional!.Value, actor.Organisation!.Value, expectedVersion));

    /// <summary>Names the actor case holder like <see cref="NameCaseHolder"/>, and completes once the change is durable.</summary>
    /// <param name="actor">A professional of an organisation involved in the case.</param>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation is not involved in the open case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="CommitRolledBackException">The group commit the change joined failed; the case is as it was.</exception>
    public Task<CoordinationCase> NameCaseHolderAsync(Actor actor, CaseId @case, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(CaseHolder(actor), @case, c => AccessRules.DecideAsInvolvedOrganisation(actor, c), $"case holder named on {@case}", () => _desk.NameCaseHolder(@case, actor.Professional!.Value, actor.Organisation!.Value, expectedVersion), cancellationToken);

    /// <summary>
    /// Assesses a case (R3: its coordinator or case holder; while nobody coordinates it, R12: an organisation involved in
    /// it): the policy's tier rules decide the tier, with their reasons;
    /// see <see cref="Coordination.Desk.CoordinationDesk"/> for what a change of tier does to the coordinator.
    /// </summary>
    /// <param name="actor">The case's coordinator or case holder; while nobody coordinates it, a professional of an organisation involved in it.</param>
    /// <param name="case">The case.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="StaleVersionException">The case is not at <paramref name="expectedVersion"/>; nothing changed.</exception>
    public TierDecision AssessCase(Actor actor, CaseId @case, CaseAssessment assessment, int? expectedVersion = null) =>
        ChangeCase(actor, @case, c => _rules.DecideAssessment(actor, c), $"{@case} assessed", () => _desk.Assess(@case, Guard.NotNull(assessment), expectedVersion), d => $"tier {d.Tier}");

    /// <summary>Assesses a case like <see cref="AssessCase"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder; while nobody coordinates it, a professional of an organisation involved in it.</param>
    /// <param name="case">The case.</param>
    /// <param name="assessment">The assessment.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<TierDecision> AssessCaseAsync(Actor actor, CaseId @case, CaseAssessment assessment, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, c => _rules.DecideAssessment(actor, c), $"{@case} assessed", () => _desk.Assess(@case, Guard.NotNull(assessment), expectedVersion), cancellationToken, d => $"tier {d.Tier}");

    /// <summary>
    /// Assigns a waiting case the best coordinator from the pool (R13: the coordination director); when nobody can take
    /// it, the case keeps waiting and the decision says why.
    /// </summary>
    /// <param name="actor">The coordination director.</param>
    /// <param name="case">The case; it must be <see cref="CaseStatus.AwaitingCoordinator"/>.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the coordination director; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="CaseTransitionRefusedException">The case does not wait for a coordinator.</exception>
    public AssignmentDecision AssignCoordinator(Actor actor, CaseId @case, int? expectedVersion = null) =>
        ChangeCase(actor, @case, c => _rules.DecideAssignment(actor, c, release: false), $"coordinator of {@case} assigned", () => _desk.AssignCoordinator(@case, expectedVersion), Assigned);

    /// <summary>Assigns a coordinator like <see cref="AssignCoordinator"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The coordination director.</param>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the coordination director; the refusal is recorded and nothing changed.</exception>
    public Task<AssignmentDecision> AssignCoordinatorAsync(Actor actor, CaseId @case, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, c => _rules.DecideAssignment(actor, c, release: false), $"coordinator of {@case} assigned", () => _desk.AssignCoordinator(@case, expectedVersion), cancellationToken, Assigned);

    /// <summary>Assigns a waiting case the coordinator the director chose (R13), when that coordinator is qualified for the tier and has room.</summary>
    /// <param name="actor">The coordination director.</param>
    /// <param name="case">The case; it must be <see cref="CaseStatus.AwaitingCoordinator"/>.</param>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The decision; refused, with nothing changed but the audit record, when the coordinator is not qualified or has no room.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the coordination director; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="NotFoundException">The desk does not know the case or the coordinator.</exception>
    public AssignmentDecision AssignChosenCoordinator(Actor actor, CaseId @case, CoordinatorId coordinator, int? expectedVersion = null) =>
        ChangeCase(actor, @case, c => _rules.DecideAssignment(actor, c, release: false), $"{coordinator} chosen for {@case}", () => _desk.AssignChosenCoordinator(@case, coordinator, expectedVersion), Assigned);

    /// <summary>Assigns the chosen coordinator like <see cref="AssignChosenCoordinator"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The coordination director.</param>
    /// <param name="case">The case.</param>
    /// <param name="coordinator">The coordinator.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the coordination director; the refusal is recorded and nothing changed.</exception>
    public Task<AssignmentDecision> AssignChosenCoordinatorAsync(Actor actor, CaseId @case, CoordinatorId coordinator, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, c => _rules.DecideAssignment(actor, c, release: false), $"{coordinator} chosen for {@case}", () => _desk.AssignChosenCoordinator(@case, coordinator, expectedVersion), cancellationToken, Assigned);

    /// <summary>Releases the case's coordinator and assigns another (R13: the coordination director); when nobody can take it, the case waits with the reason.</summary>
    /// <param name="actor">The coordination director.</param>
    /// <param name="case">The case; it must be <see cref="CaseStatus.Coordinated"/>.</param>
    /// <param name="reason">Why, for example "the family asked for another coordinator".</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The decision about the new coordinator.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the coordination director; the refusal is recorded and nothing changed.</exception>
    public AssignmentDecision ReassignCoordinator(Actor actor, CaseId @case, string reason, int? expectedVersion = null) =>
        ChangeCase(actor, @case, c => _rules.DecideAssignment(actor, c, release: false), $"coordinator of {@case} reassigned", () => _desk.Reassign(@case, reason, expectedVersion), Assigned);

    /// <summary>Reassigns like <see cref="ReassignCoordinator"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The coordination director.</param>
    /// <param name="case">The case.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The decision about the new coordinator.</returns>
    /// <exception cref="AccessDeniedException">The actor is not the coordination director; the refusal is recorded and nothing changed.</exception>
    public Task<AssignmentDecision> ReassignCoordinatorAsync(Actor actor, CaseId @case, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, c => _rules.DecideAssignment(actor, c, release: false), $"coordinator of {@case} reassigned", () => _desk.Reassign(@case, reason, expectedVersion), cancellationToken, Assigned);

    /// <summary>Releases the case's coordinator (R13: the coordination director, or the coordinator stepping down); the case waits for another.</summary>
    /// <param name="actor">The coordination director, or the case's coordinator.</param>
    /// <param name="case">The case; it must be <see cref="CaseStatus.Coordinated"/>.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor is neither; the refusal is recorded and nothing changed.</exception>
    public CoordinationCase ReleaseCoordinator(Actor actor, CaseId @case, string reason, int? expectedVersion = null) =>
        ChangeCase(actor, @case, c => _rules.DecideAssignment(actor, c, release: true), $"coordinator of {@case} released", () => _desk.ReleaseCoordinator(@case, reason, expectedVersion));

    /// <summary>Releases the coordinator like <see cref="ReleaseCoordinator"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The coordination director, or the case's coordinator.</param>
    /// <param name="case">The case.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor is neither; the refusal is recorded and nothing changed.</exception>
    public Task<CoordinationCase> ReleaseCoordinatorAsync(Actor actor, CaseId @case, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, c => _rules.DecideAssignment(actor, c, release: true), $"coordinator of {@case} released", () => _desk.ReleaseCoordinator(@case, reason, expectedVersion), cancellationToken);

    /// <summary>
    /// Hands coordination over to youth protection (<em>overdracht</em>, R3: the case's coordinator or case holder);
    /// youth protection reports back to the organisations the handover names, each of which must be involved in the case.
    /// </summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="handover">The handover record.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    /// <exception cref="ArgumentException">The handover names an organisation that is not involved in the case; nothing changed.</exception>
    public CoordinationCase HandOverToYouthProtection(Actor actor, CaseId @case, Handover handover, int? expectedVersion = null) =>
        ChangeCase(actor, @case, CaseRule(actor), HandoverDetail(@case, handover), () => _desk.HandOverToYouthProtection(@case, handover, expectedVersion));

    /// <summary>Hands over like <see cref="HandOverToYouthProtection"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="handover">The handover record.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<CoordinationCase> HandOverToYouthProtectionAsync(Actor actor, CaseId @case, Handover handover, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, CaseRule(actor), HandoverDetail(@case, handover), () => _desk.HandOverToYouthProtection(@case, handover, expectedVersion), cancellationToken);

    /// <summary>Records that youth protection reported back (<em>terugkoppeling</em>) to the actor's own organisation (R12), one the handover names.</summary>
    /// <param name="actor">A professional of the organisation informed.</param>
    /// <param name="case">The case; it must be handed over.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation is not involved in the open case; the refusal is recorded and nothing changed.</exception>
    public CoordinationCase RecordFeedback(Actor actor, CaseId @case, int? expectedVersion = null) =>
        ChangeCase(actor, @case, c => AccessRules.DecideAsInvolvedOrganisation(actor, c), $"youth protection reported back on {@case}", () => _desk.RecordFeedback(@case, actor.Organisation!.Value, expectedVersion));

    /// <summary>Records feedback like <see cref="RecordFeedback"/>, and completes once the change is durable.</summary>
    /// <param name="actor">A professional of the organisation informed.</param>
    /// <param name="case">The case.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor's organisation is not involved in the open case; the refusal is recorded and nothing changed.</exception>
    public Task<CoordinationCase> RecordFeedbackAsync(Actor actor, CaseId @case, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, c => AccessRules.DecideAsInvolvedOrganisation(actor, c), $"youth protection reported back on {@case}", () => _desk.RecordFeedback(@case, actor.Organisation!.Value, expectedVersion), cancellationToken);

    /// <summary>Brings coordination back from youth protection (R3: the case's coordinator or case holder) when the measure or indication ends.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case; it must be handed over.</param>
    /// <param name="reason">Why, for example "supervision order ended".</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public CoordinationCase ReturnFromYouthProtection(Actor actor, CaseId @case, string reason, int? expectedVersion = null) =>
        ChangeCase(actor, @case, CaseRule(actor), $"{@case} returned from youth protection", () => _desk.ReturnFromYouthProtection(@case, reason, expectedVersion));

    /// <summary>Brings coordination back like <see cref="ReturnFromYouthProtection"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="reason">Why.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<CoordinationCase> ReturnFromYouthProtectionAsync(Actor actor, CaseId @case, string reason, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, CaseRule(actor), $"{@case} returned from youth protection", () => _desk.ReturnFromYouthProtection(@case, reason, expectedVersion), cancellationToken);

    /// <summary>Records hours the actor's organisation spent coordinating a case (R3: the case's coordinator or case holder).</summary>
    /// <param name="actor">The case's coordinator or case holder; the hours are their organisation's.</param>
    /// <param name="case">The case.</param>
    /// <param name="hours">The hours; more than 0 and at most 168.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public CoordinationCase RecordCoordinationHours(Actor actor, CaseId @case, decimal hours, int? expectedVersion = null) =>
        ChangeCase(actor, @case, CaseRule(actor), HoursDetail(@case, hours), () => _desk.RecordCoordinationHours(@case, actor.Organisation!.Value, hours, expectedVersion));

    /// <summary>Records coordination hours like <see cref="RecordCoordinationHours"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="hours">The hours; more than 0 and at most 168.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<CoordinationCase> RecordCoordinationHoursAsync(Actor actor, CaseId @case, decimal hours, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, CaseRule(actor), HoursDetail(@case, hours), () => _desk.RecordCoordinationHours(@case, actor.Organisation!.Value, hours, expectedVersion), cancellationToken);

    /// <summary>Closes a case with its outcome (R3: the case's coordinator or case holder); a coordinator is freed at once.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public CoordinationCase CloseCase(Actor actor, CaseId @case, CaseOutcome outcome, int? expectedVersion = null) =>
        ChangeCase(actor, @case, CaseRule(actor), $"{@case} closed: {outcome}", () => _desk.Close(@case, outcome, expectedVersion));

    /// <summary>Closes a case like <see cref="CloseCase"/>, and completes once the change is durable.</summary>
    /// <param name="actor">The case's coordinator or case holder.</param>
    /// <param name="case">The case.</param>
    /// <param name="outcome">How it ended.</param>
    /// <param name="expectedVersion">The case's version the actor saw; <see langword="null"/> for whatever version it is at.</param>
    /// <param name="cancellationToken">Cancels the change until it is queued for its commit; then nothing changed.</param>
    /// <returns>The case after the change.</returns>
    /// <exception cref="AccessDeniedException">The actor does not coordinate the case; the refusal is recorded and nothing changed.</exception>
    public Task<CoordinationCase> CloseCaseAsync(Actor actor, CaseId @case, CaseOutcome outcome, int? expectedVersion = null, CancellationToken cancellationToken = default) =>
        ChangeCaseAsync(actor, @case, CaseRule(actor), $"{@case} closed: {outcome}", () => _desk.Close(@case, outcome, expectedVersion), cancellationToken);

    private static string Assigned(AssignmentDecision decision) => decision.IsAssigned ? $"{decision.Coordinator} coordinates" : "waits for a coordinator";

    private static string HandoverDetail(CaseId @case, Handover handover) => $"{@case} handed over to {Guard.NotNull(handover).YouthProtection} ({handover.Measure})";

    private static string HoursDetail(CaseId @case, decimal hours) => string.Create(CultureInfo.InvariantCulture, $"{hours} coordination hours recorded on {@case}");

    private static Actor CaseHolder(Actor actor) =>
        Guard.NotNull(actor).Professional is null ? throw new ArgumentException("A case holder is a professional; the actor names none.", nameof(actor)) : actor;

    private Func<CoordinationCase, AccessDecision> CaseRule(Actor actor) => current => _rules.DecideAboutCase(actor, DataCategory.Case, current);

    // The case's youths are read before the change: a change that adds none, each of them gets the record.
    private T ChangeCase<T>(Actor actor, CaseId @case, Func<CoordinationCase, AccessDecision> rule, string what, Func<T> change, Func<T, string>? outcome = null, DataCategory data = DataCategory.Case, AuditAction action = AuditAction.Update)
    {
        var record = CaseRecord(actor, @case, rule, what, outcome, data, action);
        return _desk.InOperation(() => Recorded(change(), record));
    }

    private Task<T> ChangeCaseAsync<T>(Actor actor, CaseId @case, Func<CoordinationCase, AccessDecision> rule, string what, Func<T> change, CancellationToken cancellationToken, Func<T, string>? outcome = null, DataCategory data = DataCategory.Case, AuditAction action = AuditAction.Update)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var record = CaseRecord(actor, @case, rule, what, outcome, data, action);
        return _desk.InOperationAsync(() => Recorded(change(), record), cancellationToken);
    }

    // The case is read once, for the rule and for whom the record names.
    private Action<T> CaseRecord<T>(Actor actor, CaseId @case, Func<CoordinationCase, AccessDecision> rule, string what, Func<T, string>? outcome, DataCategory data, AuditAction action)
    {
        Guard.NotNull(actor);
        var current = _desk.GetCase(@case);
        var decision = rule(current);
        var youths = current.Youths;
        if (!decision.IsAllowed)
        {
            DecideForEach(actor, youths, data, what, decision, action);
        }

        return result => DecideForEach(actor, youths, data, outcome is null ? what : what + ": " + outcome(result), decision, action);
    }

    private static T Recorded<T>(T result, Action<T> record)
    {
        record(result);
        return result;
    }
}
