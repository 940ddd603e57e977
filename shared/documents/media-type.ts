// The media type of a .docx document (IANA registration for Office Open XML
// WordprocessingML, ECMA-376): the Worker's answer, the OpenAPI description
// and the tests.

/** `Content-Type` of a .docx file. */
export const DOCX_MEDIA_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
