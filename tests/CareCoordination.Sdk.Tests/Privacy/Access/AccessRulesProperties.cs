using System;
using System.Collections.Generic;
using System.Linq;
using CareCoordination.Sdk.Privacy;
using FsCheck;
using FsCheck.Xunit;
using NodaTime;
using static CareCoordination.Sdk.Tests.Privacy.PrivacyScenario;

namespace CareCoordination.Sdk.Tests.Privacy.Access;

public sealed class AccessRulesProperties
{
    [Property(MaxTest = 150)]
    public void No_access_to_shared_details_succeeds_without_consent_or_a_recorded_legal_basis_and_each_success_is_audited_once(NonEmptyArray<(byte Kind, byte Argument)> operations)
    {
        var scenario = new PrivacyScenario();
        scenario.Coordinated();
        var consents = new List<(int Id, Instant? Withdrawn, Instant? End, bool ForUs)>();
        var legalUntil = new List<Instant>();
        foreach (var (kind, argument) in operations.Get)
        {
            var now = scenario.Clock.GetCurrentInstant();
            switch (kind % 5)
            {
                case 0:
                    var forUs = (argument & 1) == 0;
                    var end = (argument & 2) == 0 ? (Instant?)null : now + Duration.FromHours(1 + (argument % 48));
                    var consent = scenario.Consents.Give(Sam, ConsentPurpose.Coordination, [forUs ? SocialWork : School], ConsentGiver.Parents | ConsentGiver.Youth, end);
                    consents.Add((consent.Id, null, end, forUs));
                    break;
                case 1:
                    var open = consents.FindIndex(c => c.Withdrawn is null);
                    if (open >= 0)
                    {
                        scenario.Consents.Withdraw(consents[open].Id);
                        consents[open] = consents[open] with { Withdrawn = now };
                    }

                    break;
                case 2:
                    scenario.Consents.RecordLegalBasis(Sam.Bsn, LegalBasis.SeriouslyThreateningSituation, "threat", CoordinatorProfessional, SocialWork, [SocialWork], Duration.FromHours(1 + (argument % 24)));
                    legalUntil.Add(now + Duration.FromHours(1 + (argument % 24)));
                    break;
                case 3:
                    scenario.Clock.Advance(Duration.FromHours(argument % 30));
                    break;
                default:
                    var covered = consents.Any(c => c.ForUs && c.Withdrawn is null && (c.End is not { } e || now < e)) || legalUntil.Any(u => now < u);
                    var before = scenario.Audit.Count;
                    bool succeeded;
                    try
                    {
                        scenario.Access.GetSignals(Coordinator, Sam.Bsn);
                        succeeded = true;
                    }
                    catch (AccessDeniedException)
                    {
                        succeeded = false;
                    }

                    PropertyCheck.That(succeeded == covered, succeeded ? "an access succeeded without consent or legal basis" : "a covered access was refused");
                    PropertyCheck.That(scenario.Audit.Count == before + 1, "an access did not leave exactly one audit record");
                    break;
            }
        }

        PropertyCheck.That(scenario.Audit.Verify().IsIntact, "the audit trail broke");
    }
}
