import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildCsp } from './security';
import { applyDevServerCsp } from './session-setup';

type HeadersListener = (
  details: { url: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;

describe('applyDevServerCsp', () => {
  const DEV = 'http://localhost:5173/';
  let listener: HeadersListener | undefined;
  const session = {
    webRequest: { onHeadersReceived: vi.fn((l: HeadersListener) => (listener = l)) },
  } as unknown as Session;
  applyDevServerCsp(session, DEV);

  const run = (url: string, responseHeaders: Record<string, string[]>) => {
    let result: { responseHeaders?: Record<string, string[]> } | undefined;
    listener?.({ url, responseHeaders }, (response) => (result = response));
    return result;
  };

  it('replaces any CSP from the dev server with the dev CSP', () => {
    const result = run('http://localhost:5173/src/main.tsx', {
      'content-security-policy': ['*'],
      'Content-Type': ['text/javascript'],
    });
    expect(result?.responseHeaders).toEqual({
      'Content-Type': ['text/javascript'],
      'Content-Security-Policy': [buildCsp(DEV)],
    });
  });

  it('leaves other origins untouched', () => {
    expect(run('outu://data/counties.geojson', {})).toEqual({});
  });
});
