namespace Moderation.IntegrationTests;

/// <summary>
/// The RabbitMQ and PostgreSQL servers that <c>./test.sh</c> started (scripts/servers.sh), found through
/// environment variables. Without them the tests skip on a developer machine and fail under CI=true.
/// </summary>
public static class RealServers
{
    public static Uri RabbitMq => new(Require("MODERATION_TEST_RABBITMQ"));

    public static Uri RabbitMqManagement => new(Require("MODERATION_TEST_RABBITMQ_MANAGEMENT"));

    public static string Postgres => Require("MODERATION_TEST_POSTGRES");

    static string Require(string variable)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        var message = $"{variable} is not set: run the tests through ./test.sh, which starts RabbitMQ and PostgreSQL.";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(message);
        }

        Assert.Skip(message);
        return null!;
    }
}
