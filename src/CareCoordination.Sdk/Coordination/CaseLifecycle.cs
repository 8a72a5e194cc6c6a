using System.Collections.Generic;
using System.Linq;
using System.Text;
using CareCoordination.Sdk.Internal;

namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// The declarative table of a coordination case's lifecycle: which trigger moves a case from which status to which,
/// under which condition. Every change to a case is checked against it; a move that is not in the table is refused
/// with a <see cref="CaseTransitionRefusedException"/> naming the status, the trigger and the rule.
/// <see cref="ToMermaid"/> draws the table for the documentation.
/// </summary>
/// <remarks>Thread-safe; the table never changes.</remarks>
public static class CaseLifecycle
{
    private const string CaseHolderNamed = "case holder named";
    private const string NoCaseHolder = "no case holder";

    private static readonly CaseTransition[] Table = Build();

    /// <summary>Gets every row of the table, in the order they are checked.</summary>
    public static IReadOnlyList<CaseTransition> Transitions => Table;

    /// <summary>Lists the triggers allowed in a status, whatever their conditions.</summary>
    /// <param name="status">The status.</param>
    /// <returns>The triggers, without duplicates, in table order.</returns>
    public static IReadOnlyList<CaseTrigger> TriggersFrom(CaseStatus status) => [.. Table.Where(t => t.From == status).Select(t => t.Trigger).Distinct()];

    /// <summary>Draws the table as a Mermaid state diagram.</summary>
    /// <returns>The diagram source, starting with <c>stateDiagram-v2</c>.</returns>
    public static string ToMermaid()
    {
        var text = new StringBuilder();
        text.Append("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(nameof(CaseStatus.AwaitingCaseHolder)).Append(" : Open\n");
        foreach (var row in Table)
        {
            text.Append("    ").Append(row.From).Append(" --> ").Append(row.To).Append(" : ").Append(row.Trigger);
            if (row.Condition is { } condition)
            {
                text.Append(" [").Append(condition).Append(']');
            }

            text.Append('\n');
        }

        text.Append("    ").Append(nameof(CaseStatus.Closed)).Append(" --> [*]\n");
        return text.ToString();
    }

    internal static CaseStatus Next(CoordinationCase current, CaseTrigger trigger)
    {
        Guard.NotNull(current);
        var rows = 0;
        foreach (var row in Table)
        {
            if (row.From != current.Status || row.Trigger != trigger)
            {
                continue;
            }

            rows++;
            if (row.Holds(current))
            {
                return row.To;
            }
        }

        var rule = rows == 0
            ? Messages.Format(CoordinationMessages.RuleLifecycleAllows, Describe(TriggersFrom(current.Status)), current.Status)
            : Messages.Format(CoordinationMessages.RuleNoConditionHolds, rows, trigger, current.Status);
        throw new CaseTransitionRefusedException(current.Id, current.Status, trigger, rule);
    }

    private static string Describe(IReadOnlyList<CaseTrigger> triggers) => triggers.Count == 0 ? CoordinationMessages.TriggersNothing : Messages.Format(CoordinationMessages.TriggersOnly, string.Join(", ", triggers));

    private static CaseTransition[] Build()
    {
        var rows = new List<CaseTransition>();
        void Row(CaseStatus from, CaseTrigger trigger, CaseStatus to) => rows.Add(new CaseTransition(from, trigger, to, null));

        foreach (var tierNone in new[] { CaseStatus.AwaitingCaseHolder, CaseStatus.CaseHolderCoordinates })
        {
            Row(tierNone, CaseTrigger.JoinIntake, tierNone);
            Row(tierNone, CaseTrigger.NameCaseHolder, CaseStatus.CaseHolderCoordinates);
            Row(tierNone, CaseTrigger.RaiseToCoordination, CaseStatus.AwaitingCoordinator);
            Row(tierNone, CaseTrigger.HandOver, CaseStatus.HandedOver);
            Row(tierNone, CaseTrigger.RecordHours, tierNone);
            Row(tierNone, CaseTrigger.Close, CaseStatus.Closed);
        }

        var waiting = CaseStatus.AwaitingCoordinator;
        Row(waiting, CaseTrigger.JoinIntake, waiting);
        Row(waiting, CaseTrigger.NameCaseHolder, waiting);
        Row(waiting, CaseTrigger.ChangeCoordinatedTier, waiting);
        rows.Add(new CaseTransition(waiting, CaseTrigger.LowerToNone, CaseStatus.CaseHolderCoordinates, CaseHolderNamed) { Holds = static c => c.CaseHolder is not null });
        rows.Add(new CaseTransition(waiting, CaseTrigger.LowerToNone, CaseStatus.AwaitingCaseHolder, NoCaseHolder) { Holds = static c => c.CaseHolder is null });
        Row(waiting, CaseTrigger.AssignCoordinator, CaseStatus.Coordinated);
        Row(waiting, CaseTrigger.DeferAssignment, waiting);
        Row(waiting, CaseTrigger.HandOver, CaseStatus.HandedOver);
        Row(waiting, CaseTrigger.RecordHours, waiting);
        Row(waiting, CaseTrigger.Close, CaseStatus.Closed);

        var coordinated = CaseStatus.Coordinated;
        Row(coordinated, CaseTrigger.JoinIntake, coordinated);
        Row(coordinated, CaseTrigger.NameCaseHolder, coordinated);
        Row(coordinated, CaseTrigger.ChangeCoordinatedTier, coordinated);
        Row(coordinated, CaseTrigger.ReleaseCoordinator, waiting);
        Row(coordinated, CaseTrigger.RecordHours, coordinated);
        Row(coordinated, CaseTrigger.Close, CaseStatus.Closed);

        var handedOver = CaseStatus.HandedOver;
        Row(handedOver, CaseTrigger.JoinIntake, handedOver);
        Row(handedOver, CaseTrigger.NameCaseHolder, handedOver);
        Row(handedOver, CaseTrigger.RaiseToCoordination, handedOver);
        Row(handedOver, CaseTrigger.ChangeCoordinatedTier, handedOver);
        Row(handedOver, CaseTrigger.LowerToNone, handedOver);
        Row(handedOver, CaseTrigger.RecordFeedback, handedOver);
        rows.Add(new CaseTransition(handedOver, CaseTrigger.Return, waiting, "general or specialist tier") { Holds = static c => c.Tier != CoordinationTier.None });
        rows.Add(new CaseTransition(handedOver, CaseTrigger.Return, CaseStatus.CaseHolderCoordinates, "tier none, " + CaseHolderNamed) { Holds = static c => c.Tier == CoordinationTier.None && c.CaseHolder is not null });
        rows.Add(new CaseTransition(handedOver, CaseTrigger.Return, CaseStatus.AwaitingCaseHolder, "tier none, " + NoCaseHolder) { Holds = static c => c.Tier == CoordinationTier.None && c.CaseHolder is null });
        Row(handedOver, CaseTrigger.Close, CaseStatus.Closed);
        return [.. rows];
    }
}
