// One worksheet part (xl/worksheets/sheetN.xml), elements in the order the
// schema requires (CT_Worksheet): sheetPr, dimension, sheetViews,
// sheetFormatPr, cols, sheetData, sheetProtection, mergeCells,
// dataValidations, pageMargins, pageSetup, headerFooter, rowBreaks,
// legacyDrawing.
import { address, columnLetter } from '../../../shared/layout/a1.ts';
import type { SharedStrings } from './strings.ts';
import type { StyleSheet } from './styles.ts';
import type { DataValidation, Sheet } from './types.ts';
import { escapeXml, plainText } from './xml.ts';

/**
 * One cell's <c> element, '' for an unstyled empty cell. `ref` is its
 * ` r="E8"` attribute, or '' for a cell written without (Workbook.cellRefs).
 */
function cellXml(ref: string, value: unknown, s: number, strings: SharedStrings): string {
  const style = s ? ` s="${s}"` : '';
  if (
    value === null ||
    value === undefined ||
    (typeof value === 'number' && !Number.isFinite(value))
  ) {
    return s ? `<c${ref}${style}/>` : '';
  }
  if (typeof value === 'number') return `<c${ref}${style}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c${ref}${style} t="b"><v>${value ? 1 : 0}</v></c>`;
  // Text is always a shared string, never <f>: "=SUM(A1)" stays text.
  return `<c${ref}${style} t="s"><v>${strings.add(String(value))}</v></c>`;
}

function validationXml(v: DataValidation): string {
  const attrs = [
    `type="${v.type}"`,
    v.allowBlank === false ? '' : 'allowBlank="1"',
    'showInputMessage="1"',
    'showErrorMessage="1"',
    v.errorTitle ? `errorTitle="${plainText(v.errorTitle)}"` : '',
    v.error ? `error="${plainText(v.error)}"` : '',
    v.promptTitle ? `promptTitle="${plainText(v.promptTitle)}"` : '',
    v.prompt ? `prompt="${plainText(v.prompt)}"` : '',
    `sqref="${v.range}"`,
  ];
  let formulas: string;
  if (v.type === 'list') {
    const list = (v.values ?? []).join(',');
    if (list.length > 255 || (v.values ?? []).some((x) => x.includes(','))) {
      throw new Error(
        `Data validation list for ${v.range} must be ≤ 255 characters without commas`,
      );
    }
    formulas = `<formula1>"${plainText(list.replace(/"/g, '""'))}"</formula1>`;
  } else {
    const { min, max } = v;
    if (min !== undefined && max !== undefined) {
      attrs.splice(1, 0, 'operator="between"');
      formulas = `<formula1>${min}</formula1><formula2>${max}</formula2>`;
    } else if (max !== undefined) {
      attrs.splice(1, 0, 'operator="lessThanOrEqual"');
      formulas = `<formula1>${max}</formula1>`;
    } else {
      attrs.splice(1, 0, 'operator="greaterThanOrEqual"');
      formulas = `<formula1>${min ?? 0}</formula1>`;
    }
  }
  return `<dataValidation ${attrs.filter(Boolean).join(' ')}>${formulas}</dataValidation>`;
}

/**
 * Manual page breaks before the given rows: a <brk> names the last row of
 * a page (0-based: the row above the break), man="1" marks it manual and
 * max="16383" runs it across every column, as Excel writes them.
 */
function rowBreaksXml(sheet: Sheet): string {
  const rows = sheet.rowBreaks;
  if (!rows?.length) return '';
  const brks = rows.map((r) => {
    if (!Number.isInteger(r) || r < 2)
      throw new Error(`Sheet “${sheet.name}”: a page break before row ${r} (must be a row ≥ 2)`);
    return `<brk id="${r - 1}" max="16383" man="1"/>`;
  });
  return `<rowBreaks count="${brks.length}" manualBreakCount="${brks.length}">${brks.join('')}</rowBreaks>`;
}

/**
 * The XML of the worksheet part of `sheet`, its texts added to `strings`
 * and its styles to `styles`; `refs` says which cells carry their reference
 * (Workbook.cellRefs). Throws on rows out of order, a bad page break or a
 * list validation over 255 characters or with commas.
 */
