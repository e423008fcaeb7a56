namespace GcmBot.Testing;

/// <summary>The checkout's root folder (where GcmBot.sln is), for tests that read the source tree itself.</summary>
public static class RepositoryFolder
{
    private static readonly Lazy<string> Location = new(Find);

    public static string Path => Location.Value;

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GcmBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("GcmBot.sln was not found above " + AppContext.BaseDirectory);
    }
}
