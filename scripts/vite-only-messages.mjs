// A Vite plugin for single-element builds: keeps only the fr-CA messages whose id starts with `prefix`
// (lit-localize's runtime module lists every element's; `<flexiti-promo>`'s own file needs only its own).
// Each entry of src/generated/locales/fr-CA.ts starts a line with `'id': `; an entry may span lines.

/** @param {string} prefix e.g. `promo.` @returns {import('vite').Plugin} */
export function onlyMessages(prefix) {
  return {
    name: 'flexiti-only-messages',
    enforce: 'pre',
    transform(code, id) {
      if (!id.replace(/\\/g, '/').endsWith('/src/generated/locales/fr-CA.ts')) return null;
      const lines = code.split('\n');
      const start = lines.findIndex((line) => /export const templates = \{/.test(line));
      const end = lines.findLastIndex((line) => /^\s*\};\s*$/.test(line));
      if (start < 0 || end < start) throw new Error(`${id}: no \`export const templates = { … };\` found`);
      let keep = false;
      const entries = lines.slice(start + 1, end).filter((line) => {
        const entry = /^\s*'([^']+)': /.exec(line);
        if (entry) keep = entry[1].startsWith(prefix);
        return keep;
      });
      if (entries.length === 0) throw new Error(`${id}: no message id starts with ${prefix}`);
      return { code: [...lines.slice(0, start + 1), ...entries, ...lines.slice(end)].join('\n'), map: null };
    },
  };
}
