using GcmBot.Bot.Participants;
using GcmBot.Bot.SpeakerQueue;

namespace GcmBot.Bot.Tests.SpeakerQueue;

public sealed class QueueOrderingTests
{
    private static readonly SpeakerCategories CivilSeaWoman = SpeakerCategories.Of("civil-society", "sea", "woman");
    private static readonly SpeakerCategories MigrantPacificMan = SpeakerCategories.Of("migrants", "pacific", "man");
    private static readonly SpeakerCategories AcademiaSeaMan = SpeakerCategories.Of("academia", "sea", "man");

    private static WaitingRequest Request(long id, SpeakerCategories? categories = null, SpeechKind kind = SpeechKind.Statement, int previousTurns = 0) =>
        new(id, kind, previousTurns, categories ?? SpeakerCategories.Unknown);

    private static long[] Ids(IReadOnlyList<QueuePlace> order) => order.Select(p => p.Request.Id).ToArray();

    [Fact]
    public void Order_FirstComeFirstServed_FollowsArrival()
    {
        var order = QueueOrdering.Order([Request(3), Request(1), Request(2)], [], OrderingPolicy.FirstComeFirstServed);

        Assert.Equal([1L, 2, 3], Ids(order));
        Assert.Equal([1, 2, 3], order.Select(p => p.Position));
        Assert.All(order, p => Assert.Equal(PlaceReasonKind.Arrival, p.Reason.Kind));
    }

    [Theory]
    [InlineData(OrderingPolicy.FirstComeFirstServed)]
    [InlineData(OrderingPolicy.FirstTimeFirst)]
    [InlineData(OrderingPolicy.Balanced)]
    public void Order_PointsOfOrder_GoFirstInTheirOwnArrivalOrder(OrderingPolicy policy)
    {
        var order = QueueOrdering.Order(
            [Request(1), Request(2, kind: SpeechKind.PointOfOrder), Request(3), Request(4, kind: SpeechKind.PointOfOrder)], [], policy);

        Assert.Equal([2L, 4], Ids(order)[..2]);
        Assert.Equal(PlaceReasonKind.PointOfOrder, order[0].Reason.Kind);
    }

    [Fact]
    public void Order_FirstTimeFirst_PutsRepeatSpeakersAfterNewOnes()
    {
        var order = QueueOrdering.Order([Request(1, previousTurns: 2), Request(2), Request(3, previousTurns: 1), Request(4)], [], OrderingPolicy.FirstTimeFirst);

        Assert.Equal([2L, 4, 1, 3], Ids(order));
        Assert.Equal(PlaceReasonKind.FirstTime, order[0].Reason.Kind);
        Assert.Equal(PlaceReasonKind.RepeatSpeaker, order[2].Reason.Kind);
    }

    [Fact]
    public void Order_Balanced_DiffersFromFirstCome_WhenTheFirstToAskIsFromTheMostHeardGroups()
    {
        SpeakerCategories[] history = [CivilSeaWoman, CivilSeaWoman];
        WaitingRequest[] waiting = [Request(1, CivilSeaWoman), Request(2, MigrantPacificMan)];

        var fifo = QueueOrdering.Order(waiting, history, OrderingPolicy.FirstComeFirstServed);
        var balanced = QueueOrdering.Order(waiting, history, OrderingPolicy.Balanced);

        Assert.Equal(1L, fifo[0].Request.Id);
        Assert.Equal(2L, balanced[0].Request.Id);
        Assert.Equal(new PlaceReason(PlaceReasonKind.Balance, MigrantPacificMan, 0, 0, 0, 2), balanced[0].Reason);
    }

    [Fact]
    public void Order_Balanced_CountsThoseAlreadyPlacedAhead()
    {
        // Nobody has spoken: the first two arrivals share a subregion, so the third (another subregion) goes second.
        var order = QueueOrdering.Order([Request(1, CivilSeaWoman), Request(2, AcademiaSeaMan), Request(3, MigrantPacificMan)], [], OrderingPolicy.Balanced);

        Assert.Equal([1L, 3, 2], Ids(order));
        Assert.Equal(1, order[1].Reason.TotalTurns);
        Assert.StartsWith("For balance: of 1 turn counting those ahead,", SpeakerQueueWords.Reason(SpeakerQueueKit.Texts, order[1].Reason));
    }

    [Fact]
    public void Order_Balanced_TiesGoToFirstTimeSpeakersThenArrival()
    {
        var order = QueueOrdering.Order([Request(1, previousTurns: 1), Request(2), Request(3)], [], OrderingPolicy.Balanced);

        Assert.Equal(2L, order[0].Request.Id);
    }

    [Fact]
    public void Order_IsTheSameForTheSameInputInAnyOrder()
    {
        WaitingRequest[] waiting = [Request(5, AcademiaSeaMan), Request(2, CivilSeaWoman), Request(9, MigrantPacificMan), Request(4)];

        var once = QueueOrdering.Order(waiting, [CivilSeaWoman], OrderingPolicy.Balanced);
        var again = QueueOrdering.Order(waiting.Reverse().ToList(), [CivilSeaWoman], OrderingPolicy.Balanced);

        Assert.Equal(Ids(once), Ids(again));
    }

