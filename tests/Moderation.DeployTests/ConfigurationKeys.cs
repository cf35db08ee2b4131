using System.Collections;
using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Moderation.DeployTests;

/// <summary>
/// The configuration keys the service reads, found in its own code: every options class (a public type with a
/// <c>public const string Section</c>) and its bindable properties, plus the few keys read straight from
/// <c>IConfiguration</c>. Deployment files may set only these (or the host's <c>ASPNETCORE_*</c> / <c>DOTNET_*</c>
/// variables and the open <c>Serilog</c> section).
/// </summary>
public static partial class ConfigurationKeys
{
    /// <summary>Keys read with <c>Configuration[...]</c>/<c>GetValue</c> rather than an options class; each must appear in the service's source.</summary>
    public static IReadOnlyList<string> ReadDirectly { get; } = ["Moderation:Logging:Json"];

    /// <summary>Names read with <c>GetConnectionString(...)</c>; each must appear in the service's source.</summary>
    public static IReadOnlyList<string> ConnectionStringNames { get; } = ["RabbitMq", "Postgres", "Sqlite"];

    /// <summary>Sections Serilog reads whole (sinks, levels, enrichers).</summary>
    public static IReadOnlyList<string> OpenSections { get; } = ["Serilog"];

    /// <summary>Environment variables the host reads by prefix (ASPNETCORE_HTTP_PORTS, DOTNET_gcServer, ...).</summary>
    public static IReadOnlyList<string> HostVariablePrefixes { get; } = ["ASPNETCORE_", "DOTNET_"];

    /// <summary>Every options class of the service, by section.</summary>
    public static IReadOnlyDictionary<string, Type> Sections { get; } = typeof(Program).Assembly.GetExportedTypes()
        .Select(t => (Type: t, Field: t.GetField("Section", BindingFlags.Public | BindingFlags.Static)))
        .Where(x => x.Field is { IsLiteral: true } && x.Field.FieldType == typeof(string))
        .ToDictionary(x => (string)x.Field!.GetRawConstantValue()!, x => x.Type, StringComparer.OrdinalIgnoreCase);

    /// <summary>Scalar keys (section:property) with the type each binds to.</summary>
    public static IReadOnlyDictionary<string, Type> Scalars { get; } = Collect().Scalars;

    /// <summary>Keys of lists (<c>key:0</c>, <c>key:1</c>, ...) and dictionaries (<c>key:anything</c>).</summary>
    public static IReadOnlyDictionary<string, Type> Collections { get; } = Collect().Collections;

    /// <summary><c>Moderation__Auth__AdminApiKey</c> → <c>Moderation:Auth:AdminApiKey</c>, as the environment provider reads it.</summary>
    public static string FromEnvironmentName(string name) => name.Replace("__", ":", StringComparison.Ordinal);

    /// <summary>Null when the environment variable is one the service reads; otherwise why not.</summary>
    public static string? ProblemWithVariable(string name) =>
        HostVariablePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) ? null : ProblemWithKey(FromEnvironmentName(name));

    /// <summary>Null when the configuration key is one the service reads; otherwise why not.</summary>
    public static string? ProblemWithKey(string key)
    {
        if (Scalars.ContainsKey(key) || ReadDirectly.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        var parts = key.Split(':');
        if (OpenSections.Contains(parts[0], StringComparer.OrdinalIgnoreCase) && parts.Length > 1)
        {
            return null;
        }

        if (parts[0].Equals("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
        {
            return parts.Length == 2 && ConnectionStringNames.Contains(parts[1], StringComparer.OrdinalIgnoreCase)
                ? null
                : $"'{key}': the service reads only the connection strings {string.Join(", ", ConnectionStringNames)}";
        }

        foreach (var (collection, _) in Collections)
        {
            if (key.StartsWith(collection + ":", StringComparison.OrdinalIgnoreCase) && key.Length > collection.Length + 1)
            {
                return null;
            }
        }

        var section = Sections.Keys.FirstOrDefault(s => key.StartsWith(s + ":", StringComparison.OrdinalIgnoreCase));
        return section is null
            ? $"'{key}' is in no section the service binds ({string.Join(", ", Sections.Keys)})"
            : $"'{key}' is not a property of {Sections[section].Name} ({string.Join(", ", Scalars.Keys.Where(k => k.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)))})";
    }

    /// <summary>Null when <paramref name="value"/> converts to the type <paramref name="key"/> binds to (or cannot be checked).</summary>
    public static string? ProblemWithValue(string key, string value)
    {
        if (!Scalars.TryGetValue(key, out var type) || Unresolved().IsMatch(value))
        {
            return null;
        }

        try
        {
            TypeDescriptor.GetConverter(Nullable.GetUnderlyingType(type) ?? type).ConvertFromInvariantString(value);
            return null;
        }
        catch (Exception ex) when (ex is FormatException or NotSupportedException or ArgumentException || ex.InnerException is FormatException)
        {
            return $"'{key}' = '{value}' is not a {type.Name}";
        }
    }

    /// <summary>Compose interpolation as Docker reads it with nothing set: <c>${X:-default}</c> → default.</summary>
    public static string WithComposeDefaults(string value) => ComposeDefault().Replace(value, m => m.Groups["default"].Success ? m.Groups["default"].Value : m.Value);

    static (Dictionary<string, Type> Scalars, Dictionary<string, Type> Collections) Collect()
    {
        var scalars = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        var collections = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var (section, type) in Sections)
        {
            Walk(section, type, scalars, collections, depth: 0);
        }

        return (scalars, collections);
    }

    static void Walk(string prefix, Type type, Dictionary<string, Type> scalars, Dictionary<string, Type> collections, int depth)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.SetMethod is not { IsPublic: true })
            {
                continue;
            }

            var key = $"{prefix}:{property.Name}";
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsScalar(propertyType))
            {
                scalars[key] = property.PropertyType;
            }
            else if (typeof(IEnumerable).IsAssignableFrom(propertyType))
            {
                collections[key] = propertyType;
            }
            else if (depth < 5)
            {
                Walk(key, propertyType, scalars, collections, depth + 1);
            }
        }
    }

    static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(TimeSpan)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(Guid) || type == typeof(Uri);

    [GeneratedRegex(@"\$\{[^}]*\}|\$[A-Za-z_]")]
    private static partial Regex Unresolved();

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::?-(?<default>[^}]*))?\}")]
    private static partial Regex ComposeDefault();
}
