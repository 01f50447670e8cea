import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

// The script-tag build: one self-contained minified ES module that registers every element,
// with both locales inlined (codeSplitting: false) and Lit's production build.
//
// Licences: the file bundles Lit, @lit/localize, DOMPurify, zod and ky, whose licences ask for their notices to
// travel with redistributed copies. The legal comments the packages carry (`@license`, `/*!`) are kept inline,
// a banner names every bundled package with its licence, and flexiti-elements.js.LICENSE.txt beside the file holds
// each one's full licence text.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { name: string; version: string; license: string };
const NOTICES = 'flexiti-elements.js.LICENSE.txt';

interface Bundled {
  name: string;
  version: string;
  license: string;
  text: string;
}

/** The npm packages whose code is in the chunk (from its module ids), with their licence texts. */
function bundledPackages(moduleIds: readonly string[]): Bundled[] {
  const roots = new Set<string>();
  for (const id of moduleIds) {
    const path = id.replace(/^\0/, '').split('?')[0]!;
    const at = path.lastIndexOf(`${sep}node_modules${sep}`);
    if (at < 0) continue;
    const rest = path.slice(at + '/node_modules/'.length).split(sep);
    const name = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    roots.add(join(path.slice(0, at), 'node_modules', name));
  }
  return [...roots]
    .map((root) => {
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; license: string };
      const files = readdirSync(root).filter((file) => /^licen[cs]e/i.test(file)).sort();
      if (files.length === 0) throw new Error(`${manifest.name} is bundled into the CDN file but has no LICENSE file to ship`);
      const text = files.map((file) => readFileSync(join(root, file), 'utf8').trim()).join('\n\n');
      return { name: manifest.name, version: manifest.version, license: manifest.license, text };
    })
    .filter((bundled) => bundled.name !== pkg.name && !bundled.name.startsWith('@oxc-project/'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function licenceNotices(): Plugin {
  return {
    name: 'flexiti-licence-notices',
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const packages = bundledPackages(chunk.moduleIds);
        const banner = `/*! ${pkg.name} ${pkg.version} | ${pkg.license} | bundles ${packages.map((p) => `${p.name} ${p.version} (${p.license})`).join(', ')} | full licence texts: ${NOTICES} */\n`;
        chunk.code = banner + chunk.code;
        const notices = [
          `${pkg.name} ${pkg.version}: ${pkg.license}, see its LICENSE file.`,
          `${chunk.fileName} bundles the following packages. Their licences:`,
          ...packages.map((p) => `${'-'.repeat(78)}\n${p.name} ${p.version} (${p.license})\n\n${p.text}`),
        ].join('\n\n');
        this.emitFile({ type: 'asset', fileName: NOTICES, source: `${notices}\n` });
      }
    },
  };
}

export default defineConfig({
  plugins: [licenceNotices()],
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: false,
    lib: {
      entry: 'src/cdn.ts',
      formats: ['es'],
      fileName: () => 'flexiti-elements.js',
    },
    rolldownOptions: {
      output: { codeSplitting: false, minify: true, comments: { legal: true, annotation: false, jsdoc: false } },
    },
    minify: true,
  },
});
