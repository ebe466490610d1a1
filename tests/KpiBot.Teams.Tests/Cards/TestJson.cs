using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace KpiBot.Teams.Tests.Cards;

/// <summary>Reflection-based options for building test payloads out of dictionaries (test code only).</summary>
internal static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
}
