namespace CareCoordination.Sdk.Internal;

/// <summary>
/// What the index's open-addressed tables (<see cref="YouthRows"/>, <see cref="IdTable{T}"/>) share: they delete without
/// tombstones, by moving back the entries behind an emptied one, and this says which of those may stay.
/// </summary>
internal static class LinearProbing
{
    /// <summary>
    /// Whether the entry at <paramref name="next"/>, whose home is <paramref name="home"/>, stays where it is when the
    /// entry at <paramref name="hole"/> is emptied: its home lies after the hole and at or before it, counted round the
    /// end of the table, so a lookup from its home still reaches it without meeting the hole.
    /// </summary>
    public static bool StaysPut(int hole, int home, int next) =>
        hole <= next ? hole < home && home <= next : hole < home || home <= next;
}
