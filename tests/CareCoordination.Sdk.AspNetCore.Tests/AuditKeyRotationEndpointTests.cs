using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests;

public sealed class AuditKeyRotationEndpointTests
{
    [Fact]
    public async Task A_privacy_officer_rotates_to_the_keys_the_host_added_and_a_second_rotation_with_nothing_newer_is_a_conflict()
    {
        var directory = Directory.CreateTempSubdirectory("carecoordination-service-rotation-").FullName;
        var path = Path.Combine(directory, "region.db");
        try
        {
            await using (var before = new ServiceFactory(sqlitePath: path))
            {
                var school = before.ClientAs(Role.ReporterOfTheOrganisation);
                await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
                await (await school.PostAsync("/v1/signals/search", $$"""{"bsn":"{{Http.Sam}}"}""")).JsonAsync();
                await (await before.ClientAs(Role.Auditor).PostAsync("/v1/audit-trail/key-rotations", "")).ProblemAsync(409);
            }

            // The host adds the second epoch's keys and keeps the first epoch's as retired, as docs/operations.md says.
            var settings = new Dictionary<string, string>
            {
                ["CareCoordination:Keys:RetiredAuditKeys:1:Pseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("service audit")),
                ["CareCoordination:Keys:RetiredAuditKeys:1:AuditChain"] = Convert.ToBase64String(TestKeys.Bytes("service audit chain")),
                ["CareCoordination:Keys:Pseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("service audit, second epoch")),
                ["CareCoordination:Keys:AuditChain"] = Convert.ToBase64String(TestKeys.Bytes("service audit chain, second epoch")),
                ["CareCoordination:Keys:AuditKeyEpoch"] = "2",
            };
            await using var after = new ServiceFactory(sqlitePath: path, settings: settings);
            var reporter = await after.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/audit-trail/key-rotations", "");
            var rotation = await (await after.ClientAs(Role.Auditor).PostAsync("/v1/audit-trail/key-rotations", "")).JsonAsync();
            var again = await after.ClientAs(Role.Auditor).PostAsync("/v1/audit-trail/key-rotations", "");
            var trail = await (await after.ClientAs(Role.Auditor).GetAsync(new Uri("/v1/audit-trail", UriKind.Relative))).JsonAsync();

            Assert.Equal("R6 audit trail", (await reporter.ProblemAsync(403)).GetProperty("rule").GetString());
            Assert.Equal(2, rotation.GetProperty("keyEpoch").GetInt32());
            await again.ProblemAsync(409);
            Assert.True(trail.GetProperty("verification").GetProperty("isIntact").GetBoolean(), trail.GetProperty("verification").GetRawText());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }
}
