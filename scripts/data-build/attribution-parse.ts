/**
 * attribution.json entries from SOURCE.md files. The text ends up in an About dialog that shows
 * plain text, so markdown markup is flattened rather than rendered.
 */
import type { DataSourceAttribution } from '../../src/shared/data-contract';

interface Section {
  heading: string;
  body: string[];
}

function splitSections(markdown: string): { title: string; sections: Section[] } {
  let title = '';
  const sections: Section[] = [];
  for (const line of markdown.replace(/\r\n?/g, '\n').split('\n')) {
    const h1 = /^#\s+(.*)$/.exec(line);
    const h2 = /^#{2,6}\s+(.*)$/.exec(line);
    if (h1 && title === '') title = h1[1] ?? '';
    else if (h2) sections.push({ heading: h2[1] ?? '', body: [] });
    else sections.at(-1)?.body.push(line);
  }
  return { title, sections };
}

/** Markdown → one line of plain text: links keep their URL, bullets become "• ", tables " | ". */
export function flattenMarkdown(lines: readonly string[]): string {
  const out: string[] = [];
  for (const raw of lines) {
    let line = raw.trim();
    if (line === '' || /^\|?\s*:?-{3,}/.test(line)) continue;
    if (line.startsWith('|'))
      line = line
        .replace(/^\||\|$/g, '')
        .split('|')
        .map((c) => c.trim())
        .join(' | ');
    line = line
      .replace(/^[-*+]\s+/, '• ')
      .replace(/^\d+\.\s+/, '• ')
      .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
      .replace(/\*\*([^*]+)\*\*/g, '$1')
      .replace(/__([^_]+)__/g, '$1')
      .replace(/`([^`]+)`/g, '$1');
    out.push(line);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

function findSection(sections: readonly Section[], test: RegExp): Section | undefined {
  return sections.find((s) => test.test(s.heading));
}

/** Lines up to the first blank line after some content: the lead paragraph with its list. */
function firstParagraph(lines: readonly string[]): string[] {
  const start = lines.findIndex((l) => l.trim() !== '');
  if (start === -1) return [];
  const end = lines.findIndex((l, i) => i > start && l.trim() === '');
  return lines.slice(start, end === -1 ? undefined : end);
}

export function parseSourceMd(id: string, markdown: string): DataSourceAttribution {
  const { title, sections } = splitSections(markdown);
  if (title === '') throw new Error(`${id}/SOURCE.md has no "# " title`);
  const licence = findSection(sections, /licen[cs]e/i);
  if (!licence) throw new Error(`${id}/SOURCE.md has no License/Licence section`);
  // population/SOURCE.md names its origin in the lead paragraph of "## File" (no Origin section);
  // the rest of that section is research notes, too long for a dialog.
  const originSection = findSection(sections, /^origin/i);
  const fileSection = findSection(sections, /^files?\b/i);
  const originLines = originSection?.body ?? (fileSection ? firstParagraph(fileSection.body) : null);
  if (!originLines) throw new Error(`${id}/SOURCE.md has neither an Origin nor a File section`);
  const caveats = findSection(sections, /^caveats?/i);
  return {
    id,
    title: flattenMarkdown([title]),
    licence: flattenMarkdown(licence.body),
    origin: flattenMarkdown(originLines),
    caveats: caveats ? flattenMarkdown(caveats.body) : '',
  };
}
