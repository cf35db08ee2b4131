using Microsoft.Extensions.DependencyInjection;
using Moderation.Service.Data;
using Moderation.Service.Policies;

namespace Moderation.Service.Tests;

/// <summary>Campaign candidates on the embedded store (SQLite): every stored fingerprint within MaxDistance, none beyond.</summary>
public sealed class Finding_near_duplicates
{
    [Fact]
    public async Task Fingerprints_up_to_seven_bits_away_are_found_even_when_no_band_matches_exactly()
    {
        await using var app = new ModerationAppFactory();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ModerationDbContext>();
        var comments = CampaignRows.Build("near-site", DateTime.UtcNow).ToList();
        db.Comments.AddRange(comments);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        var signals = scope.ServiceProvider.GetRequiredService<ModerationSignals>();
        var matches = await signals.FindCampaignsAsync(db, [("near-site", "newcomer", CampaignRows.Fingerprint, CampaignRows.Policy)], TestContext.Current.CancellationToken);

        // The eight stored comments 0–7 bits away (by eight authors) and the new one; not those 8 and 9 bits away.
        Assert.Equal(new CampaignMatch(Comments: 9, Authors: 9), matches[0]);
    }
}
