import { describe, expect, it } from 'vitest';
import { translateMessage, type Message } from './message';
import { messagesEn } from './messages-en';
import { messagesZh, type MessageKey } from './messages-zh';
import { translate } from './translate';

/** Placeholder names of a message; a translation may use one more than once (zh export headings repeat the range). */
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('message catalogues', () => {
  it('have exactly the same keys in both languages', () => {
    expect(Object.keys(messagesEn).sort()).toEqual(Object.keys(messagesZh).sort());
  });

  it('have no empty message and the same placeholders in both languages', () => {
    for (const key of Object.keys(messagesZh) as MessageKey[]) {
      expect(messagesZh[key].trim(), key).not.toBe('');
      expect(messagesEn[key].trim(), key).not.toBe('');
      expect(placeholders(messagesEn[key]), key).toEqual(placeholders(messagesZh[key]));
    }
  });

  it('are actually translated: the Chinese catalogue is Chinese', () => {
    const chinese = Object.values(messagesZh).filter((m) => /[\u4e00-\u9fff]/.test(m));
    // Only brand names and coordinate-system names may stay Latin in Chinese.
    expect(chinese.length / Object.keys(messagesZh).length).toBeGreaterThan(0.85);
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh', 'about.version', { version: '1.2.3' })).toBe('版本 1.2.3');
    expect(translate('en', 'about.version', { version: '1.2.3' })).toBe('Version 1.2.3');
    expect(translate('en', 'about.version', {})).toBe('Version {version}');
  });

  it('does not fill placeholders a parameter value brings in', () => {
    expect(translate('en', 'about.version', { version: '{x}', x: 'filled' })).toBe('Version {x}');
  });
});

describe('translateMessage', () => {
  it('translates a message without parameters', () => {
    expect(translateMessage('en', { key: 'about.version' })).toBe('Version {version}');
  });

  it('translates nested messages in the same language', () => {
    const message: Message = {
      key: 'check.issue.rowMissingLocation',
      params: { seq: 7, name: '项目7', written: { key: 'check.issue.blank' } },
    };
    expect(translateMessage('zh', message)).toBe('序号7“项目7”未列建设地点（空）。');
    expect(translateMessage('en', message)).toBe('No. 7 "项目7" gives no site (建设地点: blank).');
  });
});
