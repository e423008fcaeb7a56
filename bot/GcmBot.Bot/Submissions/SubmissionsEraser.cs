using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Submissions;

/// <summary>
/// "Forget me" for written submissions: the person's id and name leave all of them; one published with their name is
/// withdrawn (see <see cref="SubmissionStore.EraseAuthorAsync"/>).
/// </summary>
public sealed class SubmissionsEraser(SubmissionStore store) : IPersonalDataEraser
{
    public Task EraseAsync(string userStableId, CancellationToken cancellationToken) =>
        store.EraseAuthorAsync(userStableId, cancellationToken);
}
