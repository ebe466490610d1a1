using System.Text.Json;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Views;
using KpiBot.Teams.Activities;
using KpiBot.Teams.Cards;

namespace KpiBot.Teams.Tests.Cards;

/// <summary>What a rendered card's buttons carry is what the parser reads back: the keys are defined once.</summary>
public class CardRoundTripTests
{
    [Theory]
    [InlineData(0, CardAction.Submit)]
    [InlineData(1, CardAction.Skip)]
    [InlineData(2, CardAction.Same)]
    public void PromptAction_WhenSubmittedWithInputs_ParsesBackToTheSameCheckIn(int button, CardAction expected)
    {
        var card = CheckInCardRenderer.Prompt(SampleViews.Prompt());
        var data = Data(Assert.IsType<ExecuteAction>(card.Actions![button]));
        data["kdi:calls"] = "27";
        data["note"] = "ok";
        data["blocker"] = "false";

        var submission = Assert.IsType<TeamsInbound.Submission>(ActivityParser.Parse(Invoke(data))).Input;

        Assert.Equal(expected, submission.Action);
        Assert.Equal("sales-daily:hanako:2026-11-27", submission.OccurrenceKey);
        Assert.Equal(SampleViews.Day, submission.WorkDay);
        Assert.Equal(2, submission.CardVersion);
        Assert.Equal("hanako", submission.PersonId);
        Assert.Equal("27", submission.Values["calls"]);
        Assert.False(submission.Confirmed);
    }

    [Fact]
    public void ConfirmAction_ParsesBackAsTheSameAnswerConfirmed()
    {
        var original = new CardSubmission(
            new ChatUser(Platforms.Teams, "t", "29:u"), new ConversationAddress(Platforms.Teams, "t", "a:1"), CardAction.Submit,
            "occ", SampleViews.Day, 4, new Dictionary<string, string?> { ["calls"] = "300" }, "note", true, "f:1", PersonId: "hanako");
        var card = CheckInCardRenderer.Confirm(new ConfirmView("?", "Yes", "No", "confirm-checkin"), original);

        var again = Assert.IsType<TeamsInbound.Submission>(ActivityParser.Parse(Invoke(Data(Assert.IsType<ExecuteAction>(card.Actions![0]))))).Input;

        Assert.True(again.Confirmed);
        Assert.Equal(("occ", 4, "300", "note", true, "hanako"), (again.OccurrenceKey, again.CardVersion, again.Values["calls"], again.Note, again.Blocker, again.PersonId));
    }

    [Fact]
    public void ConfirmCancel_IsIgnored()
    {
        var card = CheckInCardRenderer.Confirm(new ConfirmView("?", "Yes", "No", "confirm-checkin"));
        var cancel = Assert.IsType<SubmitAction>(card.Actions![1]);

        var value = JsonSerializer.SerializeToElement(cancel, TeamsJsonContext.Default.CardElement.Options).GetProperty("data");
        var activity = Invoke([]) with { Type = "message", Name = null, Value = value };

        Assert.IsType<TeamsInbound.Ignored>(ActivityParser.Parse(activity));
    }

    private static Dictionary<string, object?> Data(ExecuteAction action)
    {
        var json = JsonSerializer.SerializeToElement(action, TeamsJsonContext.Default.CardElement.Options).GetProperty("data");
        return json.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value);
    }

    private static Activity Invoke(Dictionary<string, object?> data)
    {
        var value = new Dictionary<string, object?>
        {
            ["action"] = new Dictionary<string, object?> { ["type"] = "Action.Execute", ["verb"] = CardData.Verb, ["data"] = data },
        };
        return new Activity
        {
            Type = "invoke",
            Name = "adaptiveCard/action",
            Id = "f:2",
            ServiceUrl = "https://smba.trafficmanager.net/teams/",
            ChannelId = "msteams",
            From = new ChannelAccount { Id = "29:u" },
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal", TenantId = "t" },
            Value = JsonSerializer.SerializeToElement(value, TestJson.Options),
        };
    }
}
