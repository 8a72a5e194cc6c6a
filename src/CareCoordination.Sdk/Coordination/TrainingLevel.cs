namespace CareCoordination.Sdk.Coordination;

/// <summary>The coordination training a coordinator has (<em>scholing zorgcoördinatie</em>); specialist cases need specialist training.</summary>
public enum TrainingLevel
{
    /// <summary>Trained for general coordination.</summary>
    General = 1,

    /// <summary>Extra training for specialist coordination; may also coordinate general cases.</summary>
    Specialist,
}
