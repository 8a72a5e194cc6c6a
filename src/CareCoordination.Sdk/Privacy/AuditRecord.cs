using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CareCoordination.Sdk.Compliance;
using CareCoordination.Sdk.Organisations;
using NodaTime;

namespace CareCoordination.Sdk.Privacy;

/// <summary>
/// One line of the audit trail, with the fields NEN 7513 asks for: who (user, role, organisation), which person
/// (pseudonymised), what action on which data, when, from which system, and on what basis — chained to the record
/// before it by a SHA-256 hash, so that any change, removal or reordering shows.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. The public constructor lets a store load records back; it does not check the chain —
/// <see cref="AuditTrail.Verify(System.Collections.Generic.IReadOnlyList{AuditRecord}, string)"/> does.
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

    private AuditRecord(
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
        string previousHash)
        : this(sequence, at, userId, role, organisation, system, subject, action, data, detail, basis, basisReference, flaggedForReview, previousHash, string.Empty) =>
        Hash = ComputeHash();

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

    /// <summary>Gets this record's hash: SHA-256 over its fields and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; }

    /// <summary>Computes the hash this record should have.</summary>
    /// <returns>64 lowercase hex digits.</returns>
    public string ComputeHash()
    {
        var text = new StringBuilder("nen7513-v1");
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

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
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
        string previousHash) =>
        new(sequence, at, userId, role, organisation, system, subject, action, data, detail, basis, basisReference, flaggedForReview, previousHash);

    /// <inheritdoc/>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"#{Sequence} {At:uuuu-MM-ddTHH:mm:ss}Z {UserId} ({Role}) {Action} {Data} {Detail} on {Basis?.ToString() ?? "no basis"}{(FlaggedForReview ? " [review]" : string.Empty)}");
}
