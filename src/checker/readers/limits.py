"""Resource limits that keep hostile or accidental inputs from exhausting the machine."""

from __future__ import annotations

from dataclasses import dataclass

MiB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """Upper bounds applied while reading one file.

    The defaults are far above any real annual report (a few hundred KB) yet
    small enough that a crafted file is refused before it costs much.
    """

    max_file_bytes: int = 64 * MiB  # a .docx with pictures can be large; its text is not
    max_text_bytes: int = 16 * MiB  # a text, Markdown or HTML file
    max_text_chars: int = 2_000_000  # characters of text in one document, after reading
    max_decompressed_bytes: int = 256 * MiB  # total over the zip members read
    max_table_cells: int = 200_000  # grid positions after spans are resolved
    max_line_chars: int = 200_000  # longer paragraphs are split into pieces this long
    max_zip_members: int = 10_000  # a real .docx has tens of parts, a few hundred with images
    # Counted before the document is walked, so that the walk's cost is bounded:
    # a real report has a few hundred paragraphs and a few thousand elements.
    max_paragraphs: int = 100_000  # paragraphs (list items included) of a .docx
    max_elements: int = 1_000_000  # XML elements of a .docx part, tags of an HTML page
    max_pages: int = 1_000  # PDF pages; a long annual report has fifty
    max_objects: int = 200_000  # PDF objects or OLE directory entries; a report has thousands
    max_read_seconds: int = 60  # wall time to read one paged or binary document


DEFAULT_LIMITS = ReadLimits()
