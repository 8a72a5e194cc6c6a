using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CareCoordination.Sdk.Privacy;
using CareCoordination.Sdk.Privacy.Access;
using CareCoordination.Sdk.Privacy.Audit;
using CareCoordination.Sdk.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CareCoordination.Sdk.Hosting;

/// <summary>
/// Validates <see cref="CareCoordinationHostingOptions"/> at start, naming each setting by its configuration path, so
/// that a host with a missing store path, a malformed key or no service account stops before it serves, not at the
/// first request or the first night. Key values never appear in a message.
/// </summary>
internal sealed class CareCoordinationHostingOptionsValidator(IServiceProvider provider) : IValidateOptions<CareCoordinationHostingOptions>
{
    private const int MinimumKeyBytes = 32;
    private const int MaxSchemaBytes = 63;

    public ValidateOptionsResult Validate(string? name, CareCoordinationHostingOptions options)
    {
        var violations = new List<string>(options.ConfigurationProblems);
        var at = options.SectionPath;
        ValidateStore(options.Store, $"{at}:{HostingConfiguration.StoreSection}", violations);
        var keys = $"{at}:{HostingConfiguration.KeysSection}";
        ValidateKey(options.Keys.Pseudonymiser, $"{keys}:{nameof(CareCoordinationKeyOptions.Pseudonymiser)}", violations);
        ValidateKey(options.Keys.YouthPseudonymiser, $"{keys}:{nameof(CareCoordinationKeyOptions.YouthPseudonymiser)}", violations);
        if (options.Keys.YouthPseudonymisationScheme is { } scheme && !Enum.IsDefined(scheme))
        {
            violations.Add($"{keys}:{nameof(CareCoordinationKeyOptions.YouthPseudonymisationScheme)} is {scheme}: choose {nameof(PseudonymisationScheme.FeistelAes)}, {nameof(PseudonymisationScheme.FeistelTables)} or {nameof(PseudonymisationScheme.Ff1)}, the scheme the store was written with.");
        }

        if (options.Store.Standby && !string.IsNullOrWhiteSpace(options.Keys.YouthPseudonymiser) && options.Keys.YouthPseudonymisationScheme is null)
        {
            violations.Add($"{keys}:{nameof(CareCoordinationKeyOptions.YouthPseudonymisationScheme)} is not set on a standby: name the scheme its primary's store was written with ({nameof(PseudonymisationScheme.FeistelAes)}, {nameof(PseudonymisationScheme.FeistelTables)} or {nameof(PseudonymisationScheme.Ff1)}, as on the primary; the store's recorded keying starts with aes-feistel:, hmac-sha256: or ff1:), because a standby cannot read that store before it takes over.");
        }
        if (string.IsNullOrWhiteSpace(options.Keys.Pseudonymiser) && !IsRegistered(typeof(Pseudonymiser)))
        {
            violations.Add($"{keys}:{nameof(CareCoordinationKeyOptions.Pseudonymiser)} is not set: the audit trail names persons by keyed pseudonym; give a key of at least {MinimumKeyBytes} bytes in Base64 (from a key vault or the environment), or register a Pseudonymiser.");
        }

        ValidateKey(options.Keys.AuditChain, $"{keys}:{nameof(CareCoordinationKeyOptions.AuditChain)}", violations);
        if (string.IsNullOrWhiteSpace(options.Keys.AuditChain) && !IsRegistered(typeof(AuditChainKey)))
        {
            violations.Add($"{keys}:{nameof(CareCoordinationKeyOptions.AuditChain)} is not set: the audit trail chains its records under a key the store does not hold; give a key of at least {MinimumKeyBytes} bytes in Base64 (from a key vault or the environment), separate from the pseudonymisation keys, or register an AuditChainKey.");
        }

        ValidateRetiredAuditKeys(options.Keys, keys, violations);
        if (options.Store.Kind == CareCoordinationStoreKind.PostgreSql && string.IsNullOrWhiteSpace(options.Store.CheckpointPath) && !IsRegistered(typeof(IAuditCheckpointSink)))
        {
            violations.Add($"{at}:{HostingConfiguration.StoreSection}:{nameof(CareCoordinationStoreOptions.CheckpointPath)} is not set: the audit trail of a PostgreSQL store publishes signed checkpoints to a file outside the database; name one (best on another volume), or register an IAuditCheckpointSink.");
        }

        ValidateDailyJobs(options.DailyJobs, $"{at}:{HostingConfiguration.DailyJobsSection}", violations);
        return violations.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(violations);
    }

    private void ValidateStore(CareCoordinationStoreOptions store, string at, List<string> violations)
    {
        var kind = $"{at}:{nameof(CareCoordinationStoreOptions.Kind)}";
        var path = $"{at}:{nameof(CareCoordinationStoreOptions.Path)}";
        var connectionString = $"{at}:{nameof(CareCoordinationStoreOptions.ConnectionString)}";
        switch (store.Kind)
        {
            case CareCoordinationStoreKind.None:
                if (!IsRegistered(typeof(ISignalStore)))
                {
                    violations.Add($"{kind} is not set: set it to Sqlite (with {path}), PostgreSql (with {connectionString}) or Memory (nothing is kept across restarts).");
                }

                break;
            case CareCoordinationStoreKind.Memory:
                RefuseOther(store.Path, path, "Memory", violations);
                RefuseOther(store.ConnectionString, connectionString, "Memory", violations);
                break;
            case CareCoordinationStoreKind.Sqlite:
                RefuseOther(store.ConnectionString, connectionString, "Sqlite", violations);
                ValidateSqlitePath(store.Path, path, violations);
                break;
            case CareCoordinationStoreKind.PostgreSql:
                RefuseOther(store.Path, path, "PostgreSql", violations);
                ValidateConnectionString(store.ConnectionString, connectionString, violations);
                ValidateSchema(store.Schema, $"{at}:{nameof(CareCoordinationStoreOptions.Schema)}", violations);
                break;
            default:
                violations.Add($"{kind} is {store.Kind}, which is no store kind: use Sqlite, PostgreSql or Memory.");
                break;
        }
    }

