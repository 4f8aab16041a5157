import { describe, expect, it } from 'vitest';
import { flattenMarkdown, parseSourceMd } from './attribution-parse';

// Shaped like basemap-gshhg/SOURCE.md: a table, inline code, bullets, bold.
const GSHHG_LIKE = `# Coastline / land from GSHHG (Debian package)

## Files (box 119.3–121.6 E)
| file | content |
|---|---|
| land.geojson | 1 feature |

## Origin
Debian \`gmt-gshhg-full\` 2.3.7-6,
read with   GMT.

## License
GSHHG: **LGPL-3+** (Debian copyright file).
See [the site](https://example.org/gshhg).

## Caveats
- WVS-derived (~1:250k).
- \`gmt coast -N\` returns nothing here.
`;

describe('parseSourceMd', () => {
  it('takes title, licence, origin and caveats and flattens the markdown', () => {
    expect(parseSourceMd('basemap-gshhg', GSHHG_LIKE)).toEqual({
      id: 'basemap-gshhg',
      title: 'Coastline / land from GSHHG (Debian package)',
      licence: 'GSHHG: LGPL-3+ (Debian copyright file). See the site (https://example.org/gshhg).',
      origin: 'Debian gmt-gshhg-full 2.3.7-6, read with GMT.',
      caveats: '• WVS-derived (~1:250k). • gmt coast -N returns nothing here.',
    });
  });

  it('accepts the British "Licence" spelling and gives empty caveats when there are none', () => {
    const md = '# T\n\n## Origin\nsomewhere\n\n## Licence\nOFL 1.1\n';
    expect(parseSourceMd('x', md)).toMatchObject({ licence: 'OFL 1.1', caveats: '' });
  });

  it('falls back to the File section for the origin (population/SOURCE.md has no Origin)', () => {
    const md = '# Pop\n\n## File\n`pop.csv` – from:\n- the bulletin\n\nOther notes.\n\n## License\nfacts\n';
    expect(parseSourceMd('population', md).origin).toBe('pop.csv – from: • the bulletin');
  });

  it('fails loudly without a title or licence', () => {
    expect(() => parseSourceMd('x', '## Origin\na\n## License\nb\n')).toThrow(/title/);
    expect(() => parseSourceMd('x', '# T\n## Origin\na\n')).toThrow(/License/);
  });
});

describe('flattenMarkdown', () => {
  it('turns table rows into pipe-separated text and drops the separator row', () => {
    expect(flattenMarkdown(['| a | b |', '|---|---|', '| 1 | 2 |'])).toBe('a | b 1 | 2');
  });
});
