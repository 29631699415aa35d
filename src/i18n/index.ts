import en from './en.json';
import zh from './zh.json';
import type { Locale } from '../content/schemas';

export type MessageKey = keyof typeof en;
const dictionaries: Record<Locale, Record<MessageKey, string>> = { en, zh };

export const localeNames: Record<Locale, string> = { en: 'English', zh: '简体中文' };
export const htmlLang: Record<Locale, string> = { en: 'en', zh: 'zh-Hans' };

/** Looks a UI string up and fills `{name}` placeholders. Missing keys fail the i18n check, not here. */
export function t(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = dictionaries[locale][key] ?? dictionaries.en[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** The path of a page in a locale: English has no prefix, Chinese lives under /zh/. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === 'en' ? clean : `/zh${clean === '/' ? '/' : clean}`;
}
