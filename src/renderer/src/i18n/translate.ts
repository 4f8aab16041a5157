/** The catalogue lives in src/shared/i18n (the CLI uses it too); renderer code keeps importing it from here. */
export {
  catalogue,
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGES,
  translate,
  type Language,
  type MessageKey,
  type Translate,
  type TranslateParams,
  type Translator,
} from '../../../shared/i18n/translate';
export { translateMessage, type Message } from '../../../shared/i18n/message';
