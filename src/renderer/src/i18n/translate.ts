import { messagesEn } from './messages-en';
import { messagesZh, type MessageKey } from './messages-zh';

export type Language = 'zh' | 'en';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];
export const DEFAULT_LANGUAGE: Language = 'zh';

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { zh: messagesZh, en: messagesEn };

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so a missing param is noticed. */
export function translate(language: Language, key: MessageKey, params?: TranslateParams): string {
  const template = CATALOGUES[language][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

export function catalogue(language: Language): Readonly<Record<MessageKey, string>> {
  return CATALOGUES[language];
}

export function isLanguage(value: unknown): value is Language {
  return value === 'zh' || value === 'en';
}
