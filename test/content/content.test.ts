import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { formatContentError, lessonSchema, LOCALES, quizSchema, scenarioSchema } from '../../src/content/schemas';

const root = path.resolve(import.meta.dirname, '../..');
const dir = (d: string) => path.join(root, 'content', d);
const yamlFiles = (d: string) => readdirSync(dir(d)).filter((f) => f.endsWith('.yaml'));

function frontmatter(file: string): unknown {
  const text = readFileSync(file, 'utf8');
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) throw new Error(`${file}: no frontmatter`);
  return parse(m[1]);
}

const lessonFiles = LOCALES.flatMap((locale) =>
  readdirSync(path.join(dir('lessons'), locale))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ locale, file: f })),
);

describe('lessons', () => {
  test.each(lessonFiles)('$locale/$file has valid frontmatter', ({ locale, file }) => {
    const result = lessonSchema.safeParse(frontmatter(path.join(dir('lessons'), locale, file)));
    expect(result.success ? '' : formatContentError(`content/lessons/${locale}/${file}`, result.error)).toBe('');
  });

  test.each(lessonFiles)(
    '$locale/$file exists in every locale with the same track, order and scenario',
    ({ locale, file }) => {
      const mine = lessonSchema.parse(frontmatter(path.join(dir('lessons'), locale, file)));
      for (const other of LOCALES.filter((l) => l !== locale)) {
        const theirs = lessonSchema.parse(frontmatter(path.join(dir('lessons'), other, file)));
        expect({ track: theirs.track, order: theirs.order, scenario: theirs.scenario }).toEqual({
          track: mine.track,
          order: mine.order,
          scenario: mine.scenario,
        });
      }
    },
  );

  test.each(lessonFiles)('$locale/$file names a scenario that exists', ({ locale, file }) => {
    const { scenario } = lessonSchema.parse(frontmatter(path.join(dir('lessons'), locale, file)));
    if (scenario) expect(yamlFiles('scenarios')).toContain(`${scenario}.yaml`);
  });

  test('every track has at least one lesson in every locale', () => {
    for (const locale of LOCALES) {
      const tracks = lessonFiles
        .filter((l) => l.locale === locale)
        .map((l) => lessonSchema.parse(frontmatter(path.join(dir('lessons'), locale, l.file))).track);
      expect(new Set(tracks)).toEqual(new Set(['daemonset', 'job', 'cronjob']));
    }
  });
});

describe('scenarios', () => {
  test.each(yamlFiles('scenarios'))('%s matches the scenario schema', (file) => {
    const result = scenarioSchema.safeParse(parse(readFileSync(path.join(dir('scenarios'), file), 'utf8')));
    expect(result.success ? '' : formatContentError(`content/scenarios/${file}`, result.error)).toBe('');
  });

  test.each(yamlFiles('scenarios'))('%s manifests are YAML documents with apiVersion and kind', (file) => {
    const scenario = scenarioSchema.parse(parse(readFileSync(path.join(dir('scenarios'), file), 'utf8')));
    for (const text of [scenario.manifests, scenario.solution?.manifests].filter(Boolean) as string[]) {
      const docs = text.split(/^---$/m).map((d) => parse(d) as { apiVersion?: string; kind?: string });
      for (const doc of docs) {
        expect(doc.apiVersion).toMatch(/^(v1|apps\/v1|batch\/v1)$/);
        expect(doc.kind).toMatch(/^[A-Z]/);
      }
    }
  });
});

describe('quizzes', () => {
  test.each(yamlFiles('quizzes'))('%s matches the quiz schema and its answers exist', (file) => {
    const data = parse(readFileSync(path.join(dir('quizzes'), file), 'utf8'));
    const result = quizSchema.safeParse(data);
    expect(result.success ? '' : formatContentError(`content/quizzes/${file}`, result.error)).toBe('');
    for (const q of quizSchema.parse(data).questions) {
      if (q.type !== 'fix') expect(q.choices.map((c) => c.id)).toContain(q.answer);
    }
  });
});

describe('content errors name the file and the field', () => {
  test('a scenario goal without a kind', () => {
    const bad = {
      title: { en: 'x', zh: 'x' },
      description: { en: 'x', zh: 'x' },
      manifests: '',
      goals: [{ id: 'g', description: { en: 'x', zh: 'x' }, check: {} }],
    };
    const result = scenarioSchema.safeParse(bad);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(formatContentError('content/scenarios/bad.yaml', result.error)).toMatch(
        /^content\/scenarios\/bad\.yaml: goals\.0\.check\.kind: /,
      );
    }
  });

  test('a lesson with an unknown track', () => {
    const result = lessonSchema.safeParse({
      title: 't',
      description: 'd',
      track: 'deployment',
      order: 1,
      minutes: 5,
      objectives: ['o'],
      updated: '2026-01-01',
    });
    expect(result.success).toBe(false);
    if (!result.success)
      expect(formatContentError('content/lessons/en/x.mdx', result.error)).toMatch(
        /^content\/lessons\/en\/x\.mdx: track: /,
      );
  });
});
