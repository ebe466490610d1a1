using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using KpiBot.Teams;
using Microsoft.IdentityModel.Tokens;

namespace KpiBot.Testing.Teams;

/// <summary>
/// The Bot Framework's OpenID metadata and JWKS, served over HTTPS on 127.0.0.1 with a certificate made
/// here and trusted only by <see cref="Client"/>. Keys are throwaway RSA keys with endorsements.
/// </summary>
public sealed class FakeBotFrameworkServer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Issuer = "https://api.botframework.com";

    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private readonly List<(RsaSecurityKey Key, string[] Endorsements)> _keys = [];
    private int _activities;

    private FakeBotFrameworkServer(WebApplication app, X509Certificate2 certificate, Uri baseAddress)
    {
        _app = app;
        _certificate = certificate;
        BaseAddress = baseAddress;
        Client = new HttpClient(CreateHandler());
    }

    /// <summary>A handler that trusts this server's certificate and no other: for the clients of a host under test.</summary>
    public HttpClientHandler CreateHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == _certificate.Thumbprint,
    };

    public Uri BaseAddress { get; }

    /// <summary>This server's self-signed certificate in PEM, for a client outside .NET to trust (NODE_EXTRA_CA_CERTS).</summary>
    public string CertificatePem => _certificate.ExportCertificatePem();

    public Uri MetadataUrl => new(BaseAddress, "v1/.well-known/openidconfiguration");

    public HttpClient Client { get; }

    public int MetadataRequests { get; private set; }

    /// <summary>Every Bot Connector call received, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers for the next connector calls; when empty, 200 with a new activity id.</summary>
    public ConcurrentQueue<ScriptedResponse> Script { get; } = new();

    /// <summary>Client-credential token requests: the tenant in the path and the form.</summary>
    public ConcurrentQueue<(string Tenant, Dictionary<string, string> Form)> TokenRequests { get; } = new();

    /// <summary>Requests to no known route.</summary>
    public ConcurrentQueue<string> OtherRequests { get; } = new();

    /// <summary>The body of GET …/members; also served page by page by GET …/pagedmembers, and one by one by GET …/members/{id}.</summary>
    public JsonArray Members { get; set; } = [];

    /// <summary>The most members a page holds, whatever was asked (small, so tests see several pages).</summary>
    public int MaxPageSize { get; set; } = 2;

    /// <summary>Connector calls of one method whose raw path contains <paramref name="pathPart"/>.</summary>
    public IReadOnlyList<RecordedRequest> Calls(string method, string pathPart) =>
        [.. Requests.Where(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal))];

    public static async Task<FakeBotFrameworkServer> StartAsync()
    {
        var certificate = MakeCertificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        FakeBotFrameworkServer? server = null;
        app.MapGet("/v1/.well-known/openidconfiguration", () =>
        {
            server!.MetadataRequests++;
            return Results.Text(server.Metadata().ToJsonString(), "application/json");
        });
        app.MapGet("/v1/.well-known/keys", () => Results.Text(server!.Jwks().ToJsonString(), "application/json"));
        app.Map("/v3/{**rest}", async (HttpContext context) => await server!.ConnectorAsync(context));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (HttpContext context, string tenant) =>
        {
            var form = await context.Request.ReadFormAsync();
            server!.TokenRequests.Enqueue((tenant, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
            var token = new JsonObject { ["token_type"] = "Bearer", ["expires_in"] = 3600, ["ext_expires_in"] = 3600, ["access_token"] = $"connector-token-{server.TokenRequests.Count}" };
            return Results.Text(token.ToJsonString(), "application/json");
        });
        app.MapFallback((HttpContext context) =>
        {
            server!.OtherRequests.Enqueue(context.Request.Method + " " + context.Request.Path);
            return Results.NotFound();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server = new FakeBotFrameworkServer(app, certificate, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/"));
        return server;
    }

    /// <summary>Adds a signing key to the JWKS, endorsed for the given channels.</summary>
    public RsaSecurityKey AddKey(string keyId, params string[] endorsements)
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = keyId };
        _keys.Add((key, endorsements));
        return key;
    }

    public TeamsOptions Options() => new() { AppId = AppId, OpenIdMetadataUrl = MetadataUrl, TokenIssuer = Issuer };

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    private async Task ConnectorAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget;
        var activityId = $"act-{Interlocked.Increment(ref _activities)}";
        Requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, context.Request.Headers.Authorization.ToString(), body) { ActivityId = activityId });
        if (Script.TryDequeue(out var scripted))
        {
            if (scripted.Delay is { } delay)
            {
                await Task.Delay(delay);
            }

            if (scripted.Gate is { } gate)
            {
                await gate;
            }

            context.Response.StatusCode = scripted.Status;
            if (scripted.RetryAfterSeconds is { } seconds)
            {
                context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (scripted.Body is not null)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(scripted.Body.ToJsonString());
            }

            return;
        }

        context.Response.ContentType = "application/json";
        var path = context.Request.Path.Value ?? "";
        JsonNode? answer = context.Request.Method != "GET"
            ? path == "/v3/conversations"
                ? new JsonObject { ["id"] = "a:personal:" + (string?)JsonNode.Parse(body)?["members"]?[0]?["id"], ["activityId"] = null }
                : new JsonObject { ["id"] = activityId }
            : path.EndsWith("/pagedmembers", StringComparison.Ordinal) ? MembersPage(context.Request.Query)
            : path.Contains("/members/", StringComparison.Ordinal) ? Members.FirstOrDefault(m => (string?)m?["id"] == Uri.UnescapeDataString(path[(path.LastIndexOf('/') + 1)..]))?.DeepClone()
            : Members.DeepClone();
        if (answer is null)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync(new JsonObject { ["error"] = new JsonObject { ["code"] = "MemberNotFoundInConversation", ["message"] = "not found" } }.ToJsonString());
            return;
        }

        await context.Response.WriteAsync(answer.ToJsonString());
    }

    /// <summary>A page of <see cref="Members"/>: the continuation token is the index of the next member.</summary>
    private JsonObject MembersPage(IQueryCollection query)
    {
        var size = int.TryParse(query["pageSize"], out var s) ? Math.Min(s, MaxPageSize) : MaxPageSize;
        var start = int.TryParse(query["continuationToken"], out var c) ? c : 0;
        var page = new JsonArray([.. Members.Skip(start).Take(size).Select(m => m?.DeepClone())]);
        return new JsonObject
        {
            ["members"] = page,
            ["continuationToken"] = start + size < Members.Count ? (start + size).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    private JsonObject Metadata() => new()
    {
        ["issuer"] = Issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = new Uri(BaseAddress, "v1/.well-known/keys").AbsoluteUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject Jwks()
    {
        var keys = new JsonArray();
        foreach (var (key, endorsements) in _keys)
        {
            var parameters = key.Rsa.ExportParameters(false);
            keys.Add(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                ["endorsements"] = new JsonArray([.. endorsements.Select(e => (JsonNode)JsonValue.Create(e))]),
            });
        }

        return new JsonObject { ["keys"] = keys };
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(san.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

/// <summary>A connector call as the fake received it; <see cref="Path"/> is the raw (still escaped) request target.</summary>
public sealed record RecordedRequest(string Method, string Path, string Authorization, string Body)
{
    /// <summary>The activity id a successful send or update of this call was (or would have been) answered with.</summary>
    public string ActivityId { get; init; } = "";
}

/// <summary>A scripted connector answer.</summary>
public sealed record ScriptedResponse(int Status, JsonNode? Body = null, int? RetryAfterSeconds = null, TimeSpan? Delay = null)
{
    /// <summary>When set, the answer waits until this task completes: a connector as slow as the test wants.</summary>
    public Task? Gate { get; init; }
}
