/**
 * A sentence as data: a catalogue key and its parameters. Core returns these instead of text (an
 * import row error, a package error, a data-check finding); the UI and the CLI turn them into
 * text in their language with `translateMessage`. A parameter may itself be a Message when part
 * of the sentence depends on the language too (e.g. "blank" for an empty cell).
 */
import { translate, type Language, type MessageKey, type TranslateParams } from './translate';

export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export interface MessageParams {
  readonly [name: string]: string | number | Message;
}

export function translateMessage(language: Language, message: Message): string {
  if (!message.params) return translate(language, message.key);
  const filled: TranslateParams = {};
  for (const [name, value] of Object.entries(message.params))
    filled[name] = typeof value === 'object' ? translateMessage(language, value) : value;
  return translate(language, message.key, filled);
}
