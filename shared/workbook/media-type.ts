// The media type of an .xlsx workbook (IANA registration for Office Open XML
// SpreadsheetML, ECMA-376): one constant for the Worker's answers, the OpenAPI
// description, the web page's file picker and the tests.

/** `Content-Type` of an .xlsx file. */
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
