using System.Text.RegularExpressions;

namespace Moderation.DeployTests;

/// <summary>deploy/Dockerfile as a list of instructions (continuation lines joined, comments dropped), by stage.</summary>
public sealed partial class Dockerfile
{
    public sealed record Instruction(string Keyword, string Arguments, int Stage);

    public IReadOnlyList<Instruction> Instructions { get; }

    public int StageCount => Instructions.Count(i => i.Keyword == "FROM");

    public IEnumerable<Instruction> FinalStage => Instructions.Where(i => i.Stage == StageCount - 1);

    Dockerfile(IReadOnlyList<Instruction> instructions) => Instructions = instructions;

    public static Dockerfile Load(string path)
    {
        var joined = ContinuedLine().Replace(File.ReadAllText(path), " ");
        var instructions = new List<Instruction>();
        var stage = -1;
        foreach (var line in joined.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = (space < 0 ? line : line[..space]).ToUpperInvariant();
            if (keyword == "FROM")
            {
                stage++;
            }

            instructions.Add(new Instruction(keyword, space < 0 ? "" : line[(space + 1)..].Trim(), stage));
        }

        return new Dockerfile(instructions);
    }

    /// <summary>The value of an <c>ENV</c> in the final stage (either <c>ENV A=1 B=2</c> or <c>ENV A 1</c>).</summary>
    public string? FinalEnv(string name)
    {
        foreach (var env in FinalStage.Where(i => i.Keyword == "ENV"))
        {
            foreach (Match m in EnvPair().Matches(env.Arguments))
            {
                if (m.Groups["name"].Value == name)
                {
                    return m.Groups["value"].Value.Trim('"');
                }
            }
        }

        return null;
    }

    /// <summary>The default of a global <c>ARG</c> (declared before the first FROM).</summary>
    public string? GlobalArgDefault(string name) => Instructions
        .Where(i => i.Stage < 0 && i.Keyword == "ARG")
        .Select(i => i.Arguments.Split('=', 2))
        .Where(p => p[0] == name && p.Length == 2)
        .Select(p => p[1].Trim('"'))
        .FirstOrDefault();

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuedLine();

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>""[^""]*""|\S+)")]
    private static partial Regex EnvPair();
}
