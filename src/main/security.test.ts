import { describe, expect, it } from 'vitest';
import {
  CSP,
  SECURE_WEB_PREFERENCES,
  buildCsp,
  isAllowedNavigation,
  isAllowedPermission,
  secureWebPreferences,
} from './security';

const DEV = 'http://localhost:5173';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('CSP', () => {
  it('is the strict production policy', () => {
    const d = directives(CSP);
    expect(d.get('default-src')).toEqual(["'self'", 'outu:']);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('worker-src')).toEqual(["'self'", 'blob:']);
    expect(d.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(d.get('connect-src')).toEqual(["'self'", 'outu:', 'data:', 'blob:']);
    expect(d.get('font-src')).toEqual(["'self'", 'data:']);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows eval, inline scripts or remote hosts in production', () => {
    expect(CSP).not.toMatch(/unsafe-eval|http:|https:|ws:|\*/);
    expect(directives(CSP).get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('adds the dev server origin and its websocket in dev only', () => {
    const d = directives(buildCsp(`${DEV}/`));
    expect(d.get('script-src')).toEqual(["'self'", DEV, "'unsafe-inline'"]);
    expect(d.get('connect-src')).toContain('ws://localhost:5173');
    expect(d.get('connect-src')).toContain(DEV);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(buildCsp('https://localhost:5173')).toContain('wss://localhost:5173');
  });

  it('ignores a dev URL that is not http(s)', () => {
    expect(buildCsp('file:///etc/passwd')).toBe(CSP);
    expect(buildCsp('not a url')).toBe(CSP);
  });
});

describe('isAllowedNavigation', () => {
  it('allows the app origin', () => {
    expect(isAllowedNavigation('outu://app/index.html')).toBe(true);
    expect(isAllowedNavigation('outu://app/')).toBe(true);
    expect(isAllowedNavigation('outu://app/index.html#/county/330302')).toBe(true);
  });

  it('refuses everything else', () => {
    for (const url of [
      'https://example.com',
      'http://localhost:5173/',
      'outu://data/counties.geojson',
      'outu://app.evil.com/index.html',
      'outu://user:pw@app/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'data:text/html,hi',
      'about:blank',
      'not a url',
      '',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('allows the dev server origin in dev only', () => {
    expect(isAllowedNavigation('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedNavigation('http://localhost.evil.com:5173/', DEV)).toBe(false);
    expect(isAllowedNavigation('https://example.com', DEV)).toBe(false);
  });
});

describe('webPreferences', () => {
  it('isolates and sandboxes the renderer', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(secureWebPreferences('/app/out/preload/index.js')).toMatchObject({
      preload: '/app/out/preload/index.js',
      sandbox: true,
    });
  });
});

describe('isAllowedPermission', () => {
  it('grants only geolocation and only to the app', () => {
    expect(isAllowedPermission('geolocation', 'outu://app/index.html')).toBe(true);
    expect(isAllowedPermission('geolocation', 'https://example.com/')).toBe(false);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'openExternal', 'midi']) {
      expect(isAllowedPermission(permission, 'outu://app/index.html')).toBe(false);
    }
  });
});
