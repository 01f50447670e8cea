import type { Plugin } from 'vite';

/** V8's explicit compile hint, as written on the second line of the files a page runs on load. */
export const COMPILE_HINT: string;

/** Adds {@link COMPILE_HINT} to every chunk an entry imports statically that is at least `minBytes` long. */
export function compileHints(options?: { minBytes?: number }): Plugin;
