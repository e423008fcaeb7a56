using GcmBot.Bot.Participants;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Attendance;

namespace GcmBot.Bot.Attendance;

public static class AttendanceCapability
{
    /// <summary>
    /// Real attendance: after each consultation, its Teams meeting's attendance report (through Scheduling's Graph
    /// integration), matched to registrants; the organisers' <c>attendance</c> command; figures for the reports.
    /// </summary>
    public static IServiceCollection AddAttendance(this IServiceCollection services)
    {
        services.AddOptions<AttendanceOptions>().BindConfiguration(AttendanceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AttendanceStore>();
        services.AddSingleton<AttendanceSignal>();
        services.AddSingleton<AttendanceReader>();
        services.AddSingleton<AttendanceViews>();
        services.AddSingleton<AttendanceNotifier>();
        services.AddHostedService<AttendanceWorker>();
        services.AddScoped<IPersonalDataEraser, AttendanceEraser>();

        services.AddBotCommand<AttendanceCommand>("attendance", "Command.Attendance", ConversationScopes.Personal,
            "attendance <consultation number>", forOrganisers: true, texts: typeof(AttendanceTexts));
        services.AddCardAction<FetchAttendanceAction>(AttendanceVerbs.FetchNow, forOrganisers: true);
        return services;
    }
}

/// <summary>"Forget me": the person's attendance rows go (whether they attended); the counts of others stay.</summary>
public sealed class AttendanceEraser(AttendanceStore store) : IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) => store.ForgetPersonAsync(userStableId, cancellationToken);
}
