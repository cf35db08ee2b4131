using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Moderation.Service.Auth;
using Spectre.Console;

namespace Moderation.Cli;

/// <summary><c>moderation keys create --name NAME --role moderator --site SITE</c>, <c>keys list</c>, <c>keys revoke ID</c>.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "Who holds the key (shown as the moderator in decisions and the audit log).", Required = true };
        var role = new Option<string>("--role") { Description = "moderator or admin.", DefaultValueFactory = _ => Roles.Moderator };
        var sites = new Option<string[]>("--site") { Description = "A site the key may act on (repeatable); admins default to every site.", AllowMultipleArgumentsPerToken = true };
        var create = new Command("create", "Create an API key and print it once.") { name, role, sites, ServiceDatabase.Postgres, ServiceDatabase.Sqlite };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var request = new CreateKeyRequest(parse.GetValue(name), parse.GetValue(role), parse.GetValue(sites) ?? []);
            var errors = KeysApi.Validate(request);
            if (errors.Count > 0)
            {
                foreach (var error in errors.SelectMany(e => e.Value))
                {
                    await Console.Error.WriteLineAsync(error);
                }

                return 2;
            }

            using var host = await ServiceDatabase.OpenAsync(parse, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var keySites = request.Sites is { Count: > 0 } given ? given : [ModeratorIdentity.AllSites];
            var (record, key) = await Store().CreateAsync(scope.Db(), request.Name!.Trim(), request.Role!, keySites, "cli", cancellationToken);
            AnsiConsole.MarkupLine($"Created key [bold]{record.Id}[/] for [bold]{Markup.Escape(record.Name)}[/] ({record.Role}; sites: {Markup.Escape(string.Join(", ", keySites))}).");
            AnsiConsole.MarkupLine("It is shown once; store it now:");
            Console.WriteLine(key);
            return 0;
        });

        var list = new Command("list", "List API keys (never the keys themselves).") { ServiceDatabase.Postgres, ServiceDatabase.Sqlite };
        list.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await ServiceDatabase.OpenAsync(parse, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var table = new Table().AddColumns("id", "name", "role", "sites", "created", "revoked");
            foreach (var key in await scope.Db().ApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken))
            {
                table.AddRow(key.Id, Markup.Escape(key.Name), key.Role, Markup.Escape(key.Sites.Trim()), $"{key.CreatedAt:u}", key.RevokedAt is { } at ? $"{at:u}" : "");
            }

            AnsiConsole.Write(table);
            return 0;
        });

        var id = new Argument<string>("id") { Description = "The key's id (the part after mk_)." };
        var revoke = new Command("revoke", "Revoke an API key.") { id, ServiceDatabase.Postgres, ServiceDatabase.Sqlite };
        revoke.SetAction(async (parse, cancellationToken) =>
        {
            using var host = await ServiceDatabase.OpenAsync(parse, cancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            if (!await Store().RevokeAsync(scope.Db(), parse.GetValue(id)!, "cli", cancellationToken))
            {
                await Console.Error.WriteLineAsync($"No key with id {parse.GetValue(id)}.");
                return 1;
            }

            Console.WriteLine($"Revoked {parse.GetValue(id)}; services stop accepting it within {ApiKeyStore.CacheFor.TotalSeconds:0} seconds.");
            return 0;
        });

        return new Command("keys", "Create, list and revoke API keys for moderators and admins.") { create, list, revoke };
    }

    static ApiKeyStore Store() => new(Options.Create(new AuthOptions()), TimeProvider.System);
}
