namespace Moderation.Classifier.Data;

/// <summary>
/// Reads labelled TSV files (<c>id source lang text spam abuse hate</c>, one header line, no quoting, an empty
/// label meaning "unknown"). Moderator feedback exported in the same format reads the same way.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads every file given, and every <c>*.tsv</c> directly inside each directory given.</summary>
    public static IReadOnlyList<LabelledComment> Read(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var rows = new List<LabelledComment>();
        foreach (var file in ExpandFiles(paths))
        {
            rows.AddRange(ReadFile(file));
        }

        return rows;
    }

    /// <summary>The TSV files that <see cref="Read"/> reads, in a stable order.</summary>
    public static IReadOnlyList<string> ExpandFiles(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.tsv").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new FileNotFoundException($"No data file or directory at '{path}'.", path);
            }
        }

        return files;
    }

    /// <summary>Reads one TSV file.</summary>
    public static IEnumerable<LabelledComment> ReadFile(string file)
    {
        using var reader = new StreamReader(file);
        var header = reader.ReadLine() ?? throw new InvalidDataException($"'{file}' is empty.");
        var columns = header.Split('\t');
        int Column(string name) => Array.IndexOf(columns, name) is var index and >= 0
            ? index
            : throw new InvalidDataException($"'{file}' has no '{name}' column (header: {header}).");
        int id = Column("id"), source = Column("source"), lang = Column("lang"), text = Column("text");
        int spam = Column("spam"), abuse = Column("abuse"), hate = Column("hate");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            if (fields.Length < columns.Length)
            {
                throw new InvalidDataException($"'{file}' line {lineNumber}: {fields.Length} fields, expected {columns.Length}.");
            }

            yield return new LabelledComment(
                fields[id], fields[source], fields[lang], fields[text],
                ParseLabel(fields[spam], file, lineNumber), ParseLabel(fields[abuse], file, lineNumber), ParseLabel(fields[hate], file, lineNumber));
        }
    }

    private static bool? ParseLabel(string value, string file, int line) => value.Trim() switch
    {
        "" => null,
        "1" => true,
        "0" => false,
        _ => throw new InvalidDataException($"'{file}' line {line}: label '{value}' is not 1, 0 or empty."),
    };
}
