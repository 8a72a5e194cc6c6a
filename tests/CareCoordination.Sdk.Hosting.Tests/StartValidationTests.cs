using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace CareCoordination.Sdk.Hosting.Tests;

public sealed class StartValidationTests
{
    [Fact]
    public async Task A_sqlite_store_without_a_path_stops_the_host_at_start_naming_the_setting()
    {
        using var scenario = new HostScenario();
        scenario.Settings.Remove("CareCoordination:Store:Path");

        var messages = await StartFailureAsync(scenario);

        Assert.Contains("CareCoordination:Store:Path is not set: a SQLite store needs the path of its database file.", messages);
    }

    [Fact]
    public async Task A_path_in_a_folder_that_does_not_exist_stops_the_host_naming_the_setting()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Path"] = System.IO.Path.Combine(scenario.Folder, "missing", "index.db");

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("CareCoordination:Store:Path names a file in the folder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Without_a_store_kind_the_host_does_not_start_and_says_which_kinds_there_are()
    {
        using var scenario = new HostScenario();
        scenario.Settings.Remove("CareCoordination:Store:Kind");
        scenario.Settings.Remove("CareCoordination:Store:Path");

        var messages = await StartFailureAsync(scenario);

        Assert.Contains("CareCoordination:Store:Kind is not set: set it to Sqlite (with CareCoordination:Store:Path), PostgreSql (with CareCoordination:Store:ConnectionString) or Memory (nothing is kept across restarts).", messages);
    }

    [Fact]
    public async Task A_key_that_is_not_base64_stops_the_host_naming_the_setting_and_never_the_key()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Keys:Pseudonymiser"] = "correct horse battery staple!";

        var messages = await StartFailureAsync(scenario);

        Assert.Contains("CareCoordination:Keys:Pseudonymiser is not Base64: give the key as Base64 (for example from 'openssl rand -base64 32').", messages);
        Assert.DoesNotContain(messages, m => m.Contains("horse", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_youth_key_shorter_than_32_bytes_stops_the_host()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(new byte[16]);

        var messages = await StartFailureAsync(scenario);

        Assert.Contains("CareCoordination:Keys:YouthPseudonymiser holds 16 bytes; a key needs at least 32 (for example from 'openssl rand -base64 32').", messages);
    }

    [Fact]
    public async Task Without_an_audit_key_the_host_does_not_start()
    {
        using var scenario = new HostScenario();
        scenario.Settings.Remove("CareCoordination:Keys:Pseudonymiser");

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("CareCoordination:Keys:Pseudonymiser is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_audit_key_the_host_registers_itself_needs_no_setting()
    {
        using var scenario = new HostScenario();
        scenario.Settings.Remove("CareCoordination:Keys:Pseudonymiser");
        using var host = scenario.Build(services => Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, new Pseudonymiser(TestKeys.Bytes("hosting audit registered"))));

        await host.StartAsync();
        await host.StopAsync();
    }

    [Fact]
    public async Task An_audit_retention_shorter_than_five_years_stops_the_host()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:DailyJobs:AuditRetentionInMonths"] = "59";

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("CareCoordination:DailyJobs:AuditRetentionInMonths is 59: the audit trail keeps its records at least 60 months", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Daily_jobs_without_a_service_account_stop_the_host_unless_they_are_disabled()
    {
        using var scenario = new HostScenario();
        scenario.Settings.Remove("CareCoordination:DailyJobs:ServiceAccount");

        var messages = await StartFailureAsync(scenario);
        Assert.Contains(messages, m => m.StartsWith("CareCoordination:DailyJobs:ServiceAccount is not set", StringComparison.Ordinal));

        scenario.Settings["CareCoordination:DailyJobs:Enabled"] = "false";
        using var host = scenario.Build();
        await host.StartAsync();
        await host.StopAsync();
        Assert.Single(scenario.Logs.Of(9));
    }

    [Fact]
    public async Task A_misspelt_setting_a_value_of_the_wrong_type_and_an_invalid_policy_are_all_reported_at_once()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Paht"] = "index.db";
        scenario.Settings["CareCoordination:DailyJobs:TimeOfDay"] = "two at night";
        scenario.Settings["CareCoordination:Policy:AgeLimitInYears"] = "99";

        var messages = await StartFailureAsync(scenario);

        Assert.Contains("'CareCoordination:Store:Paht' is not a setting of CareCoordination.Sdk.Hosting (known here: Kind, Path, ConnectionString, Schema, CheckpointPath, Standby, CorruptRows).", messages);
        Assert.Contains(messages, m => m.Contains("'CareCoordination:DailyJobs:TimeOfDay'", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("AgeLimitInYears", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_postgresql_connection_string_with_an_unknown_keyword_is_refused_without_opening_anything()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Kind"] = "PostgreSql";
        scenario.Settings["CareCoordination:Store:CheckpointPath"] = scenario.DatabasePath + ".checkpoints";
        scenario.Settings.Remove("CareCoordination:Store:Path");
        scenario.Settings["CareCoordination:Store:ConnectionString"] = "Host=localhost;Pasword=secret";
        scenario.Settings["CareCoordination:Store:Schema"] = "Hosting-Tests";

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("CareCoordination:Store:ConnectionString is not a valid PostgreSQL connection string", StringComparison.Ordinal));
        Assert.Contains("CareCoordination:Store:Schema is 'Hosting-Tests': a schema name may hold lower-case letters, digits and '_' only.", messages);
        Assert.DoesNotContain(messages, m => m.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_store_written_with_another_youth_key_stops_the_host_at_start_before_anything_is_read()
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(HostScenario.Start, new YouthPseudonymiser(TestKeys.Bytes("hosting youth key one")));
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("hosting youth key two"));

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("The signal store was written with another pseudonymisation key", StringComparison.Ordinal));
        Assert.Empty(scenario.Logs.Of(1));
    }

    [Fact]
    public async Task A_store_written_with_the_youth_key_under_another_scheme_than_the_one_named_stops_the_host_naming_the_scheme_to_set()
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(HostScenario.Start, new YouthPseudonymiser(TestKeys.Bytes("hosting youth key one"), PseudonymisationScheme.Ff1));
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("hosting youth key one"));
        scenario.Settings["CareCoordination:Keys:YouthPseudonymisationScheme"] = "FeistelTables";

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("The signal store was written with the registered pseudonymisation key under the scheme Ff1", StringComparison.Ordinal));
        Assert.Empty(scenario.Logs.Of(1));
    }

    [Fact]
    public async Task A_host_set_to_the_youth_key_s_FF1_scheme_opens_a_store_written_under_it()
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(HostScenario.Start, new YouthPseudonymiser(TestKeys.Bytes("hosting youth key one"), PseudonymisationScheme.Ff1));
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("hosting youth key one"));
        scenario.Settings["CareCoordination:Keys:YouthPseudonymisationScheme"] = "Ff1";