export function sheetXml(
  sheet: Sheet,
  styles: StyleSheet,
  strings: SharedStrings,
  refs: 'all' | 'gaps' = 'all',
): string {
  let maxCol = 1;
  let maxRow = 1;
  // <sheetData>'s content, appended to: one string, no array per row.
  let data = '';
  let lastIndex = 0;
  // Column letters, made once per sheet rather than once per cell.
  const letters: string[] = [];
  const gaps = refs === 'gaps';
  for (const row of sheet.rows) {
    if (row.index <= lastIndex)
      throw new Error(`Sheet “${sheet.name}”: rows must be in ascending order (row ${row.index})`);
    // With 'gaps', a row right after the one before goes without `r`.
    const rowRef = gaps && row.index === lastIndex + 1 ? '' : ` r="${row.index}"`;
    lastIndex = row.index;
    maxRow = Math.max(maxRow, row.index);
    const height = row.height ? ` ht="${row.height}"${row.grows ? '' : ' customHeight="1"'}` : '';
    data += `<row${rowRef}${height}>`;
    // With 'gaps', the column of the next cell that goes without `r`: A at
    // the start of the row, then the one right after the last cell written
    // (-1 with 'all': every cell carries it).
    let next = gaps ? 0 : -1;
    const cells = row.cells;
    for (let i = 0; i < cells.length; i++) {
      const cell = cells[i];
      if (!cell) continue;
      letters[i] ??= columnLetter(i + 1);
      const ref = next === i ? '' : ` r="${letters[i]}${row.index}"`;
      const xml = cellXml(ref, cell.value, styles.indexOf(cell.style), strings);
      if (xml) {
        data += xml;
        if (gaps) next = i + 1;
        maxCol = Math.max(maxCol, i + 1);
      }
    }
    data += '</row>';
  }
  maxCol = Math.max(maxCol, sheet.columns?.length ?? 0);

  const print = sheet.print;
  const freeze = sheet.freeze;
  let pane = '';
  if (freeze && (freeze.row > 1 || freeze.col > 1)) {
    const xs = freeze.col - 1;
    const ys = freeze.row - 1;
    const active = xs && ys ? 'bottomRight' : ys ? 'bottomLeft' : 'topRight';
    pane = `<pane${xs ? ` xSplit="${xs}"` : ''}${ys ? ` ySplit="${ys}"` : ''} topLeftCell="${address(freeze.row, freeze.col)}" activePane="${active}" state="frozen"/><selection pane="${active}" activeCell="${address(freeze.row, freeze.col)}" sqref="${address(freeze.row, freeze.col)}"/>`;
  }
  const cols = sheet.columns?.length
    ? `<cols>${sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const merges = sheet.merges?.length
    ? `<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`
    : '';
  const validations = sheet.dataValidations?.length
    ? `<dataValidations count="${sheet.dataValidations.length}">${sheet.dataValidations.map(validationXml).join('')}</dataValidations>`
    : '';
  const m = print?.margins ?? { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6 };
  const pageSetup = print
    ? `<pageSetup paperSize="9" orientation="${print.orientation ?? 'portrait'}"${print.fitToWidth ? ` fitToWidth="1" fitToHeight="${print.fitToHeight ? 1 : 0}"` : ''}/>`
    : '';
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    print?.fitToWidth ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="A1:${columnLetter(maxCol)}${maxRow}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${pane}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15.75"/>',
    cols,
    `<sheetData>${data}</sheetData>`,
    sheet.protect
      ? '<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>'
      : '',
    merges,
    validations,
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="0.3" footer="0.3"/>`,
    pageSetup,
    print?.footer
      ? `<headerFooter><oddFooter>${escapeXml(print.footer)}</oddFooter></headerFooter>`
      : '',
    rowBreaksXml(sheet),
    // The notes' VML drawing (notes.ts; relationship rId2 of the sheet).
    sheet.notes?.length ? '<legacyDrawing r:id="rId2"/>' : '',
    '</worksheet>',
  ].join('');
}
