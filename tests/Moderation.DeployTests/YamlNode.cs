using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Moderation.DeployTests;

/// <summary>
/// A parsed YAML value with its path, for readable assertions: <c>compose["services"]["postgres"]["image"].Text</c>.
/// Scalars stay strings, as Docker and Kubernetes read them; merge keys (<c>&lt;&lt;: *anchor</c>) are resolved.
/// </summary>
public sealed class YamlNode(object? value, string path)
{
    static readonly IDeserializer Deserializer = new DeserializerBuilder().Build();

    public string Path { get; } = path;

    public bool Exists => value is not null;

    public YamlNode this[string key] => value is IDictionary<object, object> map && map.TryGetValue(key, out var child)
        ? new YamlNode(child, $"{Path}.{key}")
        : new YamlNode(null, $"{Path}.{key}");

    public IReadOnlyList<YamlNode> Items => value is IList<object> list
        ? list.Select((item, i) => new YamlNode(item, $"{Path}[{i}]")).ToList()
        : [];

    public IReadOnlyList<KeyValuePair<string, YamlNode>> Entries => value is IDictionary<object, object> map
        ? map.Select(e => KeyValuePair.Create(e.Key.ToString()!, new YamlNode(e.Value, $"{Path}.{e.Key}"))).ToList()
        : [];

    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    public bool IsMap => value is IDictionary<object, object>;

    public string? Text => value as string;

    /// <summary>The scalar, or a failed assertion naming the path.</summary>
    public string Required => value as string ?? throw new Xunit.Sdk.XunitException($"{Path}: expected a value, found {(value is null ? "nothing" : value.GetType().Name)}");

    public static YamlNode Load(string file)
    {
        using var reader = File.OpenText(file);
        return new YamlNode(Deserializer.Deserialize<object>(new MergingParser(new Parser(reader))), System.IO.Path.GetFileName(file));
    }

    /// <summary>Every document of a multi-document file (<c>---</c>), empty ones left out.</summary>
    public static IReadOnlyList<YamlNode> LoadAll(string file)
    {
        using var reader = File.OpenText(file);
        var parser = new Parser(reader);
        parser.Consume<StreamStart>();
        var documents = new List<YamlNode>();
        while (parser.Accept<DocumentStart>(out _))
        {
            var document = Deserializer.Deserialize<object>(parser);
            if (document is not null)
            {
                documents.Add(new YamlNode(document, $"{System.IO.Path.GetFileName(file)}#{documents.Count}"));
            }
        }

        return documents;
    }

    public override string ToString() => Path;
}