        using var host = scenario.Build();
        await host.StartAsync();

        Assert.Equal(PseudonymisationScheme.Ff1, host.Services.GetRequiredService<YouthPseudonymiser>().Scheme);
        Assert.Equal(2, host.Services.GetRequiredService<Sdk.Index.ReferenceIndex>().ActiveSignalCount);
        await host.StopAsync();
    }

    [Theory]
    [InlineData(PseudonymisationScheme.FeistelTables)]
    [InlineData(PseudonymisationScheme.Ff1)]
    public async Task A_host_that_names_no_scheme_opens_its_store_under_the_scheme_the_store_was_written_with(PseudonymisationScheme scheme)
    {
        using var scenario = new HostScenario();
        scenario.WriteSignalsBeforehand(HostScenario.Start, new YouthPseudonymiser(TestKeys.Bytes("hosting youth key one"), scheme));
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("hosting youth key one"));

        using var host = scenario.Build();
        await host.StartAsync();

        Assert.Equal(scheme, host.Services.GetRequiredService<YouthPseudonymiser>().Scheme);
        Assert.Equal(2, host.Services.GetRequiredService<Sdk.Index.ReferenceIndex>().ActiveSignalCount);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_host_that_names_no_scheme_keys_a_new_store_under_the_AES_Feistel_network_where_the_processor_has_AES_instructions()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("hosting youth key one"));
        var expected = System.Runtime.Intrinsics.X86.Aes.IsSupported ? PseudonymisationScheme.FeistelAes : PseudonymisationScheme.FeistelTables;

        using (var host = scenario.Build())
        {
            await host.StartAsync();
            Assert.Equal(expected, host.Services.GetRequiredService<YouthPseudonymiser>().Scheme);
            Assert.Equal($"Youths are keyed by pseudonym under the scheme {expected}; a standby of this store sets Keys:YouthPseudonymisationScheme to it", Assert.Single(scenario.Logs.Of(14)).Message);
            await host.StopAsync();
        }

        // Restarted with the scheme named as the other one, the host finds the store recorded under the first.
        scenario.Settings["CareCoordination:Keys:YouthPseudonymisationScheme"] = "Ff1";
        var messages = await StartFailureAsync(scenario);
        Assert.Contains(messages, m => m.StartsWith($"The signal store was written with the registered pseudonymisation key under the scheme {expected}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pseudonymised_standby_that_names_no_scheme_stops_at_start_naming_the_setting()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Standby"] = "true";
        scenario.Settings["CareCoordination:Keys:YouthPseudonymiser"] = Convert.ToBase64String(TestKeys.Bytes("hosting youth key one"));

        var messages = await StartFailureAsync(scenario);

        Assert.Contains(messages, m => m.StartsWith("CareCoordination:Keys:YouthPseudonymisationScheme is not set on a standby", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_no_database_stops_the_host_naming_the_setting()
    {
        using var scenario = new HostScenario();
        await System.IO.File.WriteAllTextAsync(scenario.DatabasePath, new string('x', 4096));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(scenario));

        Assert.StartsWith("The Sqlite store named by CareCoordination:Store:Path could not be opened: ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_postgresql_server_that_cannot_be_reached_stops_the_host_naming_the_setting_but_not_the_password()
    {
        using var scenario = new HostScenario();
        scenario.Settings["CareCoordination:Store:Kind"] = "PostgreSql";
        scenario.Settings["CareCoordination:Store:CheckpointPath"] = scenario.DatabasePath + ".checkpoints";
        scenario.Settings.Remove("CareCoordination:Store:Path");

        // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
        scenario.Settings["CareCoordination:Store:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=index;Password=hunter2;Timeout=5";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(scenario));

        Assert.StartsWith("The PostgreSql store named by CareCoordination:Store:ConnectionString could not be opened: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.ToString(), StringComparison.Ordinal);
    }

    private static async Task StartAsync(HostScenario scenario)
    {
        using var host = scenario.Build();
        await host.StartAsync();
    }

    /// <summary>Starts the host, expects it to refuse, and returns every violation it listed.</summary>
    private static async Task<IReadOnlyList<string>> StartFailureAsync(HostScenario scenario)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(scenario));
        var failures = error is AggregateException all ? all.InnerExceptions : [error];
        return [.. failures.SelectMany(f => Assert.IsType<OptionsValidationException>(f).Failures)];
    }
}
