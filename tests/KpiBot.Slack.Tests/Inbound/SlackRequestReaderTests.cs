using System.Globalization;
using System.Text;
using KpiBot.Slack.Inbound;
using KpiBot.Slack.Verification;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Slack.Tests.Inbound;

/// <summary>The bad-request corpus: forged, stale, future, replayed, oversize, malformed — refused before anything is parsed.</summary>
public class SlackRequestReaderTests
{
    private const string Secret = "test-signing-secret";
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly SlackBotIdentity Bot = new("U0LAN0Z89", "B0LAN0Z89");

    private static SlackRequestReader Reader(string? secret = Secret) =>
        new(new SlackSignatureVerifier(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(Now)));

    private static string Ts(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private static SlackInbound Send(string contentType, byte[] body, DateTimeOffset? signedAt = null, string secret = Secret, SlackRequestReader? reader = null)
    {
        var ts = Ts(signedAt ?? Now);
        return (reader ?? Reader()).Read(contentType, ts, SlackSignatureVerifier.Sign(secret, ts, body), body, Bot);
    }

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Read_SignedEvent_IsParsed() =>
        Assert.IsType<SlackInbound.Command>(Send(Json, Fixtures.Payload("app_mention.json")));

    [Fact]
    public void Read_SignedUrlVerification_IsAnswered() =>
        Assert.IsType<SlackInbound.UrlVerification>(Send("application/json; charset=utf-8", Fixtures.Payload("url_verification.json")));

    [Fact]
    public void Read_SignedInteraction_IsParsed() =>
        Assert.IsType<SlackInbound.Submission>(Send(Form, Bytes(Fixtures.InteractionForm("view_submission.json"))));

    [Fact]
    public void Read_SignedSlashCommand_IsParsed() =>
        Assert.IsType<SlackInbound.Command>(Send(Form, Bytes("command=%2Fkpi&text=me&team_id=T1&user_id=U1&channel_id=D1")));

    [Fact]
    public void Read_WhenForged_Refuses() =>
        Assert.Equal(new SlackInbound.Refused(SignatureCheck.BadSignature), Send(Json, Fixtures.Payload("app_mention.json"), secret: "guessed"));

    [Fact]
    public void Read_WhenReplayedAfterFiveMinutes_Refuses() =>
        Assert.Equal(new SlackInbound.Refused(SignatureCheck.StaleTimestamp), Send(Json, Fixtures.Payload("app_mention.json"), Now.AddMinutes(-6)));

    [Fact]
    public void Read_WhenTimestampIsInTheFuture_Refuses() =>
        Assert.Equal(new SlackInbound.Refused(SignatureCheck.StaleTimestamp), Send(Json, Fixtures.Payload("app_mention.json"), Now.AddMinutes(6)));

    [Fact]
    public void Read_WhenTheBodyWasChangedAfterSigning_Refuses()
    {
        var body = Fixtures.Payload("app_mention.json");
        var ts = Ts(Now);
        var signature = SlackSignatureVerifier.Sign(Secret, ts, body);
        var tampered = Bytes(Encoding.UTF8.GetString(body).Replace("status", "digest", StringComparison.Ordinal));

        Assert.Equal(new SlackInbound.Refused(SignatureCheck.BadSignature), Reader().Read(Json, ts, signature, tampered, Bot));
    }

    [Fact]
    public void Read_WithoutHeaders_Refuses() =>
        Assert.Equal(new SlackInbound.Refused(SignatureCheck.MissingHeaders), Reader().Read(Json, null, null, Fixtures.Payload("app_mention.json"), Bot));

    [Fact]
    public void Read_WithoutAConfiguredSecret_RefusesEvenAWellSignedRequest() =>
        Assert.Equal(new SlackInbound.Refused(SignatureCheck.MissingSecret), Send(Json, Fixtures.Payload("app_mention.json"), reader: Reader(secret: null)));

    [Fact]
    public void Read_WhenOversize_IsTooLargeBeforeAnyCheck() =>
        Assert.IsType<SlackInbound.TooLarge>(Send(Json, new byte[SlackRequestReader.MaxBodyBytes + 1]));

    [Theory]
    [InlineData(Json, "{\"type\":\"event_callback\",")]
    [InlineData(Json, "\u00ff\u00fe")]
    [InlineData(Form, "payload=%7Bnot-json")]
    [InlineData(Form, "text=hello")]
    [InlineData("text/plain", "command=%2Fkpi")]
    [InlineData(null, "{}")]
    public void Read_WhenSignedButMalformed_IsMalformed(string? contentType, string body) =>
        Assert.IsType<SlackInbound.Malformed>(Send(contentType!, Bytes(body)));

    [Fact]
    public void Read_WhenSignedButNotUtf8_IsMalformed() =>
        Assert.IsType<SlackInbound.Malformed>(Send(Form, [0x63, 0x6f, 0x6d, 0x6d, 0x61, 0x6e, 0x64, 0x3d, 0xff, 0xfe]));

    [Fact]
    public void Read_UnsignedSslCheck_IsAnsweredAndNothingElse() =>
        Assert.IsType<SlackInbound.SslCheck>(Reader().Read(Form, null, null, Bytes("ssl_check=1&token=abc"), Bot));

    [Fact]
    public void Read_UnsignedCommandDisguisedAsSslCheck_DoesNothing() =>
        Assert.IsType<SlackInbound.SslCheck>(Reader().Read(Form, null, null, Bytes("ssl_check=1&command=%2Fkpi&text=digest&team_id=T1&user_id=U1&channel_id=C1"), Bot));

    [Fact]
    public void Read_UnsignedSslCheckAsJson_Refuses() =>
        Assert.IsType<SlackInbound.Refused>(Reader().Read(Json, null, null, Bytes("{\"ssl_check\":1}"), Bot));
}
