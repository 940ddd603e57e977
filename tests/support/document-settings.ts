// Document settings for tests in any runtime (Node or workerd), every line
// set, with neutral placeholders: never the district's real bodies or officials.
import type { DocumentSettings } from '../../shared/documents/index.ts';

export const TEST_DOCUMENT: DocumentSettings = {
  parentBody: 'CƠ QUAN CẤP TRÊN THỬ NGHIỆM',
  issuingBody: 'CƠ QUAN THỬ NGHIỆM',
  numberSymbol: 'BC-TN',
  place: 'Nơi thử nghiệm',
  recipients: ['Cơ quan nhận thử nghiệm 1', 'Cơ quan nhận thử nghiệm 2'],
  signerLines: ['TM. CƠ QUAN THỬ NGHIỆM', 'NGƯỜI KÝ THỬ NGHIỆM'],
  signerName: 'Người ký thử nghiệm',
  copyTo: ['Cơ quan A (thử nghiệm)'],
  archiveUnit: 'VP',
};
