using System;
using System.Security.Cryptography;
using System.Text;

namespace CareCoordination.Sdk.Storage;

/// <summary>How a damaged row is named in a report, shared by the relational validator and the areas that read streams.</summary>
internal static class StoredRowKeys
{
    /// <summary>The table of the streams of cases, plans, consents and the other areas' records.</summary>
    public const string StreamEventsTable = "stream_events";

    private const int MaxShownKeyLength = 64;

    /// <summary>Gets how a key chosen by a client or a stream's identifier is shown: as itself when short and plainly not a person's number, otherwise by a hash.</summary>
    public static string Shown(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var digits = 0;
        var plain = key.Length is > 0 and <= MaxShownKeyLength;
        foreach (var c in key)
        {
            digits = char.IsAsciiDigit(c) ? digits + 1 : 0;

            // Eight or nine digits in a row may be a BSN; a key chosen by a client may hold one.
            plain &= c is >= ' ' and <= '~' && c != '\'' && digits < 8;
        }

        return plain ? $"'{key}'" : "#" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 8));
    }
}
