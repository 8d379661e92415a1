using PdfSharp;
using PdfSharp.Fonts;

namespace EduQuality.WebConsole.Reports;

/// <summary>
/// PDFsharp's process-wide settings, made once: the licence under which it is used (AGPL-3.0; PDFsharp refuses to
/// write a document until one is declared; see docs/adr/0019-pdf-reports-with-pdfsharp.md) and the embedded fonts.
/// </summary>
public static class PdfLibrary
{
    private static readonly Lock Gate = new();
    private static bool prepared;

    public static void Prepare()
    {
        lock (Gate)
        {
            if (prepared)
            {
                return;
            }

            PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new EmbeddedFonts();
            prepared = true;
        }
    }
}
