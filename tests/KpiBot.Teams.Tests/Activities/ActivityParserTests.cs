using System.Text;
using System.Text.Json;
using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Teams.Activities;

namespace KpiBot.Teams.Tests.Activities;

public class ActivityParserTests
{
    private const string Tenant = "72f988bf-0000-4000-8000-00000000000a";

    [Fact]
    public void Parse_WhenPersonalMessage_GivesTheCommandWithUserConversationLocaleAndZone()
    {
        var parsed = Assert.IsType<TeamsInbound.Message>(Parse("personal-message.json"));

        var input = parsed.Input;
        Assert.Equal("status", input.Text);
        Assert.Equal(new ChatUser(Platforms.Teams, Tenant, "29:1abcDEF-user"), input.User);
        Assert.Equal(new ConversationAddress(Platforms.Teams, Tenant, "a:1personalConversationId", "https://smba.trafficmanager.net/jp/"), input.Conversation);
        Assert.Equal(ConversationKind.Personal, input.Kind);
        Assert.Equal("ja-JP", input.Locale);
        Assert.Equal("Asia/Tokyo", parsed.TimeZone);
    }

    [Fact]
    public void Parse_WhenChannelMention_StripsTheBotMentionAndFoldsWhitespace()
    {
        var parsed = Assert.IsType<TeamsInbound.Message>(Parse("channel-mention.json"));

        Assert.Equal("status sales", parsed.Input.Text);
        Assert.Equal(ConversationKind.Channel, parsed.Input.Kind);
        Assert.Equal("19:channelId@thread.tacv2;messageid=1732699200000", parsed.Input.Conversation.ConversationId);
        Assert.Equal("America/New_York", parsed.TimeZone);
    }

    [Fact]
    public void Parse_WhenGroupChatMentionsAnotherUser_KeepsThatMention()
    {
        var parsed = Assert.IsType<TeamsInbound.Message>(Parse("groupchat-mention-other-user.json"));

        Assert.Equal("status <at>Sato Hanako</at>", parsed.Input.Text);
        Assert.Equal(ConversationKind.GroupChat, parsed.Input.Kind);
        Assert.Null(parsed.TimeZone);
    }

    [Fact]
    public void Parse_WhenActionSubmitOnAMessage_GivesTheCardSubmission()
    {
        var parsed = Assert.IsType<TeamsInbound.Submission>(Parse("submit-message.json"));

        Assert.False(parsed.IsInvoke);
        var input = parsed.Input;
        Assert.Equal(CardAction.Submit, input.Action);
        Assert.Equal("sales-daily:hanako:2026-11-27", input.OccurrenceKey);
        Assert.Equal(new DateOnly(2026, 11, 27), input.WorkDay);
        Assert.Equal(2, input.CardVersion);
        Assert.Equal("hanako", input.PersonId);
        Assert.Equal(2, input.Values.Count);
        Assert.Equal("27", input.Values["calls"]);
        Assert.Null(input.Values["meetings"]);
        Assert.Equal("busy day", input.Note);
        Assert.True(input.Blocker);
        Assert.False(input.Confirmed);
        Assert.Equal("f:1732699800000", input.SubmissionId);
        Assert.Equal(new MessageRef(input.Conversation, "1732698000000"), input.Card);
        Assert.Equal("ja-JP", input.Locale);
        Assert.Equal(new ChatUser(Platforms.Teams, Tenant, "29:1abcDEF-user"), input.User);
    }

    [Fact]
    public void Parse_WhenAdaptiveCardActionInvoke_GivesASubmissionAnsweredInTheResponse()
    {
        var parsed = Assert.IsType<TeamsInbound.Submission>(Parse("invoke-action.json"));

        Assert.True(parsed.IsInvoke);
        Assert.Equal(CardAction.Skip, parsed.Input.Action);
        Assert.Equal(3, parsed.Input.CardVersion);
        Assert.Equal("12", parsed.Input.Values["calls"]);
        Assert.Equal("sick", parsed.Input.Note);
        Assert.False(parsed.Input.Blocker);
    }

