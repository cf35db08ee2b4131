namespace Moderation.Classifier;

/// <summary>Structural signals found while normalising a text.</summary>
/// <param name="Links">URLs and bare domain names.</param>
/// <param name="Emails">E-mail addresses.</param>
/// <param name="Phones">Phone numbers (Indonesian and international forms).</param>
/// <param name="Handles">@handles.</param>
/// <param name="MessengerContacts">WhatsApp / Telegram contacts and invitations (wa.me, t.me, "WA 0812...").</param>
/// <param name="StyledLetterShare">Share of letters written in styled Unicode (mathematical alphanumerics, fullwidth, look-alikes), 0..1.</param>
public sealed record TextSignals(int Links, int Emails, int Phones, int Handles, int MessengerContacts, float StyledLetterShare)
{
    /// <summary>No signals.</summary>
    public static TextSignals None { get; } = new(0, 0, 0, 0, 0, 0);
}
