export {
  DOTTED,
  type DocumentSettings,
  DocumentSettingsSchema,
  EMPTY_DOCUMENT_SETTINGS,
  orDotted,
} from './settings.ts';
