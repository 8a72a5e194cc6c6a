using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace CareCoordination.Sdk.Plans;

/// <summary>
/// The declarative escalation ladder (<em>opschaling</em>) of the seed: first the plan's executors act; if that does
/// not resolve the stagnation by the deadline, the managers or boards of the organisations; then the municipality,
/// which can oblige a provider to cooperate (<em>doorzettingsmacht</em>). A severe threat to the child goes to the
/// municipality at once. When the plan moves again, it de-escalates. <see cref="ToMermaid"/> draws the table.
/// </summary>
/// <remarks>Thread-safe; the table never changes.</remarks>
public static class EscalationLadder
{
    private static readonly EscalationStep[] Table =
    [
        new(EscalationLevel.None, EscalationTrigger.Stall, EscalationLevel.Executors),
        new(EscalationLevel.Executors, EscalationTrigger.DeadlinePassed, EscalationLevel.Management),
        new(EscalationLevel.Management, EscalationTrigger.DeadlinePassed, EscalationLevel.Municipality),
        new(EscalationLevel.None, EscalationTrigger.SevereThreat, EscalationLevel.Municipality),
        new(EscalationLevel.Executors, EscalationTrigger.SevereThreat, EscalationLevel.Municipality),
        new(EscalationLevel.Management, EscalationTrigger.SevereThreat, EscalationLevel.Municipality),
        new(EscalationLevel.Executors, EscalationTrigger.PlanMoves, EscalationLevel.None),
        new(EscalationLevel.Management, EscalationTrigger.PlanMoves, EscalationLevel.None),
        new(EscalationLevel.Municipality, EscalationTrigger.PlanMoves, EscalationLevel.None),
    ];

    /// <summary>Gets every step of the ladder.</summary>
    public static IReadOnlyList<EscalationStep> Steps => Table;

    /// <summary>Finds where a trigger leads from a rung.</summary>
    /// <param name="from">The rung.</param>
    /// <param name="trigger">The trigger.</param>
    /// <param name="to">The rung it leads to.</param>
    /// <returns>Whether the ladder has that step.</returns>
    public static bool TryStep(EscalationLevel from, EscalationTrigger trigger, out EscalationLevel to)
    {
        foreach (var step in Table)
        {
            if (step.From == from && step.Trigger == trigger)
            {
                to = step.To;
                return true;
            }
        }

        to = from;
        return false;
    }

    /// <summary>Lists the triggers the ladder allows from a rung.</summary>
    /// <param name="from">The rung.</param>
    /// <returns>The triggers, in table order.</returns>
    public static IReadOnlyList<EscalationTrigger> TriggersFrom(EscalationLevel from) => [.. Table.Where(s => s.From == from).Select(s => s.Trigger)];

    /// <summary>Draws the ladder as a Mermaid state diagram.</summary>
    /// <returns>The diagram source, starting with <c>stateDiagram-v2</c>.</returns>
    public static string ToMermaid()
    {
        var text = new StringBuilder("stateDiagram-v2\n");
        text.Append("    [*] --> ").Append(nameof(EscalationLevel.None)).Append('\n');
        foreach (var step in Table)
        {
            text.Append("    ").Append(step.From).Append(" --> ").Append(step.To).Append(" : ").Append(step.Trigger).Append('\n');
        }

        return text.ToString();
    }
}
