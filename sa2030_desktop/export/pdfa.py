"""Make matplotlib's PDFs archivable as PDF/A-2b (graph and timeline exports, Qt-free).

matplotlib already writes what PDF/A asks of the content when `pdf.fonttype` is 42: every font
embedded as a TrueType subset, no encryption, no LZW, no external content. What it lacks is
the archive's paperwork, added here with pikepdf (qpdf): an XMP packet declaring PDF/A-2b
(`pdfaid:part` 2, `pdfaid:conformance` B) that agrees with the info dictionary, an sRGB
OutputIntent (matplotlib paints in DeviceRGB) and a file identifier. Chosen over Ghostscript's
PDF/A mode because pikepdf is a wheel on Windows and Linux (no program for the IT department to
install), leaves the drawing untouched (Ghostscript re-renders and re-subsets every font) and
takes milliseconds instead of seconds.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

SRGB = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    """An sRGB ICC profile made by littleCMS (through Pillow, which matplotlib needs anyway),
    so no profile file with its own licence ships with the application. littleCMS labels it
    ICC 4.4; PDF/A-2 names ISO 15076-1:2005 (ICC 4.2), whose tag types are the same, so the
    header says 4.2."""
    from PIL import ImageCms

    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    data[8:12] = bytes((4, 0x20, 0, 0))
    return bytes(data)


def make_pdfa(path: Path, title: str) -> None:
    """Rewrite the PDF at `path` (a temporary file of an atomic write) as PDF/A-2b in place."""
    import pikepdf

    with pikepdf.open(path, allow_overwriting_input=True) as pdf:
        pdf.docinfo[pikepdf.Name.Title] = title
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            meta["dc:language"] = ["de-DE"]
        profile = pdf.make_stream(srgb_profile())
        profile[pikepdf.Name.N] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=SRGB,
            Info=SRGB,
            RegistryName="http://www.color.org",
            DestOutputProfile=profile,
        )
        pdf.Root[pikepdf.Name.OutputIntents] = pikepdf.Array([pdf.make_indirect(intent)])
        pdf.Root[pikepdf.Name.Lang] = "de-DE"
        pdf.save(path, fix_metadata_version=True)
