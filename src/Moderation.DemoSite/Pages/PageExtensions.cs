using Microsoft.AspNetCore.StaticFiles;

namespace Moderation.DemoSite.Pages;

public static class PageExtensions
{
    // Our own files only, no inline code, no framing: comment text is always rendered as text, and this is the second
    // line of defence should that ever slip.
    const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Security headers on every response, the reader cookie, and the page and its files from <c>wwwroot/</c>.</summary>
    public static WebApplication UseDemoSitePages(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            if (context.Request.Path == "/" || context.Request.Path == "/index.html")
            {
                Readers.Id(context);
            }

            return next(context);
        });
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = new FileExtensionContentTypeProvider { Mappings = { [".js"] = "text/javascript; charset=utf-8" } },
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl = "no-cache",
        });
        return app;
    }
}