    private static void RefuseOther(string? value, string setting, string kind, List<string> violations)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            violations.Add($"{setting} is set, but the store kind is {kind}, which does not use it: remove it, or set the kind that does.");
        }
    }

    private static void ValidateSqlitePath(string? path, string setting, List<string> violations)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            violations.Add($"{setting} is not set: a SQLite store needs the path of its database file.");
            return;
        }

        string? folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(path));
        }
        catch (Exception error) when (error is ArgumentException or NotSupportedException or PathTooLongException)
        {
            violations.Add($"{setting} is not a valid file path: {error.Message}");
            return;
        }

        if (folder is not null && !Directory.Exists(folder))
        {
            violations.Add($"{setting} names a file in the folder '{folder}', which does not exist: the store creates its file, not its folder.");
        }
    }

    private static void ValidateConnectionString(string? value, string setting, List<string> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            violations.Add($"{setting} is not set: a PostgreSQL store needs a connection string.");
            return;
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(value);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                violations.Add($"{setting} names no Host.");
            }
        }
        catch (ArgumentException error)
        {
            // Npgsql names the keyword it refused, never a value, so a password stays out of the message.
            violations.Add($"{setting} is not a valid PostgreSQL connection string: {error.Message}");
        }
    }

    private static void ValidateSchema(string? schema, string setting, List<string> violations)
    {
        if (string.IsNullOrWhiteSpace(schema))
        {
            violations.Add($"{setting} is empty: name a schema, or leave the setting out for '{CareCoordinationStoreOptions.DefaultSchema}'.");
            return;
        }

        foreach (var c in schema)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
            {
                violations.Add($"{setting} is '{schema}': a schema name may hold lower-case letters, digits and '_' only.");
                return;
            }
        }

        if (Encoding.UTF8.GetByteCount(schema) > MaxSchemaBytes)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{setting} is {schema.Length} bytes long; PostgreSQL keeps only the first {MaxSchemaBytes} bytes of a name."));
        }
    }

    private static void ValidateKey(string? value, string setting, List<string> violations)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return;
        }

        if (DecodeKey(value) is not { } key)
        {
            violations.Add($"{setting} is not Base64: give the key as Base64 (for example from 'openssl rand -base64 32').");
        }
        else if (key.Length < MinimumKeyBytes)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{setting} holds {key.Length} bytes; a key needs at least {MinimumKeyBytes} (for example from 'openssl rand -base64 32')."));
        }
    }

    private static void ValidateRetiredAuditKeys(CareCoordinationKeyOptions keys, string at, List<string> violations)
    {
        var epoch = $"{at}:{nameof(CareCoordinationKeyOptions.AuditKeyEpoch)}";
        if (keys.AuditKeyEpoch < 1)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{epoch} is {keys.AuditKeyEpoch}: key epochs count from 1."));
        }

        foreach (var (number, retired) in keys.RetiredAuditKeys)
        {
            var setting = string.Create(CultureInfo.InvariantCulture, $"{at}:{nameof(CareCoordinationKeyOptions.RetiredAuditKeys)}:{number}");
            if (number < 1 || number >= keys.AuditKeyEpoch)
            {
                violations.Add(string.Create(CultureInfo.InvariantCulture, $"{setting} names key epoch {number}, but a retired epoch must be from 1 to one below {epoch} ({keys.AuditKeyEpoch})."));
            }

            if (string.IsNullOrWhiteSpace(retired.AuditChain))
            {
                violations.Add($"{setting}:{nameof(CareCoordinationRetiredAuditKeyOptions.AuditChain)} is not set: the records sealed under a retired epoch verify only under its chain key; give it, or leave out the epoch once a purge dropped its last record.");
            }

            ValidateKey(retired.AuditChain, $"{setting}:{nameof(CareCoordinationRetiredAuditKeyOptions.AuditChain)}", violations);
            ValidateKey(retired.Pseudonymiser, $"{setting}:{nameof(CareCoordinationRetiredAuditKeyOptions.Pseudonymiser)}", violations);
        }
    }

    private static void ValidateDailyJobs(DailyJobOptions jobs, string at, List<string> violations)
    {
        if (jobs.Enabled && jobs.ServiceAccount <= 0)
        {
            violations.Add($"{at}:{nameof(DailyJobOptions.ServiceAccount)} is not set: the escalation check runs on behalf of a service account, the number of a ProfessionalId the region reserves for it (or set {at}:{nameof(DailyJobOptions.Enabled)} to false on all but one instance).");
        }

        if (jobs.AuditRetentionInMonths < AuditTrail.MinimumRetentionInMonths)
        {
            violations.Add(string.Create(CultureInfo.InvariantCulture, $"{at}:{nameof(DailyJobOptions.AuditRetentionInMonths)} is {jobs.AuditRetentionInMonths}: the audit trail keeps its records at least {AuditTrail.MinimumRetentionInMonths} months (NEN 7513); give at least that, or leave it out to keep every audit record."));
        }
    }

    /// <summary>The key's bytes, or <see langword="null"/> when the value is not Base64.</summary>
    internal static byte[]? DecodeKey(string value)
    {
        try
        {
            return Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private bool IsRegistered(Type service) =>
        provider.GetService<IServiceProviderIsService>() is not { } registered || registered.IsService(service);
}
