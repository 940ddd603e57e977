// Cell notes (Excel's "Notes", formerly comments): the comments part
// (xl/commentsN.xml, what LibreOffice and openpyxl read) and the legacy VML
// drawing that Excel needs to show them (xl/drawings/vmlDrawingN.vml), as
// ECMA-376 Part 1 §18.7 and Excel's own files lay them out.
import { parseAddress } from '../../../shared/layout/a1.ts';
import type { Note } from './types.ts';
import { cellText, plainText } from './xml.ts';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** The comments part: one author, each note's text as one run. */
export function commentsXml(notes: readonly Note[], author: string): string {
  return (
    `${XML_HEAD}<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
    `<authors><author>${plainText(author)}</author></authors><commentList>` +
    notes
      .map(
        (n) =>
          `<comment ref="${n.cell}" authorId="0"><text><t xml:space="preserve">${cellText(n.text)}</t></text></comment>`,
      )
      .join('') +
    '</commentList></comments>'
  );
}

/**
 * The VML drawing Excel shows notes from: one hidden text box per note,
 * anchored beside its cell (shape ids must be unique in the workbook, so
 * each sheet takes its own block of 1024).
 */
export function vmlXml(notes: readonly Note[], sheetNumber: number): string {
  const shapes = notes.map((n, i) => {
    const at = parseAddress(n.cell) ?? { row: 1, col: 1 };
    const row = at.row - 1;
    const col = at.col - 1;
    return (
      `<v:shape id="_x0000_s${sheetNumber * 1024 + i + 1}" type="#_x0000_t202" ` +
      'style="position:absolute;margin-left:80pt;margin-top:2pt;width:220pt;height:90pt;z-index:1;visibility:hidden" ' +
      'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>' +
      '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
      '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
      '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
      `<x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor>` +
      `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
    );
  });
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${sheetNumber}"/></o:shapelayout>` +
    '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
    shapes.join('') +
    '</xml>'
  );
}

/** The worksheet's relationships to its comments and VML drawing (rId1, rId2). */
export function sheetRelsXml(sheetNumber: number): string {
  return (
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments${sheetNumber}.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing${sheetNumber}.vml"/>` +
    '</Relationships>'
  );
}
