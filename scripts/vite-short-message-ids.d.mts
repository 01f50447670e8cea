import type { Plugin } from 'vite';
export function shortMessageIds(options?: { locale?: string }): Plugin;
export function messageIdsOf(localeSource: string): string[];
export function shortIdsFor(ids: readonly string[]): Map<string, string>;
export function longIdsIn(code: string, shortOf: ReadonlyMap<string, string>): string[];
