using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests that start the service and workers as processes on loopback ports run one after the other: a
/// test that kills its service and starts it again on the same port must not find that port taken meanwhile by another
/// test's service, whose workers and feed it would then read.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackPorts
{
    public const string Name = "Service and workers as processes on loopback ports";
}
