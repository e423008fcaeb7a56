using GcmBot.Bot.Attendance;

namespace GcmBot.Bot.Tests.Attendance;

public sealed class AttendanceMatchingTests
{
    private static readonly KnownRegistrant Amina = new("a11ce000-0000-0000-0000-000000000001", "amina@migrant-forum.example.org");
    private static readonly KnownRegistrant Tran = new("b0b00000-0000-0000-0000-000000000002", "tran@cso.example.org");
    private static readonly KnownRegistrant WebOnly = new("web:7f3a", "lan@example.org");

    [Fact]
    public void Match_ByObjectIdOrEmail_FindsRegistrantsAndListsTheInvitedWhoDidNotCome()
    {
        var tally = AttendanceMatcher.Match(
            [
                new MeetingAttendee(null, "A11CE000-0000-0000-0000-000000000001", AttendeeKind.Member),
                new MeetingAttendee(" LAN@example.org ", "99999999-0000-0000-0000-000000000009", AttendeeKind.Guest),
            ],
            [Amina, Tran, WebOnly],
            [Amina.UserStableId, Tran.UserStableId]);

        Assert.Equal([Amina.UserStableId, WebOnly.UserStableId], tally.Attended);
        Assert.Equal([Tran.UserStableId], tally.Absent);
        Assert.Equal(2, tally.Total);
    }

    [Fact]
    public void Match_Unregistered_CountsEachKindAndEachSignedInPersonOnce()
    {
        var tally = AttendanceMatcher.Match(
            [
                new MeetingAttendee("staff@rnm.example.org", "11111111-0000-0000-0000-000000000001", AttendeeKind.Member),
                new MeetingAttendee("staff@rnm.example.org", "11111111-0000-0000-0000-000000000001", AttendeeKind.Member),
                new MeetingAttendee("guest@partner.example.org", null, AttendeeKind.Guest),
                new MeetingAttendee(null, null, AttendeeKind.Anonymous),
                new MeetingAttendee(null, null, AttendeeKind.Anonymous),
                new MeetingAttendee(null, null, AttendeeKind.Phone),
            ],
            [Amina],
            [Amina.UserStableId]);

        Assert.Empty(tally.Attended);
        Assert.Equal([Amina.UserStableId], tally.Absent);
        Assert.Equal((1, 1, 2, 1), (tally.MembersNotRegistered, tally.Guests, tally.Anonymous, tally.ByPhone));
        Assert.Equal(5, tally.Total);
    }

    [Fact]
    public void Match_AnonymousWithARegistrantsName_IsNeverMatchedByName()
    {
        var tally = AttendanceMatcher.Match([new MeetingAttendee(null, null, AttendeeKind.Anonymous)], [Amina], []);

        Assert.Empty(tally.Attended);
        Assert.Equal(1, tally.Anonymous);
    }
}
