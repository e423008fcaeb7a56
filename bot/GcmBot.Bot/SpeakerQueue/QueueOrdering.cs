namespace GcmBot.Bot.SpeakerQueue;

/// <summary>
/// The order of the speakers' list: points of order first (in the order they were raised), then everyone else as the
/// consultation's policy puts them, then the chair's moves on top of that. Pure: the same requests and history always
/// give the same order, so every card and every "next speaker" agree.
/// </summary>
public static class QueueOrdering
{
    /// <param name="waiting">The waiting requests, in any order.</param>
    /// <param name="history">The categories of everyone who has had the floor in this consultation, one entry per turn.</param>
    /// <param name="policy">The consultation's ordering policy.</param>
    public static IReadOnlyList<QueuePlace> Order(
        IReadOnlyList<WaitingRequest> waiting, IReadOnlyList<SpeakerCategories> history, OrderingPolicy policy)
    {
        var points = waiting
            .Where(r => r.Kind == SpeechKind.PointOfOrder)
            .OrderBy(r => r.Id)
            .Select(r => new Placed(r, new PlaceReason(PlaceReasonKind.PointOfOrder)))
            .ToList();
        var others = waiting.Where(r => r.Kind != SpeechKind.PointOfOrder).OrderBy(r => r.Id).ToList();
        var ordered = policy switch
        {
            OrderingPolicy.FirstTimeFirst => others
                .OrderBy(r => r.PreviousTurns > 0)
                .ThenBy(r => r.Id)
                .Select(r => new Placed(r, new PlaceReason(r.PreviousTurns > 0 ? PlaceReasonKind.RepeatSpeaker : PlaceReasonKind.FirstTime)))
                .ToList(),
            OrderingPolicy.Balanced => Balance(others, history),
            _ => others.Select(r => new Placed(r, new PlaceReason(PlaceReasonKind.Arrival))).ToList(),
        };

        ApplyChairMoves(points);
        ApplyChairMoves(ordered);
        return points.Concat(ordered).Select((p, i) => new QueuePlace(p.Request, i + 1, p.Reason)).ToList();
    }

    /// <summary>
    /// The adjustment that moves a request <paramref name="delta"/> places (negative: up) from where it is shown now,
    /// within its part of the list (points of order stay above other requests). Null when it cannot move that way
    /// (already first or last) or is not waiting. The request must then be given the newest adjusted sequence, so that
    /// its move is applied after all earlier ones and lands exactly where the chair asked.
    /// </summary>
    public static int? AdjustmentForMove(
        IReadOnlyList<WaitingRequest> waiting, IReadOnlyList<SpeakerCategories> history, OrderingPolicy policy, long requestId, int delta)
    {
        var moved = waiting.FirstOrDefault(r => r.Id == requestId);
        if (moved is null || delta == 0)
        {
            return null;
        }

        var section = Section(Order(waiting, history, policy), moved.Kind);
        var from = section.FindIndex(p => p.Request.Id == requestId);
        var to = Math.Clamp(from + delta, 0, section.Count - 1);
        if (to == from)
        {
            return null;
        }

        // Where the request would be without any move of its own, everyone else's moves applied.
        var unmoved = waiting.Select(r => r.Id == requestId ? r with { Adjustment = 0 } : r).ToList();
        var basePosition = Section(Order(unmoved, history, policy), moved.Kind).FindIndex(p => p.Request.Id == requestId);
        return to - basePosition;
    }

    private static List<QueuePlace> Section(IReadOnlyList<QueuePlace> order, SpeechKind kind) =>
        order.Where(p => (p.Request.Kind == SpeechKind.PointOfOrder) == (kind == SpeechKind.PointOfOrder)).ToList();

    /// <summary>
    /// Greedy: each next place goes to the request whose group, subregion and gender have had the fewest turns so far
    /// (the turns of those placed ahead counted as if they had spoken). Ties go to first-time speakers, then to
    /// whoever asked first. Turns are counted, not minutes: the order must be known before anyone speaks.
    /// </summary>
    private static List<Placed> Balance(List<WaitingRequest> candidates, IReadOnlyList<SpeakerCategories> history)
    {
        var groups = new Dictionary<string, int>();
        var subregions = new Dictionary<string, int>();
        var genders = new Dictionary<string, int>();
        foreach (var turn in history)
        {
            Count(turn);
        }

        var total = history.Count;
        var remaining = new List<WaitingRequest>(candidates);
        var placed = new List<Placed>(candidates.Count);
        while (remaining.Count > 0)
        {
            var best = remaining[0];
            var bestScore = Score(best);
            for (var i = 1; i < remaining.Count; i++)
            {
                var candidate = remaining[i];
                var score = Score(candidate);
                if (score < bestScore ||
                    (score == bestScore && (candidate.PreviousTurns > 0 ? 1 : 0) < (best.PreviousTurns > 0 ? 1 : 0)))
                {
                    best = candidate;
                    bestScore = score;
                }
            }

            var categories = best.Categories;
            placed.Add(new Placed(best, new PlaceReason(
                PlaceReasonKind.Balance,
                categories,
                groups.GetValueOrDefault(categories.Group),
                subregions.GetValueOrDefault(categories.Subregion),
                genders.GetValueOrDefault(categories.Gender),
                total,
                CountsThoseAhead: placed.Count > 0)));
            remaining.Remove(best);
            Count(categories);
            total++;
        }

        return placed;

        int Score(WaitingRequest r) =>
            groups.GetValueOrDefault(r.Categories.Group) +
            subregions.GetValueOrDefault(r.Categories.Subregion) +
            genders.GetValueOrDefault(r.Categories.Gender);

        void Count(SpeakerCategories c)
        {
            groups[c.Group] = groups.GetValueOrDefault(c.Group) + 1;
            subregions[c.Subregion] = subregions.GetValueOrDefault(c.Subregion) + 1;
            genders[c.Gender] = genders.GetValueOrDefault(c.Gender) + 1;
        }
    }

    private static void ApplyChairMoves(List<Placed> section)
    {
        var moved = section.Where(p => p.Request.Adjustment != 0).OrderBy(p => p.Request.AdjustedSequence).ToList();
        foreach (var entry in moved)
        {
            var index = section.IndexOf(entry);
            section.RemoveAt(index);
            var target = Math.Clamp(index + entry.Request.Adjustment, 0, section.Count);
            section.Insert(target, entry with
            {
                Reason = new PlaceReason(entry.Request.Adjustment < 0 ? PlaceReasonKind.MovedUpByChair : PlaceReasonKind.MovedDownByChair),
            });
        }
    }

    private sealed record Placed(WaitingRequest Request, PlaceReason Reason);
}
