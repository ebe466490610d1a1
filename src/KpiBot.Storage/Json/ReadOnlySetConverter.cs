using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace KpiBot.Storage.Json;

/// <summary>
/// System.Text.Json cannot create an <see cref="IReadOnlySet{T}"/>; this reads one as a <see cref="HashSet{T}"/>
/// and writes it sorted, so the same set always gives the same JSON (imports compare definitions as text).
/// </summary>
internal sealed class ReadOnlySetConverter<T> : JsonConverter<IReadOnlySet<T>>
{
    public override IReadOnlySet<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var list = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>)));
        return list is null ? null : new HashSet<T>(list);
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlySet<T> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        var sorted = value.Order().ToList();
        JsonSerializer.Serialize(writer, sorted, (JsonTypeInfo<List<T>>)options.GetTypeInfo(typeof(List<T>)));
    }
}
