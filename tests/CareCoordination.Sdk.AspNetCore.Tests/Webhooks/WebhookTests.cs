using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using CareCoordination.Sdk.Client;
using CareCoordination.Sdk.Testing;
using Xunit;

namespace CareCoordination.Sdk.AspNetCore.Tests.Webhooks;

public sealed class WebhookTests
{
    private static readonly byte[] Secret = TestKeys.Bytes("school webhook secret");

    [Fact]
    public async Task The_schools_webhook_receives_each_notification_after_refused_attempts_signed_and_with_the_feeds_stable_id()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failures: 2);
        using var service = Service(receiver);
        var school = service.ClientAs(Role.ReporterOfTheOrganisation);
        await (await school.PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await school.PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody(Http.Sara, "2012-09-03"))).JsonAsync();
        var feed = await (await school.GetAsync("/v1/notifications")).JsonAsync();
        var ids = feed.GetProperty("notifications").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToList();

        var accepted = await receiver.AcceptedAsync(ids.Count);

        Assert.Equal(2, ids.Count);
        Assert.Equal(ids, accepted.Select(a => a.Id).Distinct());
        Assert.Equal(2, receiver.Attempts.Count(a => !a.Accepted && a.Id == ids[0]));
        Assert.All(receiver.Attempts, a => Assert.True(Verified(a), $"attempt of {a.Id} is not signed with the school's secret"));
        Assert.All(accepted, a => Assert.Equal(a.Id, JsonDocument.Parse(a.Body).RootElement.GetProperty("id").GetString()));
        Assert.Equal(
            feed.GetProperty("notifications")[0].GetRawText(),
            JsonDocument.Parse(accepted[0].Body).RootElement.GetRawText());
        Assert.DoesNotContain(Http.Sam, string.Concat(receiver.Attempts.Select(a => a.Body)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vendor_refuses_a_webhook_whose_body_id_secret_or_timestamp_differs_from_what_was_signed()
    {
        await using var receiver = await LoopbackReceiver.StartAsync(failures: 0);
        using var service = Service(receiver);
        await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
        await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

        var a = (await receiver.AcceptedAsync(1))[0];
        var now = ServiceFactory.Start.ToDateTimeOffset();

        Assert.True(Verified(a));
        var read = CareCoordinationWebhook.Read(a.Body);
        Assert.Equal(a.Id, read.Id);
        Assert.Equal(Matching.NotificationRecipientRole.Reporter, read.Role);
        Assert.Equal(TestRegion.SocialWork, read.OtherParties.Single().Organisation);
        Assert.False(CareCoordinationWebhook.Verify(Secret, a.Id, a.Timestamp, a.Signature, a.Body.Replace("\"4-", "\"5-", StringComparison.Ordinal), now, TimeSpan.FromMinutes(5)));
        Assert.False(CareCoordinationWebhook.Verify(Secret, "4-2", a.Timestamp, a.Signature, a.Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(CareCoordinationWebhook.Verify(TestKeys.Bytes("another secret"), a.Id, a.Timestamp, a.Signature, a.Body, now, TimeSpan.FromMinutes(5)));
        Assert.False(CareCoordinationWebhook.Verify(Secret, a.Id, a.Timestamp, a.Signature, a.Body, now.AddMinutes(6), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task The_webhook_keeps_its_cursor_after_each_delivery_and_a_garbled_cursor_delivers_the_feed_again_rather_than_skip_it()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("webhook-state-").FullName;
        try
        {
            var file = System.IO.Path.Combine(folder, "webhook-4.cursor");
            await System.IO.File.WriteAllTextAsync(file, "not a cursor");
            await using var receiver = await LoopbackReceiver.StartAsync(failures: 0);
            using var service = Service(receiver, folder);
            await (await service.ClientAs(Role.ReporterOfTheOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();
            await (await service.ClientAs(Role.ReporterOfAnotherOrganisation).PostAsync("/v1/signals", Http.SignalBody())).JsonAsync();

            var delivered = (await receiver.AcceptedAsync(1))[0];
            var position = JsonDocument.Parse(delivered.Body).RootElement.GetProperty("position").GetInt64();

            // The cursor is written after the receiver's answer: wait for the file rather than for a time.
            for (var i = 0; i < 600 && await System.IO.File.ReadAllTextAsync(file) != position.ToString(System.Globalization.CultureInfo.InvariantCulture); i++)
            {
                await Task.Delay(50);
            }

            Assert.Equal("4-1", delivered.Id);
            Assert.Equal(position.ToString(System.Globalization.CultureInfo.InvariantCulture), await System.IO.File.ReadAllTextAsync(file));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static bool Verified(LoopbackReceiver.Attempt attempt) =>
        CareCoordinationWebhook.Verify(Secret, attempt.Id, attempt.Timestamp, attempt.Signature, attempt.Body, ServiceFactory.Start.ToDateTimeOffset(), TimeSpan.FromMinutes(5));

    private static ServiceFactory Service(LoopbackReceiver receiver, string? stateFolder = null) => new(configure: o =>
    {
        o.Webhooks.Add(new WebhookSubscription(TestRegion.School, receiver.Url, Secret));
        o.WebhookRetryDelay = TimeSpan.FromMilliseconds(20);
        o.WebhookStateFolder = stateFolder;
    });
}
