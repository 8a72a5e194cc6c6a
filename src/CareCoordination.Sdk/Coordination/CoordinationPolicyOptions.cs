namespace CareCoordination.Sdk.Coordination;

/// <summary>Settings for a municipality's coordination (<em>Coördinatie van Zorg</em>); turned into a <see cref="CoordinationPolicy"/>, which validates them.</summary>
public sealed class CoordinationPolicyOptions
{
    /// <summary>Gets or sets the weekly hours a case in general coordination takes from its coordinator.</summary>
    /// <value>The default is 2: a coordinator with the advised four extra hours a week carries two general cases.</value>
    public decimal WeeklyHoursPerGeneralCase { get; set; } = 2m;

    /// <summary>Gets or sets the weekly hours a case in specialist coordination takes from its coordinator.</summary>
    /// <value>The default is 4.</value>
    public decimal WeeklyHoursPerSpecialistCase { get; set; } = 4m;

    /// <summary>Gets or sets how often youth protection reports back to the other involved organisations after a handover, in days.</summary>
    /// <value>The default is 42 (six weeks).</value>
    public int FeedbackIntervalInDays { get; set; } = 42;

    /// <summary>Gets or sets the meeting that handles a case when the intake route names none.</summary>
    /// <value>The default is "Casusoverleg CJG".</value>
    public string DefaultMeeting { get; set; } = "Casusoverleg CJG";
}
