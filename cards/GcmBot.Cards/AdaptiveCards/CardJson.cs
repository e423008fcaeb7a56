using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GcmBot.Cards.AdaptiveCards;

/// <summary>
/// Writes a card's JSON straight into UTF-8, as it goes to Teams. Cards were first built as a <see cref="JsonObject"/>
/// tree and then serialised: thousands of small objects for a board or a speakers' list, on every button press
/// (docs/performance.md). Property order is the order of the calls; a name is written once.
/// </summary>
public sealed class CardJson
{
    // As the Bot Framework puts it on the wire (Newtonsoft, UTF-8): letters of every script as they are, not as \uXXXX
    // escapes that would triple the size of a Russian or Chinese card. The card is JSON for Teams, never HTML.
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Utf8JsonWriter _writer;

    private CardJson(Utf8JsonWriter writer) => _writer = writer;

    /// <summary>The JSON text of one object written by <paramref name="write"/>.</summary>
    internal static string Text(Action<CardJson> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            write(new CardJson(writer));
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The same as a <see cref="JsonObject"/> (for tests and callers that inspect a card).</summary>
    internal static JsonObject Node(Action<CardJson> write) => JsonNode.Parse(Text(write))!.AsObject();

    public void StartObject() => _writer.WriteStartObject();

    public void EndObject() => _writer.WriteEndObject();

    public void Set(string name, string? value) => _writer.WriteString(name, value);

    public void Set(string name, bool value) => _writer.WriteBoolean(name, value);

    public void Set(string name, int value) => _writer.WriteNumber(name, value);

    public void Set(string name, double value) => _writer.WriteNumber(name, value);

    public void Set(string name, JsonNode value)
    {
        _writer.WritePropertyName(name);
        value.WriteTo(_writer);
    }

    public void SetIf(string name, string? value)
    {
        if (value is not null)
        {
            _writer.WriteString(name, value);
        }
    }

    /// <summary>A node (an action or element) as a property; nothing when null.</summary>
    public void NodeIf(string name, CardNode? node)
    {
        if (node is not null)
        {
            _writer.WritePropertyName(name);
            node.Write(this);
        }
    }

    public void Nodes<T>(string name, IEnumerable<T> nodes)
        where T : CardNode
    {
        _writer.WriteStartArray(name);
        foreach (var node in nodes)
        {
            node.Write(this);
        }

        _writer.WriteEndArray();
    }

    public void Strings(string name, IEnumerable<string> values)
    {
        _writer.WriteStartArray(name);
        foreach (var value in values)
        {
            _writer.WriteStringValue(value);
        }

        _writer.WriteEndArray();
    }

    /// <summary>An array of small objects, each written by <paramref name="write"/>.</summary>
    public void Objects<T>(string name, IEnumerable<T> items, Action<CardJson, T> write)
    {
        _writer.WriteStartArray(name);
        foreach (var item in items)
        {
            _writer.WriteStartObject();
            write(this, item);
            _writer.WriteEndObject();
        }

        _writer.WriteEndArray();
    }

    /// <summary>An object property written by <paramref name="write"/>.</summary>
    public void Object(string name, Action<CardJson> write)
    {
        _writer.WriteStartObject(name);
        write(this);
        _writer.WriteEndObject();
    }

    /// <summary>An object property written by <paramref name="write"/>, which writes its own braces.</summary>
    public void Property(string name, Action<CardJson> write)
    {
        _writer.WritePropertyName(name);
        write(this);
    }

    public static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
