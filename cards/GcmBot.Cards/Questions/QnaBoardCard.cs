using System.Globalization;
using GcmBot.Cards.AdaptiveCards;

namespace GcmBot.Cards.Questions;

/// <summary>
/// The Q&amp;A board: one message per session in the chat, updated in place. The shared message (<see
/// cref="QnaViewer.Everyone"/>) never names anyone; a participant's view (the answer to their own button press) marks
/// their votes and questions; a moderator's view adds the approval queue and the moderation buttons.
/// </summary>
public static class QnaBoardCard
{
    public static AdaptiveCard Build(QnaBoardModel model)
    {
        var body = new List<CardElement> { Header(model) };
        if (model.Notice is not null)
        {
            body.Add(QnaCardParts.Notice(model.Notice, model.NoticeIsWarning));
        }

        if (model.Links.Count > 0)
        {
            body.Add(new ActionSet(model.Links.Select(l => (CardAction)new OpenUrlAction(l.Url) { Title = l.Title }).ToList()));
        }

        // A question shows its buttons (and so its inputs) once: input ids must be unique on a card.
        var shown = new HashSet<int>();
        if (model.Pinned is { } pinned && model.Page is null)
        {
            body.Add(PinnedBlock(model, pinned));
        }

        if (model.Viewer == QnaViewer.Moderator && model.Page is null)
        {
            body.AddRange(WaitingBlocks(model, shown));
        }

        body.AddRange(QuestionBlocks(model, shown));

        if (model.Page is null && model.RecentlyAnswered.Count > 0)
        {
            body.Add(new TextBlock("Answered recently") { Weight = TextWeight.Bolder, Spacing = Spacing.Large });
            foreach (var question in model.RecentlyAnswered.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed))
            {
                body.Add(QuestionBlock(model, question));
            }
        }

