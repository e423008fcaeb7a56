namespace GcmBot.Cards.Tests;

/// <summary>A card as one capability would send it, named for test output.</summary>
public sealed record CardSample(string Name, AdaptiveCard Card)
{
    public override string ToString() => Name;
}

/// <summary>
/// Each capability lists representative instances of its cards (empty, typical, crowded, with errors shown) in a class
/// of its own; every sample is checked against the schema and rendered with the official JavaScript renderer.
/// </summary>
public interface ICardSamples
{
    IEnumerable<CardSample> Samples();
}

public static class AllCardSamples
{
    public static IReadOnlyList<CardSample> Load() =>
        typeof(ICardSamples).Assembly.GetTypes()
            .Where(t => typeof(ICardSamples).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .OrderBy(t => t.Name)
            .SelectMany(t => ((ICardSamples)Activator.CreateInstance(t)!).Samples())
            .ToList();

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Load())
        {
            data.Add(sample.Name);
        }

        return data;
    }

    public static CardSample Named(string name) => Load().Single(s => s.Name == name);
}