    [Theory]
    [InlineData(3, -1, new long[] { 1, 3, 2, 4 })]
    [InlineData(3, -2, new long[] { 3, 1, 2, 4 })]
    [InlineData(1, 1, new long[] { 2, 1, 3, 4 })]
    [InlineData(2, 2, new long[] { 1, 3, 4, 2 })]
    public void AdjustmentForMove_LandsExactlyWhereTheChairAsked(long id, int delta, long[] expected)
    {
        List<WaitingRequest> waiting = [Request(1), Request(2), Request(3), Request(4)];

        var adjustment = QueueOrdering.AdjustmentForMove(waiting, [], OrderingPolicy.FirstComeFirstServed, id, delta);
        var moved = waiting.Select(r => r.Id == id ? r with { Adjustment = adjustment!.Value, AdjustedSequence = 1 } : r).ToList();

        Assert.Equal(expected, Ids(QueueOrdering.Order(moved, [], OrderingPolicy.FirstComeFirstServed)));
    }

    [Fact]
    public void AdjustmentForMove_AfterEarlierMoves_StillMovesOnePlace()
    {
        List<WaitingRequest> waiting = [Request(1), Request(2), Request(3), Request(4), Request(5)];
        waiting[4] = waiting[4] with { Adjustment = -3, AdjustedSequence = 1 }; // 1 5 2 3 4
        var before = Ids(QueueOrdering.Order(waiting, [], OrderingPolicy.FirstComeFirstServed));

        var adjustment = QueueOrdering.AdjustmentForMove(waiting, [], OrderingPolicy.FirstComeFirstServed, 3, -1);
        waiting[2] = waiting[2] with { Adjustment = adjustment!.Value, AdjustedSequence = 2 };

        Assert.Equal([1L, 5, 2, 3, 4], before);
        Assert.Equal([1L, 5, 3, 2, 4], Ids(QueueOrdering.Order(waiting, [], OrderingPolicy.FirstComeFirstServed)));
    }

    [Fact]
    public void AdjustmentForMove_FirstUpOrPointOfOrderIntoOthers_IsRefused()
    {
        List<WaitingRequest> waiting = [Request(1, kind: SpeechKind.PointOfOrder), Request(2), Request(3)];

        Assert.Null(QueueOrdering.AdjustmentForMove(waiting, [], OrderingPolicy.FirstComeFirstServed, 2, -1));
        Assert.Null(QueueOrdering.AdjustmentForMove(waiting, [], OrderingPolicy.FirstComeFirstServed, 1, 1));
        Assert.Null(QueueOrdering.AdjustmentForMove(waiting, [], OrderingPolicy.FirstComeFirstServed, 99, 1));
    }

    [Fact]
    public void Order_ChairMove_IsExplainedOnTheCard()
    {
        var order = QueueOrdering.Order([Request(1), Request(2) with { Adjustment = -1, AdjustedSequence = 1 }], [], OrderingPolicy.FirstComeFirstServed);

        Assert.Equal(PlaceReasonKind.MovedUpByChair, order[0].Reason.Kind);
        Assert.Equal("Moved up by the chair", SpeakerQueueWords.Reason(SpeakerQueueKit.Texts, order[0].Reason));
    }

    [Fact]
    public void Categories_FromMissingOrInvalidProfile_AreUnknown()
    {
        var none = SpeakerCategories.From(null);
        var invalid = SpeakerCategories.From(new ParticipantProfile("x", "X", null, "pirates", null, "atlantis", null));

        Assert.Equal(SpeakerCategories.Unknown, none);
        Assert.Equal(SpeakerCategories.Unknown, invalid);
    }

    [Fact]
    public void Categories_WithoutSubregion_TakeItFromTheCountry()
    {
        var categories = SpeakerCategories.From(new ParticipantProfile("x", "X", null, "media", "FJ", null, "man"));

        Assert.Equal(SpeakerCategories.Of("media", "pacific", "man"), categories);
    }

    [Theory]
    [InlineData("fifo", OrderingPolicy.FirstComeFirstServed)]
    [InlineData("first-time", OrderingPolicy.FirstTimeFirst)]
    [InlineData("balanced", OrderingPolicy.Balanced)]
    public void PolicyCodes_RoundTrip(string code, OrderingPolicy policy)
    {
        Assert.Equal(policy, SpeakerQueueText.ParsePolicy(code));
        Assert.Equal(code, policy.Code());
    }

    [Fact]
    public void KindCodes_RoundTrip_AndUnknownIsRefused()
    {
        Assert.All(Enum.GetValues<SpeechKind>(), k => Assert.Equal(k, SpeakerQueueText.ParseKind(k.Code())));
        Assert.Null(SpeakerQueueText.ParseKind("PointOfOrder"));
    }
}
