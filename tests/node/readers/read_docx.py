"""Reads a .docx with python-docx (Debian's python3-docx) and prints what
the report test checks, as JSON: each section's page size, orientation and
margins (twips), whether page 1 has its own header and what the headers
hold; the fonts of the styles; every paragraph (style, text, runs' fonts
and sizes); every table's cell texts."""
import json
import sys

import docx


def twips(length):
    return None if length is None else round(length.twips)


def font_of(style):
    f = style.font
    return {"name": f.name, "size": f.size.pt if f.size else None, "bold": f.bold, "italic": f.italic}


d = docx.Document(sys.argv[1])
out = {
    "sections": [
        {
            "width": twips(s.page_width),
            "height": twips(s.page_height),
            "orientation": str(s.orientation),
            "top": twips(s.top_margin),
            "bottom": twips(s.bottom_margin),
            "left": twips(s.left_margin),
            "right": twips(s.right_margin),
            "titlePage": s.different_first_page_header_footer,
            "header": s.header._element.xml,
            "firstHeader": s.first_page_header._element.xml,
        }
        for s in d.sections
    ],
    # By id: python-docx looks built-in styles up by Word's internal names ("heading 1").
    "styles": {s.style_id: font_of(s) for s in d.styles if s.style_id in ("Normal", "Heading1", "Heading2", "Heading3")},
    "outline": {s.style_id: s.element.xpath("string(w:pPr/w:outlineLvl/@w:val)") for s in d.styles if s.style_id.startswith("Heading")},
    # The document's default run font and size (w:docDefaults), which Normal inherits.
    "defaults": {
        "font": d.styles.element.xpath("string(w:docDefaults/w:rPrDefault/w:rPr/w:rFonts/@w:ascii)"),
        "halfPoints": d.styles.element.xpath("string(w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val)"),
    },
    "paragraphs": [
        {
            "style": p.style.name,
            "text": p.text,
            "fonts": sorted({r.font.name for r in p.runs if r.font.name}),
        }
        for p in d.paragraphs
    ],
    "tables": [[[c.text for c in row.cells] for row in t.rows] for t in d.tables],
}
json.dump(out, sys.stdout, ensure_ascii=False)
