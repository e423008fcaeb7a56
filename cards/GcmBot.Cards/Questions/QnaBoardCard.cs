using System.Globalization;
using GcmBot.Cards.AdaptiveCards;
using GcmBot.Cards.Words;

namespace GcmBot.Cards.Questions;

/// <summary>
/// The Q&amp;A board: one message per session in the chat, updated in place. The shared message (<see
/// cref="QnaViewer.Everyone"/>) never names anyone; a participant's view (the answer to their own button press) marks
/// their votes and questions; a moderator's view adds the approval queue and the moderation buttons. The shared
/// message is in the chat's language, a person's view in theirs.
/// </summary>
public static class QnaBoardCard
{
    public static AdaptiveCard Build(QnaBoardModel model, CultureInfo culture)
    {
        var t = QnaCardParts.Texts(culture);
        var body = new List<CardElement> { Header(t, model) };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, model.NoticeIsWarning));
        }

        if (model.Viewer != QnaViewer.Everyone)
        {
            body.AddRange(model.AnsweredForViewer.Take(QnaLimits.MaxListed).Select(q => AnsweredForViewerBlock(t, q)));
        }

        if (model.Links.Count > 0)
        {
            body.Add(new ActionSet(model.Links.Select(l => (CardAction)new OpenUrlAction(l.Url) { Title = l.Title }).ToList()));
        }

        // A question shows its buttons (and so its inputs) once: input ids must be unique on a card.
        var shown = new HashSet<int>();
        if (model.Pinned is { } pinned && model.Page is null)
        {
            body.Add(PinnedBlock(t, model, pinned));
        }

        if (model.Viewer == QnaViewer.Moderator && model.Page is null)
        {
            body.AddRange(WaitingBlocks(t, model, shown));
        }

        body.AddRange(QuestionBlocks(t, model, shown));

        if (model.Page is null && model.RecentlyAnswered.Count > 0)
        {
            body.Add(new TextBlock(t["Board.AnsweredRecently"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Large });
            foreach (var question in model.RecentlyAnswered.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed))
            {
                body.Add(QuestionBlock(t, model, question));
            }
        }

        var own = model.ViewerQuestions.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed).ToList();
        if (model.Viewer != QnaViewer.Everyone && own.Count > 0)
        {
            body.Add(new TextBlock(t["Board.YourQuestions"]) { Weight = TextWeight.Bolder, Spacing = Spacing.Large });
            body.AddRange(own.Select(q => QuestionBlock(t, model, q)));
        }

        body.Add(new TextBlock(QnaCardParts.PolicyText(t, model.AskerVisibility)) { Size = TextSize.Small, IsSubtle = true, Separator = true });
        if (model.Viewer == QnaViewer.Everyone && model.IsOpen)
        {
            body.Add(new TextBlock(t["Board.MyViewHint"])
            {
                Size = TextSize.Small,
                IsSubtle = true,
                Spacing = Spacing.None,
            });
        }

        return new AdaptiveCard(body)
        {
            Actions = CardActions(t, model),
            FallbackText = t["Board.Fallback", model.Title],
            Lang = SupportedLanguages.TagOf(culture),
            Refresh = model.RefreshUserIds.Count > 0
                ? new CardRefresh(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, model.SessionId)) { Title = t["Button.Refresh"] }, model.RefreshUserIds.Take(QnaLimits.MaxRefreshUsers).ToList())
                : null,
        };
    }

    private static Container Header(TextResources t, QnaBoardModel model)
    {
        var counts = t["Board.Counts", t[model.IsOpen ? "Board.Open" : "Board.Closed"], model.OpenCount, model.AnsweredCount, model.TotalVotes];
        if (model.Viewer == QnaViewer.Moderator && model.WaitingCount > 0)
        {
            counts += t["Board.WaitingCount", model.WaitingCount];
        }

        var items = new List<CardElement>
        {
            new RichTextBlock([new TextRun(t["Board.TitlePrefix"] + " ") { Size = TextSize.Large, Weight = TextWeight.Bolder }, new TextRun(model.Title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(counts) { IsSubtle = true, Spacing = Spacing.None, Color = model.IsOpen ? TextColor.Default : TextColor.Warning },
        };
        if (!string.IsNullOrEmpty(model.EventId))
        {
            items.Add(QnaCardParts.Labelled(t["Board.Event"], model.EventId) with { Spacing = Spacing.None });
        }

        if (model.PreModeration && model.IsOpen)
        {
            items.Add(new TextBlock(t["Board.PreModerationHint"]) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
        }

        if (!model.IsOpen)
        {
            items.Add(new TextBlock(t["Board.ClosedHint"]) { Size = TextSize.Small, Spacing = Spacing.Small });
        }

        return new Container(items) { Style = ContainerStyle.Emphasis };
    }

    /// <summary>"Your question was answered", for a person who could not be told in a personal chat.</summary>
    private static Container AnsweredForViewerBlock(TextResources t, QnaQuestionItem question)
    {
        var items = new List<CardElement>
        {
            new TextBlock(t["Board.AnsweredForYou"]) { Weight = TextWeight.Bolder, Color = TextColor.Good },
            QnaCardParts.QuestionText(question, QnaLimits.ListedTextLength),
        };
        if (question.MergedIntoNumber is { } target)
        {
            items.Add(new TextBlock(t["Board.AnsweredAs", target]) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
        }

        items.Add(QnaCardParts.AnswerText(t, question, QnaLimits.ListedAnswerLength)
            ?? (CardElement)new TextBlock(t["Answered.Live"]) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
        return new Container(items) { Style = ContainerStyle.Good, Spacing = Spacing.Medium };
    }

    private static Container PinnedBlock(TextResources t, QnaBoardModel model, QnaQuestionItem pinned)
    {
        var items = new List<CardElement>
        {
            new TextBlock(t["Board.NowAnswering"]) { Weight = TextWeight.Bolder, Color = TextColor.Accent },
            QnaCardParts.QuestionText(pinned, QnaLimits.ListedTextLength),
            new TextBlock(QnaCardParts.Votes(t, pinned.Votes)) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Viewer == QnaViewer.Moderator)
        {
            items.Add(new ActionSet([new ExecuteAction(QnaCardParts.Data(QnaVerbs.Unpin, model.SessionId)) { Title = t["Button.Unpin"], SendInputs = false }]));
        }

        return new Container(items) { Style = ContainerStyle.Accent, Spacing = Spacing.Medium };
    }

    private static IEnumerable<CardElement> WaitingBlocks(TextResources t, QnaBoardModel model, HashSet<int> shown)
    {
        if (model.WaitingCount == 0)
        {
            yield break;
        }

        yield return new TextBlock(t["Board.WaitingHeading", model.WaitingCount])
        {
            Weight = TextWeight.Bolder,
            Color = TextColor.Warning,
            Spacing = Spacing.Large,
        };
        foreach (var question in model.Waiting.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed))
        {
            yield return QuestionBlock(t, model, question);
        }
    }

    private static IEnumerable<CardElement> QuestionBlocks(TextResources t, QnaBoardModel model, HashSet<int> shown)
    {
        var heading = model.Page is { } page
            ? t["Board.Page", page.Index + 1, Math.Max(page.Count, 1)]
            : t["Board.TopQuestions"];
        yield return new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Large };
        if (model.Questions.Count == 0)
        {
            yield return new TextBlock(t[model.IsOpen ? "Board.NoQuestionsYet" : "Board.NoQuestionsAsked"]) { IsSubtle = true };
            yield break;
        }

        foreach (var question in model.Questions.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed))
        {
            yield return QuestionBlock(t, model, question);
        }
    }

    private static Container QuestionBlock(TextResources t, QnaBoardModel model, QnaQuestionItem question)
    {
        var details = new List<string> { QnaCardParts.Votes(t, question.Votes) };
        if (question.Status != QnaQuestionStatus.Open)
        {
            details.Add(QnaCardParts.StatusText(t, question));
        }

        if (model.Pinned?.Id == question.Id)
        {
            details.Add(t["Detail.NowAnswering"]);
        }

        if (model.Viewer != QnaViewer.Everyone && question.AskedByViewer)
        {
            details.Add(t["Detail.AskedByYou"]);
        }

        if (model.Viewer == QnaViewer.Moderator && QnaCardParts.AskedBy(t, question, QnaLimits.ListedNameLength) is { } askedBy)
        {
            details.Add(askedBy);
        }

        var items = new List<CardElement>
        {
            QnaCardParts.QuestionText(question, QnaLimits.ListedTextLength),
            // The asker's name (moderators only) may be anything a person typed: plain text run, never Markdown.
            new RichTextBlock([new TextRun((question.Status == QnaQuestionStatus.Answered ? "✓ " : "▲ ") + string.Join(" · ", details)) { Size = TextSize.Small, IsSubtle = true }])
            {
                Spacing = Spacing.None,
            },
        };
        if (QnaCardParts.AnswerText(t, question, QnaLimits.ListedAnswerLength) is { } answer)
        {
            items.Add(answer);
        }

        var actions = QuestionActions(t, model, question).ToList();
        if (actions.Count > 0)
        {
            items.Add(new ActionSet(actions) { Spacing = Spacing.Small });
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static IEnumerable<CardAction> QuestionActions(TextResources t, QnaBoardModel model, QnaQuestionItem question)
    {
        if (!model.IsOpen)
        {
            yield break;
        }

        if (question.Status == QnaQuestionStatus.Open)
        {
            yield return QnaCardParts.VoteButton(t, model.SessionId, model.Viewer, question);
        }

        // Changing a question happens on its own card (one press away), which keeps the board small.
        if (model.Viewer == QnaViewer.Moderator && question.Status is QnaQuestionStatus.Waiting or QnaQuestionStatus.Open)
        {
            yield return OpenQuestionButton(model.SessionId, question, t["Button.Moderate"]);
        }
        else if (model.Viewer != QnaViewer.Everyone && QnaCardParts.AskerMayChange(question, model.IsOpen))
        {
            yield return OpenQuestionButton(model.SessionId, question, t["Button.EditOrWithdraw"]);
        }
        else if (question.Text.Length > QnaLimits.ListedTextLength || question.Answer?.Length > QnaLimits.ListedAnswerLength)
        {
            yield return OpenQuestionButton(model.SessionId, question, t["Button.ReadAll"]);
        }
    }

    private static ExecuteAction OpenQuestionButton(int sessionId, QnaQuestionItem question, string title) =>
        new(QnaCardParts.Data(QnaVerbs.Question, sessionId, question.Id)) { Title = title, SendInputs = false };

    private static List<CardAction> CardActions(TextResources t, QnaBoardModel model)
    {
        var s = model.SessionId;
        var actions = new List<CardAction>();
        if (model.IsOpen)
        {
            actions.Add(new ShowCardAction(AskForm(t, model)) { Title = t["Button.Ask"] });
        }

        if (model.Page is { } page)
        {
            if (page.Index > 0)
            {
                actions.Add(PageButton(s, page.Index - 1, t["Button.Previous"]));
            }

            if (page.Index + 1 < page.Count)
            {
                actions.Add(PageButton(s, page.Index + 1, t["Button.Next"]));
            }

            actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = t["Button.BackToBoard"], SendInputs = false });
        }
        else if (model.OpenCount + model.AnsweredCount > model.Questions.Count + model.RecentlyAnswered.Count)
        {
            actions.Add(PageButton(s, 0, t["Button.ShowAll"]));
        }

        switch (model.Viewer)
        {
            case QnaViewer.Everyone:
                actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = t["Button.MyView"], SendInputs = false });
                actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s, null, (QnaKeys.Moderate, "1")))
                {
                    Title = t["Button.Moderate"],
                    Tooltip = t["Button.ModerateTooltip"],
                    SendInputs = false,
                });
                break;
            case QnaViewer.Moderator:
                actions.Add(new ShowCardAction(SessionControls(t, model)) { Title = t["Button.Session"] });
                break;
            default:
                if (model.Page is null)
                {
                    actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = t["Button.Refresh"], SendInputs = false });
                }

                break;
        }

        return actions;
    }

    private static ExecuteAction PageButton(int sessionId, int page, string title) =>
        new(QnaCardParts.Data(QnaVerbs.View, sessionId, null, (QnaKeys.Page, page.ToString(CultureInfo.InvariantCulture))))
        {
            Title = title,
            SendInputs = false,
        };

    private static AdaptiveCard AskForm(TextResources t, QnaBoardModel model)
    {
        var body = new List<CardElement>
        {
            new TextInput
            {
                Id = QnaKeys.Text,
                Label = t["Ask.Label"],
                Placeholder = t["Ask.Placeholder"],
                MaxLength = QnaLimits.QuestionLength,
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = t["Ask.Required"],
            },
        };
        if (model.AskerVisibility == QnaAskerVisibility.Moderators)
        {
            body.Add(new ToggleInput(t["Ask.HideName"]) { Id = QnaKeys.Anonymous });
        }

        body.Add(new TextBlock(t[model.PreModeration ? "Ask.FormHintPreModeration" : "Ask.FormHint"])
        {
            Size = TextSize.Small,
            IsSubtle = true,
        });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(QnaCardParts.Data(QnaVerbs.Ask, model.SessionId)) { Title = t["Ask.Send"], Style = ActionStyle.Positive }],
        };
    }

    private static AdaptiveCard SessionControls(TextResources t, QnaBoardModel model)
    {
        var s = model.SessionId;
        var actions = new List<CardAction>
        {
            model.IsOpen
                ? new ExecuteAction(QnaCardParts.Data(QnaVerbs.Close, s)) { Title = t["Session.Close"], Style = ActionStyle.Destructive, SendInputs = false }
                : new ExecuteAction(QnaCardParts.Data(QnaVerbs.Reopen, s)) { Title = t["Session.Reopen"], SendInputs = false },
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.PreModeration, s, null, (QnaKeys.On, model.PreModeration ? "0" : "1")))
            {
                Title = t[model.PreModeration ? "Session.PreModerationOff" : "Session.PreModerationOn"],
                SendInputs = false,
            },
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.Export, s)) { Title = t["Session.Export"], SendInputs = false },
        };
        return new AdaptiveCard(
        [
            new TextBlock(t[model.PreModeration ? "Session.PreModerationIsOn" : "Session.PreModerationIsOff"])
            {
                Size = TextSize.Small,
            },
            new ActionSet(actions),
        ]);
    }
}
