// The merged workbook's cell styles: Decree 30's print look (common.ts)
// for the header block, the tables, and the grey task rows. Shared objects:
// the writer caches a style per object.
import type { Style } from '../../xlsx/types.ts';
import { style, TABLE_HEADER } from '../common.ts';

export const S = {
  issuerParent: style(12, { horizontal: 'center', vertical: 'center', wrap: true }),
  issuerName: style(12, { bold: true, horizontal: 'center', vertical: 'center', wrap: true }),
  motto: style(12, { bold: true, horizontal: 'center', vertical: 'center' }),
  motto2: style(13, { bold: true, underline: true, horizontal: 'center', vertical: 'center' }),
  dateLine: style(13, { italic: true, horizontal: 'center', vertical: 'center' }),
  docKind: style(14, { bold: true, horizontal: 'center', vertical: 'center' }),
  title: style(13, { bold: true, horizontal: 'center', vertical: 'center', wrap: true }),
  subtitle: style(12, { italic: true, horizontal: 'center', vertical: 'center', wrap: true }),
  heading: style(12, { bold: true, vertical: 'center' }),
  note: style(11, { italic: true, vertical: 'top', wrap: true }),
  th: TABLE_HEADER,
  th2: style(11, {
    bold: true,
    border: true,
    wrap: true,
    horizontal: 'center',
    vertical: 'center',
  }),
  text: style(11, { border: true, wrap: true, vertical: 'top' }),
  emptyTable: style(11, { italic: true, border: true, wrap: true, vertical: 'top' }),
  textCenter: style(11, { border: true, wrap: true, vertical: 'top', horizontal: 'center' }),
  number: style(11, { border: true, vertical: 'top', horizontal: 'center' }),
  percent: style(11, { border: true, vertical: 'top', horizontal: 'center', numberFormat: '0.0' }),
  missing: style(11, {
    italic: true,
    border: true,
    wrap: true,
    vertical: 'top',
    horizontal: 'center',
    color: '595959',
  }),
  section: style(11, { bold: true, border: true, wrap: true, vertical: 'center', fill: 'D9D9D9' }),
  sectionId: style(11, {
    bold: true,
    border: true,
    vertical: 'center',
    horizontal: 'center',
    fill: 'D9D9D9',
  }),
  task: style(11, { bold: true, border: true, wrap: true, vertical: 'top', fill: 'F2F2F2' }),
  taskCenter: style(11, {
    bold: true,
    border: true,
    wrap: true,
    vertical: 'top',
    horizontal: 'center',
    fill: 'F2F2F2',
  }),
  taskFixed: style(11, { border: true, wrap: true, vertical: 'top', fill: 'F2F2F2' }),
  totalLabel: style(11, { bold: true, border: true, wrap: true, vertical: 'center' }),
  totalNumber: style(11, { bold: true, border: true, vertical: 'center', horizontal: 'center' }),
} satisfies Record<string, Style>;
