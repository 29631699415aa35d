import type { Page } from 'playwright-core';
export const chromiumArgs: string[];
export function chromiumPath(): string;
export function startPreview(): Promise<{ url: string; stop(): Promise<void> }>;
export function axe(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: string[] }[]>;
