import { getCollection, type CollectionEntry } from 'astro:content';
import { TRACKS, type Locale } from '../content/schemas';

export type Lesson = CollectionEntry<'lessons'>;

/** `en/01-daemonset-basics` → `daemonset-basics`: the URL slug, the same in every locale. */
export function lessonSlug(lesson: Lesson): string {
  const file = lesson.id.split('/').pop() ?? lesson.id;
  return file.replace(/^\d+-/, '');
}

export function lessonLocale(lesson: Lesson): Locale {
  return lesson.id.startsWith('zh/') ? 'zh' : 'en';
}

/** The lessons of a locale in reading order: by track (DaemonSet, Job, CronJob), then `order`. */
export async function lessonsFor(locale: Locale): Promise<Lesson[]> {
  const all = await getCollection('lessons', (l) => lessonLocale(l) === locale);
  return all.sort((a, b) => TRACKS.indexOf(a.data.track) - TRACKS.indexOf(b.data.track) || a.data.order - b.data.order);
}

export function lessonHref(locale: Locale, lesson: Lesson): string {
  return `${locale === 'en' ? '' : '/zh'}/lessons/${lessonSlug(lesson)}/`;
}
