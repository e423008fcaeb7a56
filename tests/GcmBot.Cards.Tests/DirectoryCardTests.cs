using System.Text;

namespace GcmBot.Cards.Tests;

public sealed class DirectoryCardTests
{
    [Theory]
    [InlineData("directory-search-full-page")]
    [InlineData("directory-import-dry-run")]
    public void Build_LargestSamples_StayUnder28KB(string name)
    {
        var bytes = Encoding.UTF8.GetByteCount(AllCardSamples.Named(name).Card.ToJsonString());

        Assert.InRange(bytes, 1, 28 * 1024);
    }
}
