using System.Linq;
using CareCoordination.Sdk.Coordination;
using CareCoordination.Sdk.Coordination.Desk;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Index;
using CareCoordination.Sdk.Internal;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy.Consents;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Signals;

namespace CareCoordination.Sdk.Privacy.Access;

/// <summary>
/// The one place that decides who may see what of a person's data, per role — so that a privacy officer can read the
/// rules here:
/// <list type="bullet">
/// <item><b>R1 own signals</b> — a reporting organisation sees its own signals on a youth, and their information obligation.</item>
/// <item><b>R2 match contacts</b> — an organisation matched on a youth sees the other parties' identity and contact details, nothing more.</item>
/// <item><b>R3 case and plan</b> — the case's coordinator or case holder sees the case, its plan and its consents, and changes them: assesses the case once they coordinate it, hands it over to youth protection and takes it back, records their organisation's coordination hours, closes it, and drafts and changes the plan.</item>
/// <item><b>R4 shared details</b> — that coordinator sees the other organisations' signals on the youth as far as a consent for coordination reaches their organisation, or on a recorded legal basis (flagged for review).</item>
/// <item><b>R5 aggregates</b> — the coordination director sees aggregates without BSN, and nothing about a person.</item>
/// <item><b>R6 audit trail</b> — an auditor sees the audit trail, and nothing else.</item>
/// <item><b>R7 subject access</b> — the youth or a parent sees everything about the youth, when they are the person who decides for the youth's age.</item>
/// <item><b>R8 subject requests</b> — an objection, a correction request or an erasure request about a signal is made by the persons informed for the youth's age (domain rule 10), and decided, and read while pending, by the organisation that made the signal only.</item>
/// <item><b>R9 intake</b> — a professional of an organisation (a reporter, a matched professional or a coordinator) brings a concern about youths in through an intake route, in its own organisation's name, and learns which case handles it.</item>
/// <item><b>R10 population register</b> — the municipality's population register feed records, replaces and removes families and records a youth's death; it reads nothing.</item>
/// <item><b>R11 consent erasure</b> — the privacy officer (<see cref="ActorRole.Auditor"/>), who handles the data subjects' requests, erases a youth's consents and legal bases on a granted erasure request (AVG art. 17); nobody else does.</item>
/// <item><b>R12 involved organisation</b> — a professional of an organisation involved in an open case (a reporter, a matched professional or a coordinator) names themselves its case holder, assesses it while nobody coordinates it yet, and records that youth protection reported back to their own organisation; each in their own organisation's name.</item>
/// <item><b>R13 coordinator assignment</b> — the coordination director assigns, reassigns and releases a case's coordinator, and the case's own coordinator releases themselves; neither reads a person's data by it.</item>
/// </list>
/// Anything no rule grants is refused, naming the role and the data.
/// </summary>
/// <remarks>Thread-safe; it reads the index, the desk and the consent register at the moment of the decision.</remarks>
public sealed class AccessRules
{
    private readonly ReferenceIndex _index;
    private readonly CoordinationDesk _desk;
    private readonly ConsentRegister _consents;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="index">The reference index.</param>
    /// <param name="desk">The coordination desk.</param>
    /// <param name="consents">The consent register.</param>
    public AccessRules(ReferenceIndex index, CoordinationDesk desk, ConsentRegister consents)
    {
        _index = Guard.NotNull(index);
        _desk = Guard.NotNull(desk);
        _consents = Guard.NotNull(consents);
    }

