namespace Moderation.DeployTests;

/// <summary>The list the deployment files are checked against is itself checked: found in the code, not made up.</summary>
public sealed class Configuration_keys
{
    [Fact]
    public void Come_from_every_options_class_of_the_service()
    {
        Assert.Subset(ConfigurationKeys.Sections.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase),
            new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Moderation:Storage", "Moderation:Model", "Moderation:Messaging", "Moderation:Auth", "Moderation:Privacy" });
        Assert.Contains("Moderation:Messaging:PrefetchCount", ConfigurationKeys.Scalars.Keys);
        Assert.Contains("Moderation:Messaging:RetryIntervals", ConfigurationKeys.Collections.Keys);
        Assert.Equal(typeof(bool), ConfigurationKeys.Scalars["Moderation:Model:Watch"]);
    }

    [Theory]
    [InlineData("Moderation__Auth__AdminApiKey")]
    [InlineData("Moderation__Messaging__RetryIntervals__0")]
    [InlineData("ConnectionStrings__Postgres")]
    [InlineData("Serilog__MinimumLevel__Override__MassTransit")]
    [InlineData("ASPNETCORE_HTTP_PORTS")]
    [InlineData("Moderation__Logging__Json")]
    public void Accept_what_the_service_reads(string variable) => Assert.Null(ConfigurationKeys.ProblemWithVariable(variable));

    [Theory]
    [InlineData("Moderation__Messaging__PrefechCount")]
    [InlineData("Moderation__Auth__AdminKey")]
    [InlineData("ConnectionStrings__Postgress")]
    [InlineData("Moderation__Nothing__Here")]
    [InlineData("Moderation:Model:Path:Extra")]
    public void Reject_what_it_does_not(string variable) => Assert.NotNull(ConfigurationKeys.ProblemWithVariable(variable));

    [Theory]
    [InlineData("Moderation:Messaging:PrefetchCount", "many")]
    [InlineData("Moderation:Model:Watch", "yes")]
    [InlineData("Moderation:Storage:StartupTimeout", "two minutes")]
    public void Reject_values_of_the_wrong_type(string key, string value) => Assert.NotNull(ConfigurationKeys.ProblemWithValue(key, value));

    [Fact]
    public void Read_directly_are_still_read_by_the_service()
    {
        var source = string.Join('\n', Directory.GetFiles(DeployFiles.ServiceSource, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText));
        foreach (var key in ConfigurationKeys.ReadDirectly)
        {
            Assert.Contains($"\"{key}\"", source, StringComparison.Ordinal);
        }

        foreach (var name in ConfigurationKeys.ConnectionStringNames)
        {
            Assert.Contains($"GetConnectionString(\"{name}\")", source, StringComparison.Ordinal);
        }
    }
}
