namespace CareCoordination.Sdk.Coordination;

/// <summary>Why coordination is handed over to youth protection (<em>overdracht aan jeugdbescherming</em>).</summary>
public enum YouthProtectionMeasure
{
    /// <summary>An indication for youth care (<em>indicatiebesluit</em>): indicated youth care coordinates.</summary>
    YouthCareIndication = 1,

    /// <summary>A family supervision order (<em>ondertoezichtstelling</em>, OTS).</summary>
    SupervisionOrder,

    /// <summary>Guardianship after parental authority ended (<em>voogdij</em>).</summary>
    Guardianship,
}
