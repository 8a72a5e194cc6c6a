using CareCoordination.Sdk.Coordination.Desk;
namespace CareCoordination.Sdk.Coordination;

/// <summary>
/// What <see cref="CoordinatorSelection"/> chose for a waiting case, before the desk records it: a coordinator and why,
/// or nobody and why not.
/// </summary>
/// <param name="Coordinator">The coordinator chosen; <see langword="null"/> when nobody can take the case.</param>
/// <param name="IsFallback">Whether the coordinator comes from another organisation because the preferred ones could not staff the case.</param>
/// <param name="Reason">Why this coordinator, or why nobody, in the words the case's history keeps.</param>
internal readonly record struct CoordinatorChoice(CareCoordinator? Coordinator, bool IsFallback, string Reason);
