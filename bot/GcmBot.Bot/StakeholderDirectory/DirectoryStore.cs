using System.Security.Cryptography;
using System.Text.Json;
using GcmBot.Bot.Engagement;
using GcmBot.Bot.Participants;
using GcmBot.Bot.Storage;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.StakeholderDirectory;

/// <summary>What organisers filter the directory by; every part optional. Codes as in the reference data.</summary>
/// <param name="Text">Folded (<see cref="DirectoryKeys.Fold"/>) words to find in organisation, contact name or e-mail.</param>
public sealed record DirectoryFilter(string? Text, string? Group, string? Country, string? Subregion, char? Theme)
{
    public static DirectoryFilter None { get; } = new(null, null, null, null, null);

    public bool IsEmpty => Text is null && Group is null && Country is null && Subregion is null && Theme is null;
}

/// <summary>How applying a staged import went.</summary>
public enum ApplyOutcome
{
    Applied,
    AlreadyApplied,
    Discarded,
    Expired,
    NotFound,
}

/// <summary>The result of "Apply import": what happened, and the counts of the dry run it applied.</summary>
public sealed record ApplyResult(ApplyOutcome Outcome, DirectoryImport? Import);

/// <summary>The directory's entries and staged imports in the database.</summary>
public sealed partial class DirectoryStore(
    IDbContextFactory<GcmDbContext> databases,
    IServiceProvider services,
    IOptions<DirectoryOptions> options,
    TimeProvider time,
    ILogger<DirectoryStore> logger)
{
    private static readonly JsonSerializerOptions RowsJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Brings registration entries in step with the registrations: new registrants are added (or claim the imported
    /// entry with their e-mail), changed answers are reflected in place, forgotten registrants leave. Run before every
    /// read, so the directory never shows stale registrations and no second copy of a person appears.
    /// </summary>
    public async Task SyncRegistrationsAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IRegisteredStakeholders>() is not { } registrations)
        {
            return;
        }

        var stakeholders = await registrations.AllStakeholdersAsync(cancellationToken);
        var now = time.GetUtcNow();
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var entries = await db.Set<DirectoryEntry>().Where(e => e.RegistrantId != null || e.EmailKey != null).ToListAsync(cancellationToken);
            var byRegistrant = entries.Where(e => e.RegistrantId != null).ToDictionary(e => e.RegistrantId!, StringComparer.Ordinal);
            var byEmail = entries.Where(e => e.EmailKey != null).ToDictionary(e => e.EmailKey!, StringComparer.Ordinal);
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var person in stakeholders)
            {
                present.Add(person.UserStableId);
                var emailKey = string.IsNullOrWhiteSpace(person.Email) ? null : DirectoryKeys.Email(person.Email);
                if (!byRegistrant.TryGetValue(person.UserStableId, out var entry))
                {
                    if (emailKey is not null && byEmail.TryGetValue(emailKey, out var imported) && imported.RegistrantId is null)
                    {
                        // The person registered after an organiser imported them: one entry, now kept by their registration.
                        entry = imported;
                        entry.Source = EntrySource.Registration;
                        entry.RegistrantId = person.UserStableId;
                    }
                    else
                    {
                        entry = new DirectoryEntry
                        {
                            Source = EntrySource.Registration,
                            RegistrantId = person.UserStableId,
                            StakeholderGroup = person.StakeholderGroup,
                            CountryCode = person.CountryCode,
                            SubregionCode = SubregionOf(person.CountryCode),
                            CreatedAt = now,
                            UpdatedAt = now,
                        };
                        db.Add(entry);
                    }

                    byRegistrant[person.UserStableId] = entry;
                }

                // Another registrant's entry holding the same address keeps it: the key stays unique, the address shows.
                var ownKey = emailKey is not null && byEmail.TryGetValue(emailKey, out var holder) && holder != entry ? null : emailKey;
                if (Reflect(entry, person, ownKey, now) && ownKey is not null)
                {
                    byEmail[ownKey] = entry;
                }
            }

            foreach (var gone in byRegistrant.Values.Where(e => !present.Contains(e.RegistrantId!) && e.Id != 0))
            {
                db.Remove(gone);
            }

            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex)
        {
            // Another organiser's read synced the same registrations at the same moment; theirs stands.
            LogSyncRace(logger, ex);
        }
    }

    public async Task<ListPage<DirectoryEntry>> SearchAsync(DirectoryFilter filter, int pageIndex, int pageSize, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var query = Filtered(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var page = ListPage<DirectoryEntry>.Clamp(pageIndex, total, pageSize);
        var items = await query.OrderBy(e => e.OrganisationKey).ThenBy(e => e.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<DirectoryEntry>(items, page, pageSize, total);
    }

    /// <summary>Every matching entry for an export, up to the configured bound.</summary>
    public async Task<IReadOnlyList<DirectoryEntry>> ExportAsync(DirectoryFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await Filtered(db, filter).OrderBy(e => e.OrganisationKey).ThenBy(e => e.Id).Take(options.Value.MaxExportRows).ToListAsync(cancellationToken);
    }

    /// <summary>The keys an import is matched against. Imported entries win a name shared with registrations.</summary>
    public async Task<ExistingKeys> KeysAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = await db.Set<DirectoryEntry>().AsNoTracking()
            .Select(e => new { e.Id, e.EmailKey, e.OrganisationKey, e.Source })
            .ToListAsync(cancellationToken);
        var byEmail = keys.Where(k => k.EmailKey != null).ToDictionary(k => k.EmailKey!, k => k.Id, StringComparer.Ordinal);
        var byName = keys.Where(k => k.OrganisationKey.Length > 0)
            .OrderBy(k => k.Source == EntrySource.Import ? 0 : 1).ThenBy(k => k.Id)
            .DistinctBy(k => k.OrganisationKey)
            .ToDictionary(k => k.OrganisationKey, k => k.Id, StringComparer.Ordinal);
        return new ExistingKeys(byEmail, byName);
    }

    /// <summary>How the dry-run report names the entries rows merge into.</summary>
    public async Task<IReadOnlyDictionary<long, string>> NamesAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<DirectoryEntry>().AsNoTracking().Where(e => ids.Contains(e.Id))
            .Select(e => new { e.Id, e.Organisation, e.ContactName }).ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => r.Organisation ?? r.ContactName ?? "an existing entry");
    }

    /// <summary>Stores a dry run for its "Apply import" button; expired staged imports are deleted on the way.</summary>
    public async Task<DirectoryImport> StageAsync(ImportPlan plan, string organiserId, string fileName, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var import = new DirectoryImport
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(18)),
            OrganiserId = organiserId,
            FileName = fileName,
            Status = ImportStatus.Staged,
            RowsJson = JsonSerializer.Serialize(plan.Accepted.Concat(plan.Merged).ToList(), RowsJson),
            AcceptedCount = plan.Accepted.Count,
            MergedCount = plan.Merged.Count,
            RejectedCount = plan.Rejected.Count,
            CreatedAt = now,
            ExpiresAt = now.AddHours(options.Value.StagedImportHours),
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<DirectoryImport>().Where(i => i.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken);
        db.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        return import;
    }

    /// <summary>
    /// Applies a staged import once: the claim on its status and every row are one transaction, so a double click or
    /// two organisers at once apply it exactly once, and a failure applies nothing.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(string importId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claimed = await db.Set<DirectoryImport>()
            .Where(i => i.Id == importId && i.Status == ImportStatus.Staged && i.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Applied).SetProperty(i => i.FinishedAt, now), cancellationToken);
        var import = await db.Set<DirectoryImport>().FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
        if (claimed == 0 || import is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ApplyResult(
                import is null ? ApplyOutcome.NotFound
                : import.Status == ImportStatus.Applied ? ApplyOutcome.AlreadyApplied
                : import.Status == ImportStatus.Discarded ? ApplyOutcome.Discarded
                : ApplyOutcome.Expired,
                import);
        }

        var rows = JsonSerializer.Deserialize<List<StagedRow>>(import.RowsJson, RowsJson) ?? [];
        foreach (var staged in rows)
        {
            await ApplyRowAsync(db, staged, now, cancellationToken);
        }

        import.RowsJson = string.Empty;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ApplyResult(ApplyOutcome.Applied, import);
    }

    /// <summary>Drops a staged import (its rows go at once); an applied one stays applied.</summary>
    public async Task<ApplyResult> DiscardAsync(string importId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<DirectoryImport>().Where(i => i.Id == importId && i.Status == ImportStatus.Staged)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, ImportStatus.Discarded).SetProperty(i => i.RowsJson, string.Empty).SetProperty(i => i.FinishedAt, now), cancellationToken);
        var import = await db.Set<DirectoryImport>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, cancellationToken);
        return new ApplyResult(import?.Status switch
        {
            null => ApplyOutcome.NotFound,
            ImportStatus.Applied => ApplyOutcome.AlreadyApplied,
            _ => ApplyOutcome.Discarded,
        }, import);
    }

    /// <summary>"Forget me": the person's registration entry, and imported entries with their e-mail addresses.</summary>
    public async Task EraseAsync(string userStableId, IReadOnlyCollection<string> emails, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var keys = await db.Set<DirectoryEntry>().Where(e => e.RegistrantId == userStableId && e.EmailKey != null)
            .Select(e => e.EmailKey!).ToListAsync(cancellationToken);
        keys.AddRange(emails.Where(e => !string.IsNullOrWhiteSpace(e)).Select(DirectoryKeys.Email));
        keys = keys.Distinct().ToList();
        await db.Set<DirectoryEntry>().Where(e => e.RegistrantId == userStableId || (e.EmailKey != null && keys.Contains(e.EmailKey)))
            .ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    internal static string SubregionOf(string countryCode) =>
        StakeholderReference.Country(countryCode)?.SubregionCode ?? StakeholderReference.Other;

    private static IQueryable<DirectoryEntry> Filtered(GcmDbContext db, DirectoryFilter filter)
    {
        var query = db.Set<DirectoryEntry>().AsNoTracking();
        if (filter.Group is { } group)
        {
            query = query.Where(e => e.StakeholderGroup == group);
        }

        if (filter.Country is { } country)
        {
            query = query.Where(e => e.CountryCode == country);
        }

        if (filter.Subregion is { } subregion)
        {
            query = query.Where(e => e.SubregionCode == subregion);
        }

        if (filter.Theme is { } theme)
        {
            var code = theme.ToString();
            query = query.Where(e => e.Themes.Contains(code));
        }

        foreach (var word in (filter.Text ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            query = query.Where(e => e.SearchText.Contains(word));
        }

        return query;
    }

    /// <summary>Sets a registration entry from the registration; true when something changed.</summary>
    private static bool Reflect(DirectoryEntry entry, RegisteredStakeholder person, string? emailKey, DateTimeOffset now)
    {
        var organisation = string.IsNullOrWhiteSpace(person.Organisation) ? entry.Organisation : person.Organisation;
        var before = (entry.ContactName, entry.Email, entry.EmailKey, entry.Organisation, entry.StakeholderGroup, entry.CountryCode, entry.Themes, entry.ContactConsent);
        entry.ContactName = person.Name;
        entry.Email = string.IsNullOrWhiteSpace(person.Email) ? null : person.Email;
        entry.EmailKey = emailKey;
        entry.Organisation = organisation;
        entry.OrganisationKey = DirectoryKeys.Organisation(organisation);
        entry.StakeholderGroup = person.StakeholderGroup;
        entry.CountryCode = person.CountryCode;
        entry.SubregionCode = SubregionOf(person.CountryCode);
        entry.Themes = person.Themes;

        // The registration form's consent covers being contacted about these events, not being listed elsewhere.
        entry.ContactConsent = ConsentState.Yes;
        entry.SearchText = SearchTextOf(entry);
        var changed = before != (entry.ContactName, entry.Email, entry.EmailKey, entry.Organisation, entry.StakeholderGroup, entry.CountryCode, entry.Themes, entry.ContactConsent);
        if (changed)
        {
            entry.UpdatedAt = now;
        }

        return changed || entry.Id == 0;
    }

    private static async Task ApplyRowAsync(GcmDbContext db, StagedRow staged, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = staged.Row;

        // The dry run's target is checked again: the directory may have changed since (a registration, a forget me).
        var target = row.EmailKey is { } emailKey
            ? await db.Set<DirectoryEntry>().FirstOrDefaultAsync(e => e.EmailKey == emailKey, cancellationToken)
            : null;
        target ??= await db.Set<DirectoryEntry>()
            .Where(e => e.OrganisationKey == row.OrganisationKey)
            .OrderBy(e => e.Source == EntrySource.Import ? 0 : 1).ThenBy(e => e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (target is null)
        {
            var entry = new DirectoryEntry
            {
                Source = EntrySource.Import,
                Organisation = row.Organisation,
                OrganisationKey = row.OrganisationKey,
                StakeholderGroup = row.StakeholderGroup,
                CountryCode = row.CountryCode,
                SubregionCode = SubregionOf(row.CountryCode),
                Themes = row.Themes,
                ContactName = row.ContactName,
                Email = row.Email,
                EmailKey = row.EmailKey,
                ContactConsent = row.ContactConsent,
                ListingConsent = row.ListingConsent,
                CreatedAt = now,
                UpdatedAt = now,
            };
            entry.SearchText = SearchTextOf(entry);
            db.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
            return;
        }

        // A merge fills gaps and adds what is new; it never overwrites what the directory (or a person's own
        // registration) already says.
        if (string.IsNullOrWhiteSpace(target.Organisation) && target.Source == EntrySource.Registration)
        {
            target.Organisation = row.Organisation;
            target.OrganisationKey = row.OrganisationKey;
        }

        target.ContactName ??= row.ContactName;
        if (target.Email is null && row.Email is not null &&
            !await db.Set<DirectoryEntry>().AnyAsync(e => e.EmailKey == row.EmailKey, cancellationToken))
        {
            target.Email = row.Email;
            target.EmailKey = row.EmailKey;
        }

        target.Themes = GcmTagRules.StoreThemes(target.Themes.Concat(row.Themes));
        if (target.ContactConsent == ConsentState.NotConfirmed)
        {
            target.ContactConsent = row.ContactConsent;
        }

        if (target.ListingConsent == ConsentState.NotConfirmed)
        {
            target.ListingConsent = row.ListingConsent;
        }

        target.SearchText = SearchTextOf(target);
        target.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static string SearchTextOf(DirectoryEntry entry)
    {
        var text = string.Join(' ', new[] { DirectoryKeys.Fold(entry.Organisation), DirectoryKeys.Fold(entry.ContactName), DirectoryKeys.Fold(entry.Email) }
            .Where(t => t.Length > 0));
        return text.Length <= DirectoryLimits.SearchTextLength ? text : text[..DirectoryLimits.SearchTextLength];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync met a concurrent sync; the other one's changes stand")]
    private static partial void LogSyncRace(ILogger logger, Exception exception);
}