    /// <summary>Decides an access to a youth's data in the reference index: signals, match contacts, the information obligation.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="data">Which data.</param>
    /// <param name="youth">About whom.</param>
    /// <returns>The decision.</returns>
    public AccessDecision DecideAboutYouth(Actor actor, DataCategory data, Bsn youth)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        var organisation = actor.Organisation;
        switch (actor.Role, data)
        {
            case (ActorRole.Reporter, DataCategory.Signals or DataCategory.InformationObligation):
                return HasOwnSignal(organisation, youth)
                    ? AccessDecision.Allow("R1 own signals", $"{organisation} has a signal on the youth.", AccessBasis.OwnRegistration)
                    : AccessDecision.Refuse("R1 own signals", Messages.Format(PrivacyMessages.OwnSignalsRefused, organisation));
            case (ActorRole.MatchedProfessional, DataCategory.MatchContacts):
                return _index.GetMatches(youth).Any(m => m.Organisation == organisation || m.OtherOrganisation == organisation)
                    ? AccessDecision.Allow("R2 match contacts", $"{organisation} is matched on the youth.", AccessBasis.OwnRegistration)
                    : AccessDecision.Refuse("R2 match contacts", Messages.Format(PrivacyMessages.MatchContactsRefused, organisation));
            case (ActorRole.Coordinator, DataCategory.Signals):
                return DecideSharedDetails(actor, youth);
            default:
                return Unmatched(actor, data);
        }
    }

    /// <summary>Decides an access to a coordination case or its plan or consents.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="data"><see cref="DataCategory.Case"/>, <see cref="DataCategory.Plan"/> or <see cref="DataCategory.Consent"/>.</param>
    /// <param name="case">The case.</param>
    /// <returns>The decision.</returns>
    public AccessDecision DecideAboutCase(Actor actor, DataCategory data, CaseId @case)
    {
        Guard.NotNull(actor);
        return IsCaseData(actor, data) ? DecideAboutCase(actor, data, _desk.GetCase(@case)) : Unmatched(actor, data);
    }

    /// <summary>Decides an access to a coordination case the caller has already read, or a change of it (R3).</summary>
    /// <param name="actor">Who.</param>
    /// <param name="data"><see cref="DataCategory.Case"/>, <see cref="DataCategory.Plan"/> or <see cref="DataCategory.Consent"/>.</param>
    /// <param name="current">The case as it is now.</param>
    /// <returns>The decision.</returns>
    internal AccessDecision DecideAboutCase(Actor actor, DataCategory data, CoordinationCase current)
    {
        Guard.NotNull(actor);
        if (!IsCaseData(actor, data))
        {
            return Unmatched(actor, data);
        }

        return Coordinates(actor, current)
            ? AccessDecision.Allow("R3 case and plan", $"{actor.Professional} coordinates {current.Id}.", AccessBasis.CaseAssignment)
            : AccessDecision.Refuse("R3 case and plan", Messages.Format(PrivacyMessages.CaseAndPlanRefused, actor.Professional?.ToString() ?? PrivacyMessages.TheUser, current.Id));
    }

    /// <summary>
    /// Decides whether someone may learn which open case handles a youth (R3): the case's coordinator or case holder,
    /// or a professional of an organisation involved in the case.
    /// </summary>
    /// <param name="actor">Who.</param>
    /// <param name="youth">About whom.</param>
    /// <returns>The decision.</returns>
    public AccessDecision DecideWhichCaseHandles(Actor actor, Bsn youth)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        if (!ActsForOrganisation(actor, out _))
        {
            return Unmatched(actor, DataCategory.Case);
        }

        var current = _desk.FindOpenCase(youth);
        return current is not null && (Coordinates(actor, current) || (actor.Organisation is { } o && current.InvolvedOrganisations.Contains(o)))
            ? AccessDecision.Allow("R3 case and plan", $"{actor.Organisation} is involved in {current.Id}.", AccessBasis.CaseAssignment)
            : AccessDecision.Refuse("R3 case and plan", Messages.Format(PrivacyMessages.WhichCaseRefused, actor.Organisation?.ToString() ?? PrivacyMessages.TheUser));
    }

    /// <summary>Decides an access to aggregates or to the audit trail.</summary>
    /// <param name="actor">Who.</param>
    /// <param name="data"><see cref="DataCategory.Aggregates"/> or <see cref="DataCategory.AuditTrail"/>.</param>
    /// <returns>The decision.</returns>
    public static AccessDecision DecideWithoutPerson(Actor actor, DataCategory data)
    {
        Guard.NotNull(actor);
        return (actor.Role, data) switch
        {
            (ActorRole.CoordinationDirector, DataCategory.Aggregates) => AccessDecision.Allow("R5 aggregates", "The coordination director sees aggregates without BSN.", AccessBasis.Aggregates),
            (ActorRole.Auditor, DataCategory.AuditTrail) => AccessDecision.Allow("R6 audit trail", "An auditor sees the audit trail.", AccessBasis.AuditDuty),
            _ => Unmatched(actor, data),
        };
    }

    /// <summary>
    /// Decides a subject access request (<em>inzageverzoek</em>) made by the persons informed for the youth's age, whose
    /// identity the vendor verified: under 12 the parents, from 12 to 15 the youth and the parents together, from 16 the
    /// youth alone.
    /// </summary>
    /// <param name="actor">The requester, in the <see cref="ActorRole.DataSubject"/> role.</param>
    /// <param name="youth">The youth, with the date of birth that decides who may ask.</param>
    /// <param name="requestedBy">Who asks: the youth, the parents, or both together.</param>
    /// <returns>The decision.</returns>
    public AccessDecision DecideSubjectAccess(Actor actor, Youth youth, ConsentGiver requestedBy)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        if (actor.Role != ActorRole.DataSubject)
        {
            return Unmatched(actor, DataCategory.SubjectAccess);
        }

        var deciders = _consents.Policy.WhoDecides(youth, _consents.Today);
        // The persons informed for the youth's age ask, together: at 12 to 15 the youth and the parents, not either alone.
        return requestedBy == deciders
            ? AccessDecision.Allow("R7 subject access", $"The {requestedBy} may ask for access for a youth of this age.", AccessBasis.SubjectRight)
            : AccessDecision.Refuse("R7 subject access", Messages.Format(PrivacyMessages.SubjectAccessRefused, ConsentRegister.Describe(deciders), ConsentRegister.Describe(requestedBy)));
    }

    /// <summary>
    /// Decides whether a request about one of the youth's signals — an objection (<em>bezwaar</em>), a correction
    /// request (<em>correctieverzoek</em>) or an erasure request (<em>verzoek tot verwijdering</em>) — comes from the
    /// right persons (R8, domain rule 10): the persons informed for the youth's age, that is under 12 the parents, from
    /// 12 to 15 the youth and the parents together (either one alone is refused), from 16 the youth alone.
    /// </summary>
    /// <param name="actor">The requester, in the <see cref="ActorRole.DataSubject"/> role.</param>
    /// <param name="youth">The youth, with the date of birth that decides who may ask.</param>
    /// <param name="requestedBy">Who asks: the youth, the parents, or both together.</param>
    /// <param name="kind">What is asked.</param>
    /// <returns>The decision; a refusal names the rule, the youth's age and who must ask.</returns>
    public AccessDecision DecideSubjectRequest(Actor actor, Youth youth, ConsentGiver requestedBy, SubjectRequestKind kind)
    {
        Guard.NotNull(actor);
        Guard.NotDefault(youth);
        if (actor.Role != ActorRole.DataSubject)
        {
            return Unmatched(actor, DataCategory.SubjectRequest);
        }

        var today = _consents.Today;
        var deciders = _consents.Policy.WhoDecides(youth, today);
        if (requestedBy == deciders)
        {
            return AccessDecision.Allow("R8 subject requests", $"The {requestedBy} may make {kind} requests for a youth of this age.", AccessBasis.SubjectRight);
        }

        var age = NodaTime.Period.Between(youth.DateOfBirth, today, NodaTime.PeriodUnits.Years).Years;
        var asked = kind switch
        {
            SubjectRequestKind.Objection => PrivacyMessages.RequestKindObjection,
            SubjectRequestKind.Correction => PrivacyMessages.RequestKindCorrection,
            _ => PrivacyMessages.RequestKindErasure,
        };
        return AccessDecision.Refuse("R8 subject requests", Messages.Format(PrivacyMessages.SubjectRequestRefused, age, asked, ConsentRegister.Describe(deciders), ConsentRegister.Describe(requestedBy)));
    }

    /// <summary>
    /// Decides whether someone may decide, or read while pending, the requests about a signal (R8): a professional of the
    /// organisation that made it (its reporter or its organisation coordinator), in the <see cref="ActorRole.Reporter"/>
    /// role; nobody else.
    /// </summary>
    /// <param name="actor">Who decides or reads.</param>
    /// <param name="reportingOrganisation">The organisation that made the signal.</param>
    /// <returns>The decision.</returns>
    public static AccessDecision DecideOnSubjectRequest(Actor actor, OrganisationId reportingOrganisation)
    {
        Guard.NotNull(actor);
        if (actor.Role != ActorRole.Reporter)
        {
            return Unmatched(actor, DataCategory.SubjectRequest);
        }

        Guard.NotDefault(reportingOrganisation);

        return actor.Organisation == reportingOrganisation
            ? AccessDecision.Allow("R8 subject requests", $"{reportingOrganisation} made the signal and decides the requests about it.", AccessBasis.OwnRegistration)
            : AccessDecision.Refuse("R8 subject requests", Messages.Format(PrivacyMessages.SubjectRequestDecidedElsewhere, reportingOrganisation, actor.Organisation));
    }

    /// <summary>Decides an intake (R9): a professional brings a concern about youths in through an intake route, in its own organisation's name.</summary>
    /// <param name="actor">Who brings the concern in.</param>
    /// <param name="intake">The intake.</param>
    /// <returns>The decision.</returns>
    internal static AccessDecision DecideIntake(Actor actor, CaseIntake intake)
    {
        Guard.NotNull(actor);
        Guard.NotNull(intake);
        if (!ActsForOrganisation(actor, out var organisation))
        {
            return Unmatched(actor, DataCategory.Case);
        }

        return intake.Organisations.Contains(organisation)
            ? AccessDecision.Allow("R9 intake", $"{organisation} brings a concern in through {intake.Route}.", AccessBasis.OwnRegistration)
            : AccessDecision.Refuse("R9 intake", Messages.Format(PrivacyMessages.IntakeInOwnName, organisation, intake.Organisations.Count == 0 ? "-" : string.Join(", ", intake.Organisations)));
    }

    /// <summary>Decides an act of an organisation involved in a case in its own name (R12): naming its professional case holder, assessing a case nobody coordinates yet, or recording the feedback youth protection gave it.</summary>
    /// <param name="actor">Who acts.</param>
    /// <param name="current">The case as it is now.</param>
    /// <returns>The decision.</returns>
    internal static AccessDecision DecideAsInvolvedOrganisation(Actor actor, CoordinationCase current)
    {
        Guard.NotNull(actor);
        if (!ActsForOrganisation(actor, out var organisation))
        {
            return Unmatched(actor, DataCategory.Case);
        }

        return current.IsOpen && current.InvolvedOrganisations.Contains(organisation)
            ? AccessDecision.Allow("R12 involved organisation", $"{organisation} is involved in {current.Id}.", AccessBasis.CaseAssignment)
            : AccessDecision.Refuse("R12 involved organisation", Messages.Format(PrivacyMessages.NotInvolvedInCase, organisation, current.Id));
    }

    /// <summary>
    /// Decides an assessment of a case: while nobody coordinates it, the organisations involved assess it together (R12);
    /// once a coordinator or case holder does, only they do (R3).
    /// </summary>
    /// <param name="actor">Who assesses.</param>
    /// <param name="current">The case as it is now.</param>
    /// <returns>The decision.</returns>
    internal AccessDecision DecideAssessment(Actor actor, CoordinationCase current) =>
        current.Coordinator is null && current.CaseHolder is null
            ? DecideAsInvolvedOrganisation(actor, current)
            : DecideAboutCase(actor, DataCategory.Case, current);

    /// <summary>Decides a change of a case's coordinator (R13): the coordination director assigns, reassigns and releases; the case's coordinator may release themselves.</summary>
    /// <param name="actor">Who changes the assignment.</param>
    /// <param name="current">The case as it is now.</param>
    /// <param name="release">Whether the change only releases the coordinator.</param>
    /// <returns>The decision.</returns>
    internal AccessDecision DecideAssignment(Actor actor, CoordinationCase current, bool release)
    {
        Guard.NotNull(actor);
        if (actor.Role == ActorRole.CoordinationDirector)
        {
            return AccessDecision.Allow("R13 coordinator assignment", $"The coordination director assigns the coordinator of {current.Id}.", AccessBasis.CaseAssignment);
        }

        if (release && actor.Role == ActorRole.Coordinator && actor.Professional is { } professional
            && current.Coordinator is { } coordinator && _desk.ProfessionalOf(coordinator) == professional)
        {
            return AccessDecision.Allow("R13 coordinator assignment", $"{professional} coordinates {current.Id} and steps down.", AccessBasis.CaseAssignment);
        }

        return AccessDecision.Refuse("R13 coordinator assignment", Messages.Format(PrivacyMessages.AssignmentRefused, current.Id));
    }

    /// <summary>Decides a change from the population register (R10): a family recorded, replaced or removed, or a youth's death; only the municipality's feed makes them.</summary>
    /// <param name="actor">Who changes.</param>
    /// <returns>The decision.</returns>
    internal static AccessDecision DecidePopulationRegisterChange(Actor actor)
    {
        Guard.NotNull(actor);
        return actor.Role == ActorRole.PopulationRegisterFeed
            ? AccessDecision.Allow("R10 population register", "The municipality's population register feed records families and deaths.", AccessBasis.OwnRegistration)
            : Unmatched(actor, DataCategory.Signals);
    }

    /// <summary>Decides an erasure of a youth's consents and legal bases (R11, AVG art. 17): only the privacy officer, in the <see cref="ActorRole.Auditor"/> role, who handles the data subjects' requests.</summary>
    /// <param name="actor">Who erases.</param>
    /// <returns>The decision.</returns>
    internal static AccessDecision DecideConsentErasure(Actor actor)
    {
        Guard.NotNull(actor);
        return actor.Role == ActorRole.Auditor
            ? AccessDecision.Allow("R11 consent erasure", "The privacy officer erases a youth's consents on a granted erasure request.", AccessBasis.SubjectRight)
            : Unmatched(actor, DataCategory.Consent);
    }

    private static bool IsCaseData(Actor actor, DataCategory data) =>
        actor.Role == ActorRole.Coordinator && data is DataCategory.Case or DataCategory.Plan or DataCategory.Consent;

    // A professional acting for an organisation: a reporter, a matched professional or a coordinator.
    private static bool ActsForOrganisation(Actor actor, out OrganisationId organisation)
    {
        organisation = actor.Organisation ?? default;
        return actor.Role is ActorRole.Reporter or ActorRole.MatchedProfessional or ActorRole.Coordinator && actor.Organisation is not null;
    }

    private static AccessDecision Unmatched(Actor actor, DataCategory data) =>
        AccessDecision.Refuse("no rule", Messages.Format(
            actor.Role switch
            {
                ActorRole.CoordinationDirector => PrivacyMessages.NoRuleDirector,
                ActorRole.Auditor => PrivacyMessages.NoRuleAuditor,
                _ => PrivacyMessages.NoRule,
            },
            actor.Role,
            data));

    private bool HasOwnSignal(OrganisationId? organisation, Bsn youth) =>
        organisation is { } o && _index.GetActiveSignals(youth).Any(s => s.Organisation == o);

    private bool Coordinates(Actor actor, CoordinationCase current)
    {
        if (!current.IsOpen || actor.Professional is not { } professional)
        {
            return false;
        }

        // The professional and the organisation both come from the credential: a case holder is recognised only
        // with the organisation that was named with them, so a credential that pairs the number with another
        // organisation does not pass.
        return (current.CaseHolder == professional && current.CaseHolderOrganisation == actor.Organisation)
            || (current.Coordinator is { } coordinator && _desk.ProfessionalOf(coordinator) == professional);
    }

    private AccessDecision DecideSharedDetails(Actor actor, Bsn youth)
    {
        if (_desk.FindOpenCase(youth) is not { } current || !Coordinates(actor, current))
        {
            return AccessDecision.Refuse("R4 shared details", PrivacyMessages.SharedDetailsNotCoordinator);
        }

        var organisation = actor.Organisation!.Value;
        if (_consents.FindConsent(youth, ConsentPurpose.Coordination, organisation) is { } consent)
        {
            return AccessDecision.Allow("R4 shared details", $"{consent.Reference} for coordination reaches {organisation}.", AccessBasis.Consent, consent.Reference);
        }

        return _consents.FindLegalBasis(youth, organisation) is { } legal
            ? AccessDecision.Allow("R4 shared details", $"{legal.Reference} ({legal.Basis}) allows sharing without consent; flagged for review.", AccessBasis.LegalBasis, legal.Reference, flag: true)
            : AccessDecision.Refuse("R4 shared details", Messages.Format(PrivacyMessages.SharedDetailsNoBasis, organisation));
    }
}
