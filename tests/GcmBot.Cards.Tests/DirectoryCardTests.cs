using System.Text;

namespace GcmBot.Cards.Tests;

public sealed class DirectoryCardTests
{
    [Theory]
    [InlineData("directory-search-full-page")]
    [InlineData("directory-import-dry-run")]
    [InlineData("directory-search-full-page-ru")]
    [InlineData("directory-import-dry-run-fr")]
    [InlineData("directory-import-dry-run-ru")]
    [InlineData("directory-import-dry-run-zh-Hans")]
    // Measured (UTF-8 bytes as sent): dry run en 17.7 KB, fr 19.1 KB, zh-Hans 18.3 KB, ru 23.9 KB (the longest).
    public void Build_LargestSamples_StayUnder28KB(string name)
    {
        var bytes = Encoding.UTF8.GetByteCount(AllCardSamples.Named(name).Card.ToJsonString());

        Assert.InRange(bytes, 1, 28 * 1024);
    }
}
