import type { Plugin } from 'vite';
export function onlyMessages(prefix: string): Plugin;
