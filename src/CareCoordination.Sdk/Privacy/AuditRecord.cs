using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Organisations;
using CareCoordination.Sdk.Privacy.Access;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// One line of the audit trail, with the fields NEN 7513 asks for: who (user, role, organisation), which person
/// (pseudonymised), what action on which data, when, from which system, and on what basis — chained to the record
/// before it by an HMAC-SHA256 under the host's <see cref="AuditChainKey"/>, so that any change, removal or reordering
/// shows, and cannot be hidden by re-hashing without the key. Records written by SDKs before the key carry a plain
/// SHA-256 hash and are accepted only at the start of a chain.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The public constructor lets a store load records back; it does not check the chain —
/// <see cref="AuditTrail.Verify(Storage.StoredAuditTrail, AuditChainKey, AuditCheckpoint)"/> does.
/// </remarks>
public sealed class AuditRecord
{
    /// <summary>The hash the first record of a trail chains to.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Initializes a new instance, for example when a store loads a record back.</summary>
    /// <param name="sequence">The position in the trail, from 1, without gaps.</param>
    /// <param name="at">When.</param>
    /// <param name="userId">The user's account.</param>
    /// <param name="role">The role the user acted in.</param>
    /// <param name="organisation">The user's organisation, if any.</param>
    /// <param name="system">The system the user acted from.</param>
    /// <param name="subject">The person concerned, pseudonymised; <c>default</c> when the access concerned no single person.</param>
    /// <param name="action">What the access did.</param>
    /// <param name="data">Which data.</param>
    /// <param name="detail">Which item, for example <c>case-3</c>; never a BSN or a name.</param>
    /// <param name="basis">On what basis; <see langword="null"/> for a refused access.</param>
    /// <param name="basisReference">The consent or legal-basis record relied on, if any.</param>
    /// <param name="flaggedForReview">Whether a privacy officer must review the access (access without consent).</param>
    /// <param name="previousHash">The hash of the record before.</param>
    /// <param name="hash">This record's hash.</param>
    public AuditRecord(
        long sequence,
        Instant at,
        string userId,
        ActorRole role,
        OrganisationId? organisation,
        string system,
        PersonPseudonym subject,
        AuditAction action,
        DataCategory data,
        string detail,
        AccessBasis? basis,
        string? basisReference,
        bool flaggedForReview,
        string previousHash,
        string hash)
    {
        Sequence = sequence;
        At = at;
        UserId = userId ?? string.Empty;
        Role = role;
        Organisation = organisation;
        System = system ?? string.Empty;
        Subject = subject;
        Action = action;
        Data = data;
        Detail = detail ?? string.Empty;
        Basis = basis;
        BasisReference = basisReference;
        FlaggedForReview = flaggedForReview;
        PreviousHash = previousHash ?? string.Empty;
        Hash = hash ?? string.Empty;
    }

    /// <summary>Gets the position in the trail.</summary>
    public long Sequence { get; }

    /// <summary>Gets when.</summary>
    public Instant At { get; }

    /// <summary>Gets the user's account.</summary>
    public string UserId { get; }

    /// <summary>Gets the role the user acted in.</summary>
    public ActorRole Role { get; }

    /// <summary>Gets the user's organisation, if any.</summary>
    public OrganisationId? Organisation { get; }

    /// <summary>Gets the system the user acted from.</summary>
    public string System { get; }

    /// <summary>Gets the person concerned, pseudonymised.</summary>
    [PersonData(PersonDataClassification.None)]
    public PersonPseudonym Subject { get; }

    /// <summary>Gets what the access did.</summary>
    public AuditAction Action { get; }

    /// <summary>Gets which data.</summary>
    public DataCategory Data { get; }

    /// <summary>Gets which item.</summary>
    public string Detail { get; }

    /// <summary>Gets on what basis.</summary>
    public AccessBasis? Basis { get; }

    /// <summary>Gets the consent or legal-basis record relied on, if any.</summary>
    public string? BasisReference { get; }

    /// <summary>Gets a value indicating whether a privacy officer must review the access.</summary>
    public bool FlaggedForReview { get; }

    /// <summary>Gets the hash of the record before.</summary>
    public string PreviousHash { get; }

