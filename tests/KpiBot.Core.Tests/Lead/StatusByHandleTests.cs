using KpiBot.Core.GoalsFile;
using KpiBot.Core.Tests.Engine;
using KpiBot.Core.Tests.GoalsFile;
using KpiBot.Core.Views;

namespace KpiBot.Core.Tests.Lead;

/// <summary>
/// <c>status @handle</c>: Slack's <c>/kpi</c> command does not escape mentions (<c>should_escape: false</c>), so a
/// lead's "@emily.carter" arrives as that text, not as <c>&lt;@U…&gt;</c>. The person is found by handle (their
/// email's local part), display name, a word of it, email or mention; when several match, the reply names them.
/// </summary>
public class StatusByHandleTests
{
    // Friday 27 November 2026, 10:00 in Tokyo; sato leads the sales team, where Emily Carter and 田中 健太 are reps.
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 1, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("@emily.carter")]
    [InlineData("@Emily Carter")]
    [InlineData("@emily")]
    [InlineData("emily.carter@example.com")]
    [InlineData("@EmilyCarter")]
    public async Task Status_ByHandleNameOrEmail_ShowsThatPerson(string who)
    {
        var world = new EngineWorld(Now);

        var reply = await world.SayAsync("sato", "status " + who);

        var view = Assert.IsType<PersonalProgressView>(Assert.Single(reply.Replies).View);
        Assert.Contains("Emily Carter", view.Title, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@田中")]
    [InlineData("@田中健太")]
    [InlineData("@tanaka")]
    public async Task Status_ByAJapaneseNameOrHandle_ShowsThatPerson(string who)
    {
        var world = new EngineWorld(Now);

        var reply = await world.SayAsync("sato", "status " + who);

        var view = Assert.IsType<PersonalProgressView>(Assert.Single(reply.Replies).View);
        Assert.Contains("田中 健太", view.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ByANameSeveralPeopleHave_SaysWhichPeopleMatched()
    {
        var text = GoalsYaml.SampleText().Replace(
            "people:\n",
            "people:\n  - { id: mori, name: Ken Mori, email: ken.mori@example.com, role: rep, team: sales, locale: en }\n"
            + "  - { id: ota, name: Ken Ota, email: ken.ota@example.com, role: rep, team: sales, locale: en }\n",
            StringComparison.Ordinal);
        var world = new EngineWorld(Now, GoalsFileLoader.Load(text, "goals.yaml").Model!);

        var reply = await world.SayAsync("sato", "status @ken");

        var error = Assert.IsType<ErrorView>(Assert.Single(reply.Replies).View);
        Assert.Equal(
            "「@ken」に当てはまるメンバーが複数います: Ken Mori (ken.mori@example.com), Ken Ota (ken.ota@example.com)。どの人かメールアドレスで指定してください。",
            error.Text);
        var one = await world.SayAsync("sato", "status @ken.ota");
        Assert.Contains("Ken Ota", Assert.IsType<PersonalProgressView>(one.Replies[0].View).Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_ByAnUnknownHandle_SaysSo()
    {
        var world = new EngineWorld(Now);

        var reply = await world.SayAsync("sato", "status @nobody");

        Assert.Equal("「@nobody」というメンバーが見つかりません。", Assert.IsType<ErrorView>(Assert.Single(reply.Replies).View).Text);
    }
}
