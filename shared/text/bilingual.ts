// The one bilingual text shape of the project: every message a person reads
// is Vietnamese first, with English beside it (API errors, findings, upload
// problems, the task pane, the web page, the scripts).

/** A text in Vietnamese (`vi`, shown first) and English (`en`). */
export interface Bilingual {
  vi: string;
  en: string;
}
