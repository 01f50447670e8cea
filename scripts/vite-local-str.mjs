// A Vite plugin for the CDN builds: the generated locale modules (src/generated/locales/*.ts) get their own
// copy of @lit/localize's three-line `str` tag instead of importing it. They are loaded on demand; importing
// `str` would make the bundler move @lit/localize out of the entry into a shared chunk, one more request for
// every page. The object shape is the one @lit/localize's runtime reads (`strTag`, `strings`, `values`).

const IMPORT = /import\s*\{\s*str\s*\}\s*from\s*['"]@lit\/localize['"];?/;

/** @returns {import('vite').Plugin} */
export function localStr() {
  return {
    name: 'flexiti-local-str',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/generated\/locales\/[^/]+\.ts$/.test(id.replace(/\\/g, '/'))) return null;
      if (!IMPORT.test(code)) return null;
      const local = 'const str = (strings, ...values) => ({ strTag: true, strings, values });';
      return { code: code.replace(IMPORT, local), map: null };
    },
  };
}