        var own = model.ViewerQuestions.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed).ToList();
        if (model.Viewer != QnaViewer.Everyone && own.Count > 0)
        {
            body.Add(new TextBlock("Your questions") { Weight = TextWeight.Bolder, Spacing = Spacing.Large });
            body.AddRange(own.Select(q => QuestionBlock(model, q)));
        }

        body.Add(new TextBlock(QnaCardParts.PolicyText(model.AskerVisibility)) { Size = TextSize.Small, IsSubtle = true, Separator = true });
        if (model.Viewer == QnaViewer.Everyone && model.IsOpen)
        {
            body.Add(new TextBlock("Press **My view** to see your own votes and questions; only you see that view.")
            {
                Size = TextSize.Small,
                IsSubtle = true,
                Spacing = Spacing.None,
            });
        }

        return new AdaptiveCard(body)
        {
            Actions = CardActions(model),
            FallbackText = $"Q&A: {model.Title}",
            Refresh = model.RefreshUserIds.Count > 0
                ? new CardRefresh(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, model.SessionId)) { Title = "Refresh" }, model.RefreshUserIds.Take(QnaLimits.MaxRefreshUsers).ToList())
                : null,
        };
    }

    private static Container Header(QnaBoardModel model)
    {
        var counts = string.Create(
            CultureInfo.InvariantCulture,
            $"{(model.IsOpen ? "Open" : "Closed")} · {model.OpenCount:N0} open · {model.AnsweredCount:N0} answered · {QnaCardParts.Votes(model.TotalVotes)}");
        if (model.Viewer == QnaViewer.Moderator && model.WaitingCount > 0)
        {
            counts += string.Create(CultureInfo.InvariantCulture, $" · {model.WaitingCount:N0} waiting");
        }

        var items = new List<CardElement>
        {
            new RichTextBlock([new TextRun("Q&A · ") { Size = TextSize.Large, Weight = TextWeight.Bolder }, new TextRun(model.Title) { Size = TextSize.Large, Weight = TextWeight.Bolder }]),
            new TextBlock(counts) { IsSubtle = true, Spacing = Spacing.None, Color = model.IsOpen ? TextColor.Default : TextColor.Warning },
        };
        if (!string.IsNullOrEmpty(model.EventId))
        {
            items.Add(new RichTextBlock([new TextRun("Event: ") { IsSubtle = true }, new TextRun(model.EventId) { IsSubtle = true }]) { Spacing = Spacing.None });
        }

        if (model.PreModeration && model.IsOpen)
        {
            items.Add(new TextBlock("New questions appear here once a moderator approves them.") { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None });
        }

        if (!model.IsOpen)
        {
            items.Add(new TextBlock("This Q&A is closed: no new questions or votes. Thank you for taking part.") { Size = TextSize.Small, Spacing = Spacing.Small });
        }

        return new Container(items) { Style = ContainerStyle.Emphasis };
    }

    private static Container PinnedBlock(QnaBoardModel model, QnaQuestionItem pinned)
    {
        var items = new List<CardElement>
        {
            new TextBlock("Now answering") { Weight = TextWeight.Bolder, Color = TextColor.Accent },
            QnaCardParts.QuestionText(pinned, QnaLimits.ListedTextLength),
            new TextBlock(QnaCardParts.Votes(pinned.Votes)) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None },
        };
        if (model.Viewer == QnaViewer.Moderator)
        {
            items.Add(new ActionSet([new ExecuteAction(QnaCardParts.Data(QnaVerbs.Unpin, model.SessionId)) { Title = "Unpin", SendInputs = false }]));
        }

        return new Container(items) { Style = ContainerStyle.Accent, Spacing = Spacing.Medium };
    }

    private static IEnumerable<CardElement> WaitingBlocks(QnaBoardModel model, HashSet<int> shown)
    {
        if (model.WaitingCount == 0)
        {
            yield break;
        }

        yield return new TextBlock(string.Create(CultureInfo.InvariantCulture, $"Waiting for approval ({model.WaitingCount:N0}) · only moderators see these"))
        {
            Weight = TextWeight.Bolder,
            Color = TextColor.Warning,
            Spacing = Spacing.Large,
        };
        foreach (var question in model.Waiting.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed))
        {
            yield return QuestionBlock(model, question);
        }
    }

    private static IEnumerable<CardElement> QuestionBlocks(QnaBoardModel model, HashSet<int> shown)
    {
        var heading = model.Page is { } page
            ? string.Create(CultureInfo.InvariantCulture, $"All questions · page {page.Index + 1} of {Math.Max(page.Count, 1)}")
            : "Top questions";
        yield return new TextBlock(heading) { Weight = TextWeight.Bolder, Spacing = Spacing.Large };
        if (model.Questions.Count == 0)
        {
            yield return new TextBlock(model.IsOpen ? "No questions yet. Be the first to ask!" : "No questions were asked.") { IsSubtle = true };
            yield break;
        }

        foreach (var question in model.Questions.Where(q => shown.Add(q.Id)).Take(QnaLimits.MaxListed))
        {
            yield return QuestionBlock(model, question);
        }
    }

    private static Container QuestionBlock(QnaBoardModel model, QnaQuestionItem question)
    {
        var details = new List<string> { QnaCardParts.Votes(question.Votes) };
        if (question.Status != QnaQuestionStatus.Open)
        {
            details.Add(QnaCardParts.StatusText(question));
        }

        if (model.Pinned?.Id == question.Id)
        {
            details.Add("now answering");
        }

        if (model.Viewer != QnaViewer.Everyone && question.AskedByViewer)
        {
            details.Add("asked by you");
        }

        if (model.Viewer == QnaViewer.Moderator && question.AskerLabel is not null && !question.AskedByViewer)
        {
            details.Add("asked by " + QnaCardParts.Shorten(question.AskerLabel, QnaLimits.ListedNameLength));
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
        if (QnaCardParts.AnswerText(question, QnaLimits.ListedAnswerLength) is { } answer)
        {
            items.Add(answer);
        }

        var actions = QuestionActions(model, question).ToList();
        if (actions.Count > 0)
        {
            items.Add(new ActionSet(actions) { Spacing = Spacing.Small });
        }

        return new Container(items) { Separator = true, Spacing = Spacing.Medium };
    }

    private static IEnumerable<CardAction> QuestionActions(QnaBoardModel model, QnaQuestionItem question)
    {
        if (!model.IsOpen)
        {
            yield break;
        }

        if (question.Status == QnaQuestionStatus.Open)
        {
            yield return VoteButton(model, question);
        }

        // Changing a question happens on its own card (one press away), which keeps the board small.
        if (model.Viewer == QnaViewer.Moderator && question.Status is QnaQuestionStatus.Waiting or QnaQuestionStatus.Open)
        {
            yield return OpenQuestionButton(model.SessionId, question, "Moderate");
        }
        else if (model.Viewer != QnaViewer.Everyone && QnaCardParts.AskerMayChange(question, model.IsOpen))
        {
            yield return OpenQuestionButton(model.SessionId, question, "Edit or withdraw");
        }
        else if (question.Text.Length > QnaLimits.ListedTextLength || question.Answer?.Length > QnaLimits.ListedAnswerLength)
        {
            yield return OpenQuestionButton(model.SessionId, question, "Read all");
        }
    }

    private static ExecuteAction OpenQuestionButton(int sessionId, QnaQuestionItem question, string title) =>
        new(QnaCardParts.Data(QnaVerbs.Question, sessionId, question.Id)) { Title = title, SendInputs = false };

    private static ExecuteAction VoteButton(QnaBoardModel model, QnaQuestionItem question) => QnaCardParts.VoteButton(model.SessionId, model.Viewer, question);

    private static List<CardAction> CardActions(QnaBoardModel model)
    {
        var s = model.SessionId;
        var actions = new List<CardAction>();
        if (model.IsOpen)
        {
            actions.Add(new ShowCardAction(AskForm(model)) { Title = "Ask a question" });
        }

        if (model.Page is { } page)
        {
            if (page.Index > 0)
            {
                actions.Add(PageButton(s, page.Index - 1, "◀ Previous"));
            }

            if (page.Index + 1 < page.Count)
            {
                actions.Add(PageButton(s, page.Index + 1, "Next ▶"));
            }

            actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = "Back to the board", SendInputs = false });
        }
        else if (model.OpenCount + model.AnsweredCount > model.Questions.Count + model.RecentlyAnswered.Count)
        {
            actions.Add(PageButton(s, 0, "Show all"));
        }

        switch (model.Viewer)
        {
            case QnaViewer.Everyone:
                actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = "My view", SendInputs = false });
                actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s, null, (QnaKeys.Moderate, "1")))
                {
                    Title = "Moderate",
                    Tooltip = "For the organisers and the meeting's presenters",
                    SendInputs = false,
                });
                break;
            case QnaViewer.Moderator:
                actions.Add(new ShowCardAction(SessionControls(model)) { Title = "Session" });
                break;
            default:
                if (model.Page is null)
                {
                    actions.Add(new ExecuteAction(QnaCardParts.Data(QnaVerbs.View, s)) { Title = "Refresh", SendInputs = false });
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

    private static AdaptiveCard AskForm(QnaBoardModel model)
    {
        var body = new List<CardElement>
        {
            new TextInput
            {
                Id = QnaKeys.Text,
                Label = "Your question",
                Placeholder = "What would you like to ask?",
                MaxLength = QnaLimits.QuestionLength,
                IsMultiline = true,
                IsRequired = true,
                ErrorMessage = "Please write your question.",
            },
        };
        if (model.AskerVisibility == QnaAskerVisibility.Moderators)
        {
            body.Add(new ToggleInput("Hide my name from the moderators too") { Id = QnaKeys.Anonymous });
        }

        body.Add(new TextBlock(model.PreModeration
            ? "Only you see this form. A moderator approves questions before they appear."
            : "Only you see this form. Other participants will not see who asked.")
        {
            Size = TextSize.Small,
            IsSubtle = true,
        });
        return new AdaptiveCard(body)
        {
            Actions = [new ExecuteAction(QnaCardParts.Data(QnaVerbs.Ask, model.SessionId)) { Title = "Send question", Style = ActionStyle.Positive }],
        };
    }

    private static AdaptiveCard SessionControls(QnaBoardModel model)
    {
        var s = model.SessionId;
        var actions = new List<CardAction>
        {
            model.IsOpen
                ? new ExecuteAction(QnaCardParts.Data(QnaVerbs.Close, s)) { Title = "Close the Q&A", Style = ActionStyle.Destructive, SendInputs = false }
                : new ExecuteAction(QnaCardParts.Data(QnaVerbs.Reopen, s)) { Title = "Reopen the Q&A", SendInputs = false },
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.PreModeration, s, null, (QnaKeys.On, model.PreModeration ? "0" : "1")))
            {
                Title = model.PreModeration ? "Turn pre-moderation off" : "Turn pre-moderation on",
                SendInputs = false,
            },
            new ExecuteAction(QnaCardParts.Data(QnaVerbs.Export, s)) { Title = "Export (CSV, Markdown)", SendInputs = false },
        };
        return new AdaptiveCard(
        [
            new TextBlock(model.PreModeration
                ? "Pre-moderation is on: new questions wait for approval."
                : "Pre-moderation is off: new questions appear at once.")
            {
                Size = TextSize.Small,
            },
            new ActionSet(actions),
        ]);
    }
}
