using System.Security.Cryptography;
using System.Text;
using GcmBot.Bot.Registration;
using GcmBot.Bot.Storage;
using Microsoft.EntityFrameworkCore;

namespace GcmBot.Bot.PublicForms;

/// <summary>
/// Who a person on the web is. One person who registers both in Teams and on the web is one person: an e-mail address
/// already registered keeps that registration's identity. Otherwise the identity is derived from the address (hashed,
/// so that the id itself carries no personal data).
/// </summary>
public sealed class WebIdentity(IDbContextFactory<GcmDbContext> databases)
{
    public const string Prefix = "web:";

    /// <summary>Whether a stable id is a web-only person's (no Teams chat to write to).</summary>
    public static bool IsWebPerson(string stableId) => stableId.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<WebPerson> OfEmailAsync(string email, CancellationToken cancellationToken)
    {
        var folded = email.Trim().ToLowerInvariant();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var known = await db.Set<StakeholderProfile>().AsNoTracking()
            .Where(p => p.Email.ToLower() == folded)
            .OrderBy(p => p.UserStableId.StartsWith(Prefix))
            .Select(p => p.UserStableId)
            .FirstOrDefaultAsync(cancellationToken);
        return known is null
            ? new WebPerson(Prefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(folded)))[..40].ToLowerInvariant(), IsKnownFromTeams: false)
            : new WebPerson(known, IsKnownFromTeams: !IsWebPerson(known));
    }
}

/// <summary>A person on the web: their stable id, and whether that id is their Teams identity.</summary>
public sealed record WebPerson(string StableId, bool IsKnownFromTeams);
