using GcmBot.Bot.Languages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GcmBot.Bot.Tests.Languages;

/// <summary>The resource texts as the host reads them (ICU plurals, pseudo-locale), for tests of views and pages.</summary>
public static class TestTexts
{
    private static readonly FormattingStringLocalizerFactory Factory = new(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    public static IStringLocalizer<T> For<T>() => new StringLocalizer<T>(Factory);
}