    /// <summary>Gets this record's hash: <c>hmac-sha256:</c> and the HMAC-SHA256 over its fields and <see cref="PreviousHash"/> under the chain key, or for a record of an earlier SDK the plain SHA-256.</summary>
    public string Hash { get; }

    /// <summary>Gets a value indicating whether the record is chained with HMAC-SHA256 under the host's <see cref="AuditChainKey"/> (every record an SDK with a key writes), rather than with the plain SHA-256 of earlier SDKs.</summary>
    public bool IsKeyed => KeyEpoch > 0;

    /// <summary>
    /// Gets the key epoch (<see cref="AuditKeyRing"/>) whose chain key sealed the record, as its <see cref="Hash"/> names it:
    /// 1 for <c>hmac-sha256:</c>, <c>n</c> for <c>hmac-sha256.e</c><c>n</c><c>:</c> after a rotation, 0 for an unkeyed record of an earlier SDK.
    /// </summary>
    public int KeyEpoch
    {
        get
        {
            if (!Hash.StartsWith(KeyedPrefix[..^1], StringComparison.Ordinal))
            {
                return 0;
            }

            var rest = Hash.AsSpan(KeyedPrefix.Length - 1);
            if (rest.StartsWith(":"))
            {
                return 1;
            }

            var colon = rest.IndexOf(':');
            return rest.StartsWith(EpochMarker) && colon > EpochMarker.Length
                && int.TryParse(rest[EpochMarker.Length..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch) && epoch > 1
                && Hash.StartsWith(KeyedPrefixOf(epoch), StringComparison.Ordinal)
                ? epoch
                : 0;
        }
    }

    /// <summary>The prefix of a keyed record's <see cref="Hash"/> under key epoch 1, which tells it from the 64 hex digits of an unkeyed one.</summary>
    internal const string KeyedPrefix = "hmac-sha256:";

    // Between "hmac-sha256" and the colon of a record sealed under a later key epoch: "hmac-sha256.e2:".
    private const string EpochMarker = ".e";

    private const string PurgeDetailPrefix = "audit-purge through #";

    private const string RotationDetailPrefix = "audit-key-rotation from epoch ";

    /// <summary>Computes the unkeyed SHA-256 hash this record would have under the chain of earlier SDKs; anyone can compute it, so it proves nothing against someone who can write to the store.</summary>
    /// <returns>64 lowercase hex digits.</returns>
    public string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalText("nen7513-v1"))));

    /// <summary>Returns the detail of the record a purge leaves in the chain.</summary>
    /// <param name="throughSequence">The last purged sequence number.</param>
    /// <param name="genesis">The hash of that record, where the kept chain starts.</param>
    /// <param name="cutoff">The retention cut-off the purge applied.</param>
    /// <returns>The detail.</returns>
    internal static string PurgeDetail(long throughSequence, string genesis, Instant cutoff) =>
        string.Create(CultureInfo.InvariantCulture, $"{PurgeDetailPrefix}{throughSequence} from {genesis} before {cutoff.ToUnixTimeTicks()}");

    /// <summary>Reads a purge record's detail back, when this is one.</summary>
    /// <param name="throughSequence">The last purged sequence number.</param>
    /// <param name="genesis">Where the kept chain starts.</param>
    /// <returns>Whether this is a keyed purge record with a well-formed detail.</returns>
    internal bool TryReadPurge(out long throughSequence, out string genesis)
    {
        throughSequence = 0;
        genesis = string.Empty;
        if (!IsKeyed || Action != AuditAction.Delete || Data != DataCategory.AuditTrail || !Detail.StartsWith(PurgeDetailPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = Detail[PurgeDetailPrefix.Length..].Split(' ');
        if (parts.Length != 5 || parts[1] != "from" || parts[3] != "before"
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out throughSequence))
        {
            return false;
        }

        genesis = parts[2];
        return true;
    }

    /// <summary>Returns the detail of the record a key rotation leaves in the chain: the epochs, never a key.</summary>
    /// <param name="from">The epoch the trail was sealed under before.</param>
    /// <param name="to">The epoch it is sealed under from this record on.</param>
    /// <returns>The detail.</returns>
    internal static string RotationDetail(int from, int to) =>
        string.Create(CultureInfo.InvariantCulture, $"{RotationDetailPrefix}{from} to epoch {to}");

    /// <summary>Reads a key rotation record's detail back, when this is one.</summary>
    /// <param name="from">The epoch before.</param>
    /// <param name="to">The epoch from this record on.</param>
    /// <returns>Whether this is a keyed rotation record with a well-formed detail.</returns>
    internal bool TryReadRotation(out int from, out int to)
    {
        from = 0;
        to = 0;
        if (!IsKeyed || Action != AuditAction.Update || Data != DataCategory.AuditTrail || !Detail.StartsWith(RotationDetailPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var parts = Detail[RotationDetailPrefix.Length..].Split(' ');
        return parts.Length == 4 && parts[1] == "to" && parts[2] == "epoch"
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out from)
            && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out to);
    }

    /// <summary>Checks the record's hash: the HMAC under the key of its epoch for a keyed record, the plain SHA-256 for an unkeyed one.</summary>
    /// <param name="key">The chain key of the record's <see cref="KeyEpoch"/>; unused for an unkeyed record.</param>
    /// <returns>Whether the hash matches the content.</returns>
    internal bool HasValidHash(AuditChainKey? key)
    {
        var epoch = KeyEpoch;
        if (epoch == 0)
        {
            return string.Equals(ComputeHash(), Hash, StringComparison.Ordinal);
        }

        return key is not null && key.Verifies(CanonicalText(KeyedVersion(epoch)), Hash[(Hash.IndexOf(':', StringComparison.Ordinal) + 1)..]);
    }

    // Epoch 1 keeps the text and prefix of the SDKs before rotation, so that their records verify unchanged; a later
    // epoch is part of the sealed text too, so that a record cannot be relabelled to another epoch sharing a key.
    private static string KeyedVersion(int epoch) =>
        epoch == 1 ? "nen7513-v2" : string.Create(CultureInfo.InvariantCulture, $"nen7513-v2.e{epoch}");

    private static string KeyedPrefixOf(int epoch) =>
        epoch == 1 ? KeyedPrefix : string.Create(CultureInfo.InvariantCulture, $"hmac-sha256{EpochMarker}{epoch}:");

    private string CanonicalText(string version)
    {
        var text = new StringBuilder(version);
        foreach (var field in new[]
        {
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.ToUnixTimeTicks().ToString(CultureInfo.InvariantCulture),
            UserId,
            ((int)Role).ToString(CultureInfo.InvariantCulture),
            Organisation?.Value.ToString(CultureInfo.InvariantCulture) ?? "-",
            System,
            Subject.Value,
            ((int)Action).ToString(CultureInfo.InvariantCulture),
            ((int)Data).ToString(CultureInfo.InvariantCulture),
            Detail,
            Basis is { } basis ? ((int)basis).ToString(CultureInfo.InvariantCulture) : "-",
            BasisReference ?? "-",
            FlaggedForReview ? "1" : "0",
            PreviousHash,
        })
        {
            // Length-prefixed, so that no value can imitate a field boundary.
            text.Append('|').Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
        }

        return text.ToString();
    }

    internal static AuditRecord Seal(
        long sequence,
        Instant at,
        string userId,
        ActorRole role,
        OrganisationId? organisation,
        string system,
        PersonPseudonym subject,
        AuditAction action,
        DataCategory data,
        string detail,
        AccessBasis? basis,
        string? basisReference,
        bool flaggedForReview,
        string previousHash,
        AuditChainKey key,
        int epoch = 1)
    {
        var unsealed = new AuditRecord(sequence, at, userId, role, organisation, system, subject, action, data, detail, basis, basisReference, flaggedForReview, previousHash, string.Empty);
        return new(sequence, at, userId, role, organisation, system, subject, action, data, detail, basis, basisReference, flaggedForReview, previousHash, KeyedPrefixOf(epoch) + key.Sign(unsealed.CanonicalText(KeyedVersion(epoch))));
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"#{Sequence} {At:uuuu-MM-ddTHH:mm:ss}Z {UserId} ({Role}) {Action} {Data} {Detail} on {Basis?.ToString() ?? "no basis"}{(FlaggedForReview ? " [review]" : string.Empty)}");
}
