using KpiBot.Core.Chat;
using KpiBot.Core.Conversations;
using KpiBot.Core.Goals;
using KpiBot.Core.Views;
using static KpiBot.Core.Tests.Conversations.ConversationHarness;

namespace KpiBot.Core.Tests.Conversations;

public class RouterTests
{
    private static ConversationHarness WithLeadCommands() =>
        new(extraHandlers: [new FakeLeadCommand("status"), new FakeLeadCommand("link", Role.Admin)]);

    [Fact]
    public async Task Handle_UnknownPerson_AsksThemToSeeAnAdmin_NamingTheAdmins_InJapanese()
    {
        var harness = new ConversationHarness();
        var stranger = new ChatUser(Platforms.Test, "tenant", "U-stranger");

        var reply = await harness.Service.HandleAsync(
            new IncomingMessage(stranger, DmOf("stranger"), ConversationKind.Personal, "checkin"), CancellationToken.None);

        var view = Assert.IsType<MessageView>(Assert.Single(reply.Replies).View);
        Assert.Equal(
            "申し訳ありません。目標ファイルにあなたが見つからないため、まだチェックインを受け付けられません。管理者（山本 一郎）に、目標ファイルへの登録かチャットアカウントの紐づけを依頼してください。",
            view.Text);
    }

    [Fact]
    public async Task Handle_UnknownPerson_WithAnEnglishClient_IsAnsweredInEnglish()
    {
        var harness = new ConversationHarness();
        var stranger = new ChatUser(Platforms.Test, "tenant", "U-stranger");

        var reply = await harness.Service.HandleAsync(
            new IncomingMessage(stranger, DmOf("stranger"), ConversationKind.Personal, "me", "en-US", "nobody@example.com"), CancellationToken.None);

        Assert.Equal(
            "Sorry, I can't find you in the goals file, so I can't take your check-ins yet. Please ask an admin (山本 一郎) to add you or to link your chat account.",
            Assert.Single(reply.Replies).View.Text);
    }

    [Fact]
    public async Task Handle_NoGoalsImported_SaysSo()
    {
        var harness = new ConversationHarness();
        harness.Goals.Model = null;

        Assert.Equal(
            "No goals have been imported yet, so there is nothing to check in. Please ask an admin to import the goals file.",
            await harness.TextOfAsync("tanaka", "checkin", "en"));
    }

    [Fact]
    public async Task Handle_NewChatUser_WithTheEmailOfAPerson_IsLinkedToThem()
    {
        var harness = new ConversationHarness();
        var newUser = new ChatUser(Platforms.Slack, "T1", "U999");

        var first = await harness.Service.HandleAsync(
            new IncomingMessage(newUser, DmOf("x"), ConversationKind.Personal, "help", Email: "Tanaka@Example.co.jp"), CancellationToken.None);
        var second = await harness.Service.HandleAsync(
            new IncomingMessage(newUser, DmOf("x"), ConversationKind.Personal, "help"), CancellationToken.None);

        Assert.IsType<HelpView>(Assert.Single(first.Replies).View);
        Assert.IsType<HelpView>(Assert.Single(second.Replies).View);
        Assert.Equal("tanaka", await harness.Directory.FindPersonIdAsync(newUser, CancellationToken.None));
    }

    [Fact]
    public async Task Handle_MisspeltCommand_SuggestsTheClosestOne_AndPointsToHelp()
    {
        var harness = WithLeadCommands();

        var view = Assert.IsType<ErrorView>(Assert.Single((await harness.SayAsync("john", "stauts")).Replies).View);

        Assert.Equal("Unknown command 'stauts'. Did you mean 'status'?", view.Text);
        Assert.Equal("Type 'help' to see what you can do.", view.Hint);
    }

    [Fact]
    public async Task Handle_MisspeltCommand_SuggestsOnlyCommandsThePersonMayUse()
    {
        var harness = WithLeadCommands();

        Assert.Equal("「stauts」というコマンドはありません。", await harness.TextOfAsync("tanaka", "stauts"));
        Assert.Equal("「chekin」というコマンドはありません。「checkin」のことですか？", await harness.TextOfAsync("tanaka", "chekin"));
    }

