using GcmBot.Bot.Panels;
using GcmBot.Bot.Participants;

namespace GcmBot.Bot.Tests.Panels;

public sealed class PanelRulesTests
{
    private static PanelInput Input(params (PanelField Field, string? Value)[] overrides)
    {
        var values = new Dictionary<PanelField, string?>
        {
            [PanelField.Panel] = "B",
            [PanelField.Name] = "  Maria   Santos ",
            [PanelField.Organisation] = string.Empty,
            [PanelField.Group] = "civil-society",
            [PanelField.Country] = "ph",
            [PanelField.Expertise] = "Borders.",
            [PanelField.Languages] = "English",
            [PanelField.Position] = "Alternatives to detention.",
            [PanelField.Email] = null,
            [PanelField.Consent] = PanelRules.ConsentYes,
        };
        foreach (var (field, value) in overrides)
        {
            values[field] = value;
        }

        return new PanelInput(values);
    }

    [Fact]
    public void Check_ValidForm_TidiesAndNormalises()
    {
        var check = PanelRules.Check(Input());

        Assert.True(check.IsValid);
        Assert.Equal('b', check.Content!.Panel);
        Assert.Equal("Maria Santos", check.Content.NomineeName);
        Assert.Equal("PH", check.Content.Country);
        Assert.Null(check.Content.Organisation);
        Assert.Null(check.Content.Email);
        Assert.True(check.Content.NamedWithConsent);
    }

    [Theory]
    [InlineData(PanelField.Panel, "e", PanelProblemKind.NotAChoice)]
    [InlineData(PanelField.Panel, "", PanelProblemKind.Required)]
    [InlineData(PanelField.Group, "lobbyists", PanelProblemKind.NotAChoice)]
    [InlineData(PanelField.Country, "XX", PanelProblemKind.NotAChoice)]
    [InlineData(PanelField.Email, "a@b", PanelProblemKind.EmailShape)]
    [InlineData(PanelField.Consent, "", PanelProblemKind.ConsentRequired)]
    [InlineData(PanelField.Consent, "maybe", PanelProblemKind.NotAChoice)]
    [InlineData(PanelField.Languages, "   ", PanelProblemKind.Required)]
    public void Check_BadAnswer_IsReportedOnItsField(PanelField field, string value, PanelProblemKind kind)
    {
        var check = PanelRules.Check(Input((field, value)));

        Assert.False(check.IsValid);
        Assert.Equal(kind, Assert.Single(check.Problems).Value.Kind);
        Assert.Equal(field, check.Problems.Single().Key);
    }

    [Fact]
    public void Check_TooLong_GivesTheLimit()
    {
        var check = PanelRules.Check(Input((PanelField.Expertise, new string('e', PanelRules.MaxExpertiseLength + 1))));

        Assert.Equal(new PanelProblem(PanelProblemKind.TooLong, PanelRules.MaxExpertiseLength), check.Problems[PanelField.Expertise]);
    }

    [Theory]
    [InlineData(ProposalStatus.Proposed, PanelDecision.Shortlist, true)]
    [InlineData(ProposalStatus.Shortlisted, PanelDecision.Shortlist, false)]
    [InlineData(ProposalStatus.Shortlisted, PanelDecision.Select, true)]
    [InlineData(ProposalStatus.Selected, PanelDecision.Select, false)]
    [InlineData(ProposalStatus.Selected, PanelDecision.Unselect, true)]
    [InlineData(ProposalStatus.Withdrawn, PanelDecision.Select, false)]
    [InlineData(ProposalStatus.Shortlisted, PanelDecision.Unshortlist, true)]
    public void Allows_DecisionByStatus(ProposalStatus status, PanelDecision decision, bool allowed) =>
        Assert.Equal(allowed, PanelRules.Allows(status, decision));

    [Fact]
    public void EndorserBalance_CountsByGroupSubregionAndGender_UnknownWhenNotSaid()
    {
        var profiles = new Dictionary<string, ParticipantProfile>
        {
            ["1"] = new("1", "A", null, "migrants", "PH", "sea", "woman"),
            ["2"] = new("2", "B", null, "migrants", "FJ", "pacific", null),
            ["3"] = new("3", "C", null, "academia", "IN", "sswa", "man"),
        };

        var balance = EndorserBalance.Of(["1", "2", "3", "4"], profiles);

        Assert.Equal(4, balance.Total);
        var groups = balance.Dimensions.Single(d => d.Kind == BalanceDimensionKind.Group).Categories;
        Assert.Equal(new EndorserCount("migrants", 2), groups[0]);
        Assert.Contains(new EndorserCount("unknown", 1), groups);
        var genders = balance.Dimensions.Single(d => d.Kind == BalanceDimensionKind.Gender).Categories;
        Assert.Equal(new EndorserCount("unknown", 2), genders[0]);
    }
}
