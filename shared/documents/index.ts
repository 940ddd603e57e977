export { DOCX_MEDIA_TYPE } from './media-type.ts';
export {
  DOTTED,
  type DocumentSettings,
  DocumentSettingsSchema,
  EMPTY_DOCUMENT_SETTINGS,
  orDotted,
} from './settings.ts';
