using Xunit;

namespace CareCoordination.Sdk.Tests.Telemetry;

/// <summary>The meter is process-wide, so tests that listen to it run alone: no other test's index may count meanwhile.</summary>
[CollectionDefinition(nameof(MeterIsolation), DisableParallelization = true)]
public sealed class MeterIsolation;
