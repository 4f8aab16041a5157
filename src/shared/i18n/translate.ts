/**
 * The one message catalogue, for the UI and the CLI alike: `translate(language, key, params)`.
 * Core never holds sentences; it returns codes (see message.ts), and whoever shows them or writes
 * them into a file looks the text up here.
 */
import { messagesEn } from './messages-en';
import { messagesZh, type MessageKey } from './messages-zh';

export type { MessageKey };
export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { zh: messagesZh, en: messagesEn };

export type TranslateParams = Record<string, string | number>;
/** Bound to one language: what components get as `t` from the i18n context. */
export type Translate = (key: MessageKey, params?: TranslateParams) => string;
/**
 * Any language: `translate` itself. Core functions that write text into a file (CSV headers, a
 * metadata sheet) take one from their caller, so core names keys and never holds the texts.
 */
export type Translator = (language: Language, key: MessageKey, params?: TranslateParams) => string;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so a missing param is noticed. */
export const translate: Translator = (language, key, params) => {
  const template = CATALOGUES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
};

export function catalogue(language: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGUES[language];
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}
