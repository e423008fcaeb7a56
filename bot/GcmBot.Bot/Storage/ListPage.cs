namespace GcmBot.Bot.Storage;

/// <summary>One page of a longer list, as cards show them (a card must stay small).</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int PageIndex, int PageSize, int TotalCount)
{
    public bool HasMore => (PageIndex + 1) * PageSize < TotalCount;

    /// <summary>The page index to read: within the pages that exist, so an old "Next" button never shows an empty page.</summary>
    public static int Clamp(int requested, int totalCount, int pageSize) => Math.Clamp(requested, 0, Math.Max(0, (totalCount - 1) / pageSize));
}
