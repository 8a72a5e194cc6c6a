namespace CareCoordination.Sdk.Organisations;

/// <summary>The kind of an organisation (<em>soort instelling</em>); a region's policy decides which kinds may signal.</summary>
public enum OrganisationKind
{
    /// <summary>Youth health care (<em>jeugdgezondheidszorg</em>, JGZ).</summary>
    YouthHealthCare = 1,

    /// <summary>Municipal public health service (<em>GGD</em>).</summary>
    PublicHealthService,

    /// <summary>General social work (<em>algemeen maatschappelijk werk</em>, AMW).</summary>
    GeneralSocialWork,

    /// <summary>Youth protection (<em>Bureau Jeugdzorg</em>, now a certified institution, GI).</summary>
    YouthProtection,

    /// <summary>Support for people with a disability (<em>MEE</em>).</summary>
    Mee,

    /// <summary>Mental health care (<em>GGZ</em>), including addiction care.</summary>
    MentalHealthCare,

    /// <summary>Centre for youth and family (<em>Centrum voor Jeugd en Gezin</em>, CJG).</summary>
    YouthAndFamilyCentre,

    /// <summary>Indicated youth care provider (<em>jeugdhulpaanbieder</em>).</summary>
    YouthCare,

    /// <summary>Health care, including general practitioners and hospital emergency care.</summary>
    HealthCare,

    /// <summary>A school (<em>school</em>), including the attendance officer (<em>leerplichtambtenaar</em>).</summary>
    School,

    /// <summary>Daycare and preschool (<em>kinderopvang</em>, <em>peuterspeelzaal</em>).</summary>
    Daycare,

    /// <summary>Youth work (<em>jongerenwerk</em>).</summary>
    YouthWork,

    /// <summary>Police (<em>politie</em>).</summary>
    Police,

    /// <summary>Justice, including Halt and the child protection board (<em>Raad voor de Kinderbescherming</em>).</summary>
    Justice,

    /// <summary>Housing corporation (<em>woningcorporatie</em>).</summary>
    HousingCorporation,

    /// <summary>Social services (<em>sociale dienst</em>) and social support (<em>Wmo</em>).</summary>
    SocialServices,

    /// <summary>Debt help and municipal credit bank (<em>schuldhulpverlening</em>, <em>gemeentelijke kredietbank</em>).</summary>
    DebtHelp,
}