    [Fact]
    public void Parse_WhenBotIsAddedToATeam_GivesTheTeamAndChannel()
    {
        var parsed = Assert.IsType<TeamsInbound.ConversationChanged>(Parse("conversation-update-bot-added.json"));

        var e = parsed.Event;
        Assert.True(e.BotAdded);
        Assert.False(e.BotRemoved);
        Assert.Equal("19:generalChannel@thread.tacv2", e.TeamId);
        Assert.Equal("Sales", e.TeamName);
        Assert.Equal("teamMemberAdded", e.EventType);
        Assert.Equal(ConversationKind.Channel, e.Kind);
        Assert.Equal("https://smba.trafficmanager.net/jp/", e.Conversation.ServiceUrl);
        Assert.Equal(Tenant, e.Conversation.TenantId);
    }

    [Fact]
    public void Parse_WhenAppIsUninstalled_GivesARemovedInstallation()
    {
        var parsed = Assert.IsType<TeamsInbound.Installation>(Parse("installation-update-remove.json"));

        Assert.False(parsed.Added);
        Assert.True(parsed.Event.BotRemoved);
        Assert.Equal(ConversationKind.Personal, parsed.Event.Kind);
    }

    [Fact]
    public void Parse_WhenTypeIsUnknown_IsIgnored()
    {
        Assert.IsType<TeamsInbound.Ignored>(Parse("message-reaction.json"));
    }

    [Fact]
    public void Read_KeepsUnknownFieldsAsExtensionData()
    {
        var activity = Read("personal-message.json");

        Assert.True(activity.Extra!.ContainsKey("localTimezone"));
        Assert.True(activity.ChannelData!.Extra!.ContainsKey("someFutureField"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1,2]")]
    [InlineData("{\"type\":")]
    [InlineData("{\"type\":42}")]
    public void Read_WhenBodyIsNotAnActivity_IsNull(string body)
    {
        Assert.Null(ActivityParser.Read(Encoding.UTF8.GetBytes(body)));
    }

    [Fact]
    public void Parse_WhenSubmissionIsNotACheckIn_IsIgnored()
    {
        var activity = Read("submit-message.json") with { Value = Json("""{"action":"submit","other":"card"}""") };

        Assert.IsType<TeamsInbound.Ignored>(ActivityParser.Parse(activity));
    }

    [Theory]
    [InlineData("""{"kpibot":"checkin","action":"explode","occurrence":"o","workDay":"2026-11-27","cardVersion":1}""")]
    [InlineData("""{"kpibot":"checkin","action":"submit","workDay":"2026-11-27","cardVersion":1}""")]
    [InlineData("""{"kpibot":"checkin","action":"submit","occurrence":"o","workDay":"27/11/2026","cardVersion":1}""")]
    [InlineData("""{"kpibot":"checkin","action":"submit","occurrence":"o","workDay":"2026-11-27","cardVersion":"x"}""")]
    public void Parse_WhenCheckInDataIsIncomplete_IsIgnored(string data)
    {
        var activity = Read("submit-message.json") with { Value = Json(data) };

        Assert.IsType<TeamsInbound.Ignored>(ActivityParser.Parse(activity));
    }

    [Fact]
    public void Parse_WhenInvokeIsNotACardAction_IsIgnored()
    {
        var activity = Read("invoke-action.json") with { Name = "task/fetch" };

        Assert.IsType<TeamsInbound.Ignored>(ActivityParser.Parse(activity));
    }

    [Fact]
    public void Parse_WhenSenderIsMissing_IsIgnored()
    {
        var activity = Read("personal-message.json") with { From = null };

        Assert.IsType<TeamsInbound.Ignored>(ActivityParser.Parse(activity));
    }

    [Fact]
    public void Parse_WhenTheReportFormIsSubmitted_GivesTheReportWithTheCardToReplace()
    {
        var parsed = Assert.IsType<TeamsInbound.Report>(Parse("report-submit.json"));

        var input = parsed.Input;
        Assert.Equal(new ChatUser(Platforms.Teams, Tenant, "29:1abcDEF-user"), input.User);
        Assert.Equal(ConversationKind.Personal, input.Kind);
        Assert.Equal(("new-sales", "120万", (DateOnly?)new DateOnly(2026, 11, 20), (string?)null), (input.NodeId, input.Amount, input.Day, input.Note));
        Assert.Equal(new MessageRef(input.Conversation, "1732698100000"), input.Card);
        Assert.Equal(("ja-JP", "Asia/Tokyo"), (input.Locale, parsed.TimeZone));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    private static Activity Read(string file) =>
        ActivityParser.Read(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Payloads", file)))
        ?? throw new InvalidOperationException(file);

    private static TeamsInbound Parse(string file) => ActivityParser.Parse(Read(file));
}
