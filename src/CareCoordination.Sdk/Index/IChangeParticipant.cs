using CareCoordination.Sdk.Signals;
namespace CareCoordination.Sdk.Index;

/// <summary>
/// An observer of the reference index whose reaction is part of the index's change: it hears an event before the change
/// is committed, and what it writes joins the same change set, so that the change and its consequences are durable
/// together or not at all. The information obligations and the desk's intake of matches are participants; every other
/// observer hears an event only once the change is durable.
/// </summary>
internal interface IChangeParticipant : IReferenceIndexObserver;
