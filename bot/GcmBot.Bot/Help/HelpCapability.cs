using GcmBot.Bot.Teams;
using GcmBot.Bot.Teams.Organisers;
using GcmBot.Bot.Teams.Routing;
using GcmBot.Cards.Help;
using Microsoft.Extensions.Localization;

namespace GcmBot.Bot.Help;

public static class HelpCapability
{
    /// <summary>
    /// <c>help</c>: the home card in a personal chat (organisers: the engagement at a glance and a button per task;
    /// participants: their few tasks), the command list elsewhere; greetings and thanks answered the same way; the
    /// welcome on installation; the choice of consultation for the commands that need one.
    /// </summary>
    public static IServiceCollection AddHelp(this IServiceCollection services)
    {
        services.AddBotCommand<HelpCommand>("help", "Command.Help", ConversationScopes.All, usage: "help [all]", texts: typeof(HelpTexts));
        services.AddConversationEvents<WelcomeOnInstall>();
        services.AddSmallTalk<SmallTalk>();
        services.AddScoped<HomeView>();
        services.AddScoped<DeskFigures>();
        services.AddChoiceSource<ConsultationChoices>();
        return services;
    }
}

/// <summary>
/// <c>help</c> in a personal chat: the home card; <c>help all</c> and <c>help</c> in a shared chat: every command that
/// works there, with organiser commands for organisers only.
/// </summary>
public sealed class HelpCommand(HomeView home) : ICommandHandler
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken cancellationToken) =>
        home.SendAsync(turn, greeting: null, allCommands: input.Arguments.Length > 0, cancellationToken);
}

/// <summary>Greetings and thanks, in the four languages, answered with a friendly line and the home card.</summary>
public sealed class SmallTalk(HomeView home, IStringLocalizer<HelpTexts> texts) : IUnmatchedTextHandler
{
    public async Task<bool> TryAnswerAsync(BotTurn turn, string text, CancellationToken cancellationToken)
    {
        var kind = SmallTalkWords.Classify(text);
        if (kind is null)
        {
            return false;
        }

        var greeting = kind switch
        {
            SmallTalkKind.Thanks => texts["Thanks"].Value,
            SmallTalkKind.Greeting => texts["Hello"].Value,
            _ => null,
        };
        await home.SendAsync(turn, greeting, allCommands: false, cancellationToken);
        return true;
    }
}

/// <summary>Builds and sends the home card (personal chat) or the command list (shared chats, or when asked for all).</summary>
public sealed class HomeView(
    RouteTable routes,
    IOrganiserPolicy organisers,
    IStringLocalizerFactory localizers,
    DeskFigures figures)
{
    /// <summary>The organisers' tasks, grouped as the home card shows them; commands not registered are left out.</summary>
    private static readonly (HomeGroup Group, string[] Commands)[] OrganiserTasks =
    [
        (HomeGroup.Events, ["events", "registrations", "approvals", "export registrations", "event add", "event edit"]),
        (HomeGroup.Consultations, ["schedule", "consultations", "concept note", "resources", "cancel consultation", "retry consultation", "key issues", "attendance", "report", "report representation", "draft summary"]),
        (HomeGroup.Submissions, ["review submissions"]),
        (HomeGroup.Panels, ["panel review"]),
        (HomeGroup.SideEvents, ["review side events"]),
        (HomeGroup.Directory, ["directory", "directory import"]),
        (HomeGroup.Settings, ["language"]),
    ];

    /// <summary>A participant's tasks; "forget me" is kept apart, last.</summary>
    private static readonly (HomeGroup Group, string[] Commands)[] ParticipantTasks =
    [
        (HomeGroup.Participation, ["register", "my registrations", "events", "submit", "my submissions", "my questions"]),
        (HomeGroup.Panels, ["propose panellist", "panels", "my panel proposals"]),
        (HomeGroup.SideEvents, ["propose side event", "my side events"]),
        (HomeGroup.Settings, ["language"]),
    ];

    public async Task SendAsync(BotTurn turn, string? greeting, bool allCommands, CancellationToken cancellationToken)
    {
        var isOrganiser = await organisers.IsOrganiserAsync(turn, cancellationToken);
        var list = new HelpCardModel(turn.Scope.Describe(), Entries(turn.Scope), isOrganiser);
        if (turn.Scope != ConversationScopes.Personal || allCommands)
        {
            await turn.SendCardAsync(HelpCard.Build(list, turn.Culture, greeting), cancellationToken);
            return;
        }

        HomeCardModel model;
        if (isOrganiser)
        {
            var desk = await figures.ReadAsync(turn.TimeZone, turn.Culture, cancellationToken);
            model = new HomeCardModel(true, greeting, desk.Events, desk.Waiting, Tasks(OrganiserTasks), null, list);
        }
        else
        {
            model = new HomeCardModel(false, greeting, [], null, Tasks(ParticipantTasks), Registered("forget me") ? "forget me" : null, list);
        }

        await turn.SendCardAsync(HomeCard.Build(model, turn.Culture), cancellationToken);
    }

    private List<HelpEntry> Entries(ConversationScopes scope) => routes.Commands
        .Where(c => (c.Scopes & scope) != 0)
        .Select(c => new HelpEntry(c.Words, c.Usage, c.LocalisedSummary(localizers), c.ForOrganisers, c.ForModerators))
        .ToList();

    private List<HomeTaskGroup> Tasks((HomeGroup Group, string[] Commands)[] groups) =>
        groups.Select(g => new HomeTaskGroup(g.Group, g.Commands.Where(Registered).ToList())).ToList();

    private bool Registered(string words) =>
        routes.Commands.Any(c => string.Equals(c.Words, words, StringComparison.OrdinalIgnoreCase) && (c.Scopes & ConversationScopes.Personal) != 0);
}

/// <summary>Greets once when the bot is installed in a personal chat or added to a chat, team or meeting.</summary>
public sealed class WelcomeOnInstall : IConversationEventHandler
{
    public async Task OnBotAddedAsync(BotTurn turn, CancellationToken cancellationToken)
    {
        var place = turn.Scope switch
        {
            ConversationScopes.Personal => WelcomePlace.PersonalChat,
            ConversationScopes.Meeting => WelcomePlace.MeetingChat,
            ConversationScopes.Channel => WelcomePlace.Team,
            _ => WelcomePlace.GroupChat,
        };
        await turn.SendCardAsync(WelcomeCard.Build(place, turn.Culture), cancellationToken);
    }
}

/// <summary>Names the resource files of this folder (<c>HelpTexts.resx</c> and its translations).</summary>
public sealed class HelpTexts;
