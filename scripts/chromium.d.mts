// Types for scripts/chromium.mjs (imported by the TypeScript test harnesses, bench/ and scripts/).
export const DEBIAN_CHROMIUM: string;
export function chromiumPath(): string;
export const CHROMIUM_ARGS: readonly string[];