    [Fact]
    public async Task Handle_CommandAboveTheRole_IsRefusedPolitely()
    {
        var harness = WithLeadCommands();

        Assert.Equal("申し訳ありません。「status」はリーダー向けのコマンドです。", await harness.TextOfAsync("tanaka", "status"));
        Assert.Equal("Sorry, 'status' is only for leads.", await harness.TextOfAsync("emily", "status"));
        Assert.Equal("申し訳ありません。「link」は管理者向けのコマンドです。", await harness.TextOfAsync("sato", "link #sales"));
    }

    [Fact]
    public async Task Handle_AdminMayRunEverything_AndLeadsTheirOwn()
    {
        var harness = WithLeadCommands();

        Assert.Equal("status ran for yamamoto with 'sales'", await harness.TextOfAsync("yamamoto", "status sales"));
        Assert.Equal("link ran for yamamoto with '#sales'", await harness.TextOfAsync("yamamoto", "LINK #sales"));
        Assert.Equal("status ran for sato with ''", await harness.TextOfAsync("sato", "Status"));
    }

    [Fact]
    public async Task Handle_FullWidthLettersAndSpaces_AreReadAsPlainOnes()
    {
        var harness = WithLeadCommands();

        Assert.Equal("status ran for sato with '営業 部'", await harness.TextOfAsync("sato", "　ＳＴＡＴＵＳ　営業　　部 "));
    }

    [Fact]
    public async Task Handle_JapaneseAlias_RunsTheCommand()
    {
        var harness = new ConversationHarness();

        var reply = await harness.SayAsync("tanaka", "チェックイン");

        Assert.Equal(2, reply.Replies.Count);
        Assert.All(reply.Replies, r => Assert.IsType<CheckInPromptView>(r.View));
    }

    [Fact]
    public async Task Help_ListsWhatTheRoleMayUse_IncludingLeadCommandsForLeads()
    {
        var harness = WithLeadCommands();

        var rep = Assert.IsType<HelpView>(Assert.Single((await harness.SayAsync("emily", "help")).Replies).View);
        var lead = Assert.IsType<HelpView>(Assert.Single((await harness.SayAsync("john", "?")).Replies).View);
        var admin = Assert.IsType<HelpView>(Assert.Single((await harness.SayAsync("yamamoto", "ヘルプ")).Replies).View);

        Assert.Equal(
            ["checkin [yesterday | 2026-11-26]", "edit [day]", "skip [reason]", "same", "off 2026-12-24..2027-01-03", "me", "help"],
            rep.Commands.Select(c => c.Usage));
        Assert.StartsWith("What you can do\n• checkin [yesterday | 2026-11-26] — Open the check-in card for today or a past day\n", rep.Text, StringComparison.Ordinal);
        Assert.Contains("status", lead.Commands.Select(c => c.Usage));
        Assert.DoesNotContain("link", lead.Commands.Select(c => c.Usage));
        Assert.Contains("link", admin.Commands.Select(c => c.Usage));
        Assert.Equal("使えるコマンド", admin.Title);
    }

    [Fact]
    public void Router_TwoCommandsWithOneName_IsABug()
    {
        Assert.Throws<ArgumentException>(() => new CommandRouter([new FakeLeadCommand("status"), new FakeLeadCommand("STATUS")]));
    }

    [Fact]
    public void CommandLine_SplitsTheFirstWord_LowerCased()
    {
        Assert.Equal(new CommandLine("off", "2026-12-24..2027-01-03 family"), CommandLine.Parse("  Off 2026-12-24..2027-01-03   family"));
        Assert.Equal(new CommandLine("status", string.Empty), CommandLine.Parse("/status"));
        Assert.Equal(new CommandLine(string.Empty, string.Empty), CommandLine.Parse("   "));
    }
}
