import type { Plugin } from 'vite';
export function minifyTemplates(): Plugin;
export function minifyHtmlText(text: string, state: { inTag: boolean; quote?: string }): string;
export function minifyCssText(text: string): string;
