using System.Globalization;
using GcmBot.Cards.Attendance;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Tests;

public sealed class AttendanceCardSamples : ICardSamples
{
    public IEnumerable<CardSample> Samples()
    {
        // English, the three translations, and the pseudo-locale (the longest texts).
        foreach (var culture in SupportedLanguages.All.Append(CultureInfo.GetCultureInfo(SupportedLanguages.PseudoTag)))
        {
            var tag = culture.Name;
            const string When = "Sat 5 Dec 2026, 10:00–12:00 (GMT+7)";
            yield return new CardSample($"attendance-recorded-{tag}", AttendanceCard.Build(new AttendanceCardModel(
                3, "Stakeholder consultation (a): Ensuring that migration is voluntary, orderly and regular", When,
                AttendanceCardState.Recorded, AttendanceCardProblem.None, 42, 30, 14, new UnregisteredCounts(5, 7, 12, 2),
                "Sat 5 Dec 2026, 12:40 (GMT+7)", null, "The attendance of consultation 3 is recorded.", true), culture));
            yield return new CardSample($"attendance-waiting-{tag}", AttendanceCard.Build(new AttendanceCardModel(
                3, SubmissionsCardSamples.Hostile, When, AttendanceCardState.Waiting, AttendanceCardProblem.PermissionDenied, 42, 0, 0,
                new UnregisteredCounts(0, 0, 0, 0), null, "Sat 5 Dec 2026, 13:10 (GMT+7)", null, true), culture));
            yield return new CardSample($"attendance-offline-{tag}", AttendanceCard.Build(new AttendanceCardModel(
                4, "Stakeholder consultation (b)", When, AttendanceCardState.NotAvailable, AttendanceCardProblem.None, 0, 0, 0,
                new UnregisteredCounts(0, 0, 0, 0), null, null, null, false), culture));
        }
    }
}
