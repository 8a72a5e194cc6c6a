namespace CareCoordination.Sdk.Organisations;

/// <summary>What the index reads about a professional on every registration it reports: whose professional it is, and whether the organisation designated it to signal.</summary>
/// <param name="Organisation">The identifier of the professional's organisation.</param>
/// <param name="IsDesignatedReporter">Whether the organisation designated the professional to signal.</param>
internal readonly record struct ReporterFacts(int Organisation, bool IsDesignatedReporter);
