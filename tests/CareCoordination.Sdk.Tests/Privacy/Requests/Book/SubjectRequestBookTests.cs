using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Identity;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Requests;
using CareCoordination.Sdk.Signals;
using CareCoordination.Sdk.Signals.Events;
using CareCoordination.Sdk.Testing;
using CareCoordination.Sdk.Tests.Signals;
using Xunit;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Requests.Book;

public sealed class SubjectRequestBookTests
{
    private const ConsentGiver Both = ConsentGiver.Youth | ConsentGiver.Parents;

    public static TheoryData<SubjectRequestKind, int, ConsentGiver, bool> AgesAndRequesters()
    {
        var data = new TheoryData<SubjectRequestKind, int, ConsentGiver, bool>();
        foreach (var kind in Enum.GetValues<SubjectRequestKind>())
        {
            foreach (var (age, informed) in new[] { (11, ConsentGiver.Parents), (12, Both), (15, Both), (16, ConsentGiver.Youth) })
            {
                foreach (var requestedBy in new[] { ConsentGiver.Youth, ConsentGiver.Parents, Both })
                {
                    data.Add(kind, age, requestedBy, requestedBy == informed);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AgesAndRequesters))]
    public void A_request_is_lodged_only_by_the_persons_informed_for_the_youths_age_under_12_the_parents_12_to_15_both_together_from_16_the_youth(SubjectRequestKind kind, int age, ConsentGiver requestedBy, bool accepted)
    {
        var scenario = new PrivacyScenario();
        var youth = IndexScenario.YouthAged(TestBsns.Second, age);
        var signal = Signalled(scenario, youth, SocialWork);

        var lodge = () => scenario.Access.LodgeRequest(Family, youth, Requester(requestedBy), signal, kind, "We were never told why.");

        if (accepted)
        {
            var request = lodge();
            Assert.Equal((SubjectRequestStatus.Pending, requestedBy, SocialWork, signal), (request.Status, request.RequestedBy, request.Organisation, request.Signal));
        }
        else
        {
            var error = Assert.Throws<AccessDeniedException>(lodge);
            Assert.Equal("R8 subject requests", error.Rule);
            Assert.Empty(scenario.Requests.About(youth.Bsn));
        }
    }

    [Fact]
    public void A_youth_of_13_objecting_alone_is_refused_naming_rule_10_and_who_must_ask_and_nothing_is_stored_but_the_audited_refusal()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);
        var signalsBefore = scenario.Index.Index.GetActiveSignals(Sam.Bsn);
        var recordsBefore = scenario.Audit.Count;

        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.LodgeRequest(Family, Sam, Requester(ConsentGiver.Youth), signal, SubjectRequestKind.Objection, "I do not agree."));

        Assert.Equal(
            "Access refused by R8 subject requests: domain rule 10: for a youth of 13, an objection is made by the persons informed for that age "
            + "(under 12 the parents, 12 to 15 the youth and the parents together, from 16 the youth): the youth and the parents; it was made by the youth alone.",
            error.Message);
        Assert.DoesNotContain(Sam.Bsn.RevealDigits(), error.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Requests.About(Sam.Bsn));
        Assert.Equal(signalsBefore, scenario.Index.Index.GetActiveSignals(Sam.Bsn));
        Assert.Equal(recordsBefore + 1, scenario.Audit.Count);
        var record = scenario.Audit.Export()[^1];
        Assert.Equal((AuditAction.Refused, DataCategory.SubjectRequest), (record.Action, record.Data));
        Assert.EndsWith("(R8 subject requests)", record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parents_of_a_youth_of_13_asking_for_erasure_alone_are_refused_too()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);

        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.LodgeRequest(Family, Sam, Requester(ConsentGiver.Parents), signal, SubjectRequestKind.Erasure, "Please erase it."));

        Assert.Contains("an erasure request is made by", error.Message, StringComparison.Ordinal);
        Assert.Contains("it was made by the parents.", error.Message, StringComparison.Ordinal);
        Assert.Empty(scenario.Requests.About(Sam.Bsn));
    }

    [Fact]
    public void A_professional_cannot_lodge_a_request_in_the_family_s_name()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);

        var error = Assert.Throws<AccessDeniedException>(() => scenario.Access.LodgeRequest(ReporterOf(SocialWork), Sam, Requester(Both), signal, SubjectRequestKind.Objection, "objection"));

        Assert.Equal("no rule", error.Rule);
        Assert.Empty(scenario.Requests.About(Sam.Bsn));
    }

    [Fact]
    public void A_request_about_a_signal_the_youth_does_not_have_is_not_found_and_nothing_is_stored()
    {
        var scenario = new PrivacyScenario();
        Signalled(scenario, Sam, SocialWork);
        var other = Signalled(scenario, IndexScenario.YouthAged(TestBsns.Second, 13), YouthHealthCare);

        Assert.Throws<NotFoundException>(() => scenario.Access.LodgeRequest(Family, Sam, Requester(Both), other, SubjectRequestKind.Objection, "objection"));
        Assert.Empty(scenario.Requests.About(Sam.Bsn));
    }

    [Fact]
    public void Grounds_or_a_reason_that_hold_a_BSN_are_refused_so_the_book_keeps_no_BSN_beyond_its_keyed_youth()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);

        Assert.Throws<ArgumentException>(() => scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Correction, "The signal is about " + TestBsns.Second.RevealDigits() + ", not about us."));
        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Correction, "It is about our neighbour's son, house number 123456789012.");
        Assert.Throws<ArgumentException>(() => scenario.Access.DecideRequest(ReporterOf(SocialWork), request.Id, upheld: false, "The youth is " + Sam.Bsn.RevealDigits()));
        Assert.False(scenario.Requests.Find(request.Id)!.IsDecided);
    }

    [Theory]
    [InlineData(SubjectRequestKind.Objection, SignalEndReason.ObjectionUpheld)]
    [InlineData(SubjectRequestKind.Erasure, SignalEndReason.ErasureRequested)]
    [InlineData(SubjectRequestKind.Correction, SignalEndReason.CorrectionUpheld)]
    public void An_upheld_request_removes_the_signal_without_archiving_it_and_the_requester_sees_the_decision(SubjectRequestKind kind, SignalEndReason expected)
    {
        var recorder = new RecordingObserver();
        var scenario = new PrivacyScenario(recorder);
        var signal = Signalled(scenario, Sam, SocialWork);
        Signalled(scenario, Sam, YouthHealthCare);
        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, kind, "We object to this signal.");

        var decided = scenario.Access.DecideRequest(ReporterOf(SocialWork), request.Id, upheld: true, "Upon review the signal was not needed.");

        Assert.Equal((SubjectRequestStatus.Upheld, TestRegion.ReporterOf(SocialWork)), (decided.Status, decided.DecidedBy));
        Assert.DoesNotContain(scenario.Index.Index.GetActiveSignals(Sam.Bsn), s => s.Id == signal);
        Assert.Empty(scenario.Index.Index.GetArchivedSignals(Sam.Bsn));
        var removed = Assert.Single(recorder.Of<SignalRemoved>());
        Assert.Equal((signal, expected, false), (removed.Signal.Id, removed.Reason, removed.WasArchived));
        Assert.Empty(recorder.Of<SignalArchived>());
        var document = scenario.Access.SubjectAccess(Family, Sam, Requester(Both));
        Assert.Contains("\"status\": \"Upheld\"", document, StringComparison.Ordinal);
        Assert.Contains("Upon review the signal was not needed.", document, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upheld_objection_to_a_signal_archived_since_it_was_lodged_deletes_it_from_the_archive()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);
        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Objection, "objection");
        scenario.Index.Index.Withdraw(Sam.Bsn, SocialWork, WithdrawalReason.RiskGone);
        Assert.Single(scenario.Index.Index.GetArchivedSignals(Sam.Bsn));

        scenario.Access.DecideRequest(ReporterOf(SocialWork), request.Id, upheld: true, "Upheld.");

        Assert.Empty(scenario.Index.Index.GetArchivedSignals(Sam.Bsn));
        Assert.Empty(scenario.Index.Index.GetActiveSignals(Sam.Bsn));
    }

    [Fact]
    public void A_rejected_request_keeps_the_signal_and_records_the_reason_for_the_requester()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);
        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Erasure, "Please remove it.");

        var decided = scenario.Access.DecideRequest(ReporterOf(SocialWork), request.Id, upheld: false, "The concern still stands; we keep the signal until the help has started.");

        Assert.Equal((SubjectRequestStatus.Rejected, "The concern still stands; we keep the signal until the help has started."), (decided.Status, decided.DecisionReason));
        Assert.Contains(scenario.Index.Index.GetActiveSignals(Sam.Bsn), s => s.Id == signal);
        var document = scenario.Access.SubjectAccess(Family, Sam, Requester(Both));
        Assert.Contains("\"status\": \"Rejected\"", document, StringComparison.Ordinal);
        Assert.Contains("The concern still stands", document, StringComparison.Ordinal);
        Assert.Contains("Please remove it.", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_organisation_that_made_the_signal_decides_and_every_refusal_is_audited_and_changes_nothing()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);
        Signalled(scenario, Sam, YouthHealthCare);
        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Objection, "objection");

        var other = Assert.Throws<AccessDeniedException>(() => scenario.Access.DecideRequest(ReporterOf(YouthHealthCare), request.Id, upheld: true, "Upheld."));
        Assert.Throws<AccessDeniedException>(() => scenario.Access.DecideRequest(Coordinator, request.Id, upheld: true, "Upheld."));
        Assert.Throws<AccessDeniedException>(() => scenario.Access.DecideRequest(Family, request.Id, upheld: true, "Upheld."));

        Assert.Equal("R8 subject requests", other.Rule);
        Assert.Contains("only the organisation that made the signal", other.Message, StringComparison.Ordinal);
        Assert.False(scenario.Requests.Find(request.Id)!.IsDecided);
        Assert.Contains(scenario.Index.Index.GetActiveSignals(Sam.Bsn), s => s.Id == signal);
        Assert.Equal(3, scenario.Audit.About(Sam.Bsn).Count(r => r.Data == DataCategory.SubjectRequest && r.Action == AuditAction.Refused));
    }

    [Fact]
    public void A_request_is_decided_once()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);
        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Objection, "objection");
        scenario.Access.DecideRequest(ReporterOf(SocialWork), request.Id, upheld: false, "Rejected.");

        var error = Assert.Throws<SubjectRequestRefusedException>(() => scenario.Access.DecideRequest(ReporterOf(SocialWork), request.Id, upheld: true, "Upheld after all."));

        Assert.Equal((request.Id, SubjectRequestStatus.Rejected), (error.Request, error.Status));
        Assert.StartsWith($"Request {request.Id} was decided already (Rejected on ", error.Message, StringComparison.Ordinal);
        Assert.Equal(SubjectRequestStatus.Rejected, scenario.Requests.Find(request.Id)!.Status);
        Assert.Contains(scenario.Index.Index.GetActiveSignals(Sam.Bsn), s => s.Id == signal);
    }

    [Fact]
    public void The_reporting_organisation_reads_its_pending_requests_each_youth_gets_an_audit_record_and_nobody_else_reads_them()
    {
        var scenario = new PrivacyScenario();
        var sara = IndexScenario.YouthAged(TestBsns.Second, 17);
        var samsSignal = Signalled(scenario, Sam, SocialWork);
        var sarasSignal = Signalled(scenario, sara, SocialWork);
        var jgzSignal = Signalled(scenario, Sam, YouthHealthCare);
        var first = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), samsSignal, SubjectRequestKind.Objection, "objection");
        var second = scenario.Access.LodgeRequest(Family, sara, Requester(ConsentGiver.Youth), sarasSignal, SubjectRequestKind.Correction, "wrong youth");
        scenario.Access.LodgeRequest(Family, Sam, Requester(Both), jgzSignal, SubjectRequestKind.Erasure, "erase");
        scenario.Access.DecideRequest(ReporterOf(SocialWork), first.Id, upheld: false, "Rejected.");

        var pending = scenario.Access.GetPendingRequests(ReporterOf(SocialWork));

        Assert.Equal([second.Id], pending.Select(r => r.Id));
        Assert.Equal((AuditAction.Read, DataCategory.SubjectRequest), (scenario.Audit.About(sara.Bsn)[^1].Action, scenario.Audit.About(sara.Bsn)[^1].Data));
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetPendingRequests(Coordinator));
        Assert.Throws<AccessDeniedException>(() => scenario.Access.GetPendingRequests(Family));
        Assert.Single(scenario.Access.GetPendingRequests(ReporterOf(YouthHealthCare)));
    }

    [Fact]
    public void A_request_prints_neither_the_youth_nor_the_grounds()
    {
        var scenario = new PrivacyScenario();
        var signal = Signalled(scenario, Sam, SocialWork);

        var request = scenario.Access.LodgeRequest(Family, Sam, Requester(Both), signal, SubjectRequestKind.Objection, "Our family doctor advised against it.");

        Assert.Equal($"Request {request.Id} (Objection) about {signal} to {SocialWork}: Pending", request.ToString());
    }

    internal static VerifiedRequester Requester(ConsentGiver role) => new(role, IdentityVerification.DigiD, "session 12");

    internal static SignalId Signalled(PrivacyScenario scenario, Youth youth, OrganisationId organisation)
    {
        scenario.Index.Register(organisation, youth);
        return scenario.Index.Index.GetActiveSignals(youth.Bsn).Single(s => s.Organisation == organisation).Id;
    }
}
