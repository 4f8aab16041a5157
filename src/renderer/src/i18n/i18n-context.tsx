import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { translate, translateMessage, type Language, type Message, type Translate } from './translate';

interface I18nValue {
  language: Language;
  t: Translate;
  /** Text of a message core returned as data (an import row error, a package error, a data-check finding). */
  tMessage: (message: Message) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18nValue>(
    () => ({
      language,
      t: (key, params) => translate(language, key, params),
      tMessage: (message) => translateMessage(language, message),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
