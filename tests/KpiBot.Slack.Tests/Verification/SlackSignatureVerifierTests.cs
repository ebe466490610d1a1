using System.Text;
using KpiBot.Slack.Verification;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace KpiBot.Slack.Tests.Verification;

public class SlackSignatureVerifierTests
{
    // The worked example of api.slack.com/authentication/verifying-requests-from-slack.
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
    private const string DocBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";

    private static readonly DateTimeOffset DocTime = DateTimeOffset.FromUnixTimeSeconds(1531420618);

    private static SlackSignatureVerifier Verifier(string? secret, DateTimeOffset now) =>
        new(Options.Create(new SlackOptions { SigningSecret = secret }), new FakeTimeProvider(now));

    private static byte[] Bytes(string s) => Encoding.UTF8.GetBytes(s);

    [Fact]
    public void Verify_WithSlacksDocumentedExample_Accepts()
    {
        var result = Verifier(DocSecret, DocTime).Verify(DocTimestamp, DocSignature, Bytes(DocBody));

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Fact]
    public void Sign_WithSlacksDocumentedExample_GivesTheDocumentedSignature() =>
        Assert.Equal(DocSignature, SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, Bytes(DocBody)));

    [Theory]
    [InlineData(-299)]
    [InlineData(299)]
    [InlineData(300)]
    [InlineData(-300)]
    public void Verify_WhenTimestampIsWithinFiveMinutes_Accepts(int offsetSeconds)
    {
        var result = Verifier(DocSecret, DocTime.AddSeconds(offsetSeconds)).Verify(DocTimestamp, DocSignature, Bytes(DocBody));

        Assert.Equal(SignatureCheck.Valid, result);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(3600)]
    public void Verify_WhenTimestampIsStale_Refuses(int ageSeconds) =>
        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(DocSecret, DocTime.AddSeconds(ageSeconds)).Verify(DocTimestamp, DocSignature, Bytes(DocBody)));

    [Theory]
    [InlineData(301)]
    [InlineData(86400)]
    public void Verify_WhenTimestampIsInTheFuture_Refuses(int aheadSeconds) =>
        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(DocSecret, DocTime.AddSeconds(-aheadSeconds)).Verify(DocTimestamp, DocSignature, Bytes(DocBody)));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_WhenSecretIsMissing_Refuses(string? secret) =>
        Assert.Equal(SignatureCheck.MissingSecret, Verifier(secret, DocTime).Verify(DocTimestamp, DocSignature, Bytes(DocBody)));

    [Theory]
    [InlineData(null, DocSignature)]
    [InlineData("", DocSignature)]
    [InlineData(DocTimestamp, null)]
    [InlineData(DocTimestamp, "")]
    public void Verify_WhenAHeaderIsMissing_Refuses(string? timestamp, string? signature) =>
        Assert.Equal(SignatureCheck.MissingHeaders, Verifier(DocSecret, DocTime).Verify(timestamp, signature, Bytes(DocBody)));

    [Theory]
    [InlineData("abc")]
    [InlineData("-1531420618")]
    [InlineData("+1531420618")]
    [InlineData(" 1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999999")]
    public void Verify_WhenTimestampIsMalformed_Refuses(string timestamp) =>
        Assert.Equal(SignatureCheck.MalformedTimestamp, Verifier(DocSecret, DocTime).Verify(timestamp, DocSignature, Bytes(DocBody)));

    [Theory]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5")]
    [InlineData("v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50300")]
    public void Verify_WhenSignatureIsMalformed_Refuses(string signature) =>
        Assert.Equal(SignatureCheck.MalformedSignature, Verifier(DocSecret, DocTime).Verify(DocTimestamp, signature, Bytes(DocBody)));

    [Fact]
    public void Verify_WhenBodyIsTampered_Refuses() =>
        Assert.Equal(SignatureCheck.BadSignature, Verifier(DocSecret, DocTime).Verify(DocTimestamp, DocSignature, Bytes(DocBody.Replace("text=", "text=status", StringComparison.Ordinal))));

    [Fact]
    public void Verify_WhenTimestampHeaderIsChanged_Refuses() =>
        Assert.Equal(SignatureCheck.BadSignature, Verifier(DocSecret, DocTime).Verify("1531420619", DocSignature, Bytes(DocBody)));

    [Fact]
    public void Verify_WhenSignedWithAnotherSecret_Refuses() =>
        Assert.Equal(SignatureCheck.BadSignature, Verifier("another-secret", DocTime).Verify(DocTimestamp, DocSignature, Bytes(DocBody)));

    [Fact]
    public void Verify_WhenSignatureIsUpperCaseHex_Accepts() =>
        Assert.Equal(SignatureCheck.Valid, Verifier(DocSecret, DocTime).Verify(DocTimestamp, "v0=" + DocSignature[3..].ToUpperInvariant(), Bytes(DocBody)));

    [Fact]
    public void Verify_WhenBodyIsEmptyAndSignedForIt_Accepts()
    {
        var signature = SlackSignatureVerifier.Sign(DocSecret, DocTimestamp, []);

        Assert.Equal(SignatureCheck.Valid, Verifier(DocSecret, DocTime).Verify(DocTimestamp, signature, []));
    }
}
