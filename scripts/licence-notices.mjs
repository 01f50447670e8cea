// Licence notices for the one-file (CDN) builds: they bundle Lit, @lit/localize, DOMPurify, zod, ky…, whose
// licences ask for their notices to travel with redistributed copies. Each entry, and each chunk that bundles a
// package, gets a banner naming its bundled packages and their licences, and `<entry>.LICENSE.txt` beside the entry
// file holds every one's full licence text. The packages' own legal comments (`@license`, `/*!`) are kept too
// (output.comments.legal), except in the promo build, whose 8 kB budget they would cost 70 B of: its banner and
// licence file carry the notices.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The npm packages whose code is in a chunk (from its module ids), with their licence texts. */
function bundledPackages(moduleIds) {
  const roots = new Set();
  for (const id of moduleIds) {
    const path = id.replace(/^\0/, '').split('?')[0];
    const at = path.lastIndexOf(`${sep}node_modules${sep}`);
    if (at < 0) continue;
    const rest = path.slice(at + `${sep}node_modules${sep}`.length).split(sep);
    const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
    roots.add(join(path.slice(0, at), 'node_modules', name));
  }
  return [...roots]
    .map((root) => {
      const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
      const files = readdirSync(root)
        .filter((file) => /^licen[cs]e/i.test(file))
        .sort();
      if (files.length === 0)
        throw new Error(`${manifest.name} is bundled into a CDN file but has no LICENSE file to ship`);
      const text = files.map((file) => readFileSync(join(root, file), 'utf8').trim()).join('\n\n');
      return { name: manifest.name, version: manifest.version, license: manifest.license, text };
    })
    .filter((bundled) => bundled.name !== pkg.name && !bundled.name.startsWith('@oxc-project/'))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * @param {{ notices?: string }} [options] `notices`: the licence file's name (default: `<first entry>.LICENSE.txt`;
 *   a build with several entries names one file for all of them)
 * @returns {import('vite').Plugin}
 */
export function licenceNotices(options = {}) {
  return {
    name: 'flexiti-licence-notices',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry) ?? chunks[0];
      if (!entry) return;
      const notices = options.notices ?? `${entry.fileName}.LICENSE.txt`;
      const all = new Map();
      for (const chunk of chunks) {
        const packages = bundledPackages(chunk.moduleIds);
        for (const bundled of packages) all.set(bundled.name, bundled);
        // A chunk of our own code only needs no notice (the package's LICENSE covers it); an entry keeps its banner
        // so a page's one file still says what it is.
        if (packages.length === 0 && !chunk.isEntry) continue;
        const list = packages.length
          ? ` | bundles ${packages.map((p) => `${p.name} ${p.version} (${p.license})`).join(', ')}`
          : '';
        chunk.code = `/*! ${pkg.name} ${pkg.version} | ${pkg.license}${list} | licence texts: ${notices} */\n${chunk.code}`;
        // The banner is one line more at the top: the source map (when there is one) moves down with the code.
        if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
      }
      const text = [
        `${pkg.name} ${pkg.version}: ${pkg.license}, see its LICENSE file.`,
        `${chunks.map((chunk) => chunk.fileName).join(', ')} bundle${chunks.length === 1 ? 's' : ''} the following packages. Their licences:`,
        ...[...all.values()].map((p) => `${'-'.repeat(78)}\n${p.name} ${p.version} (${p.license})\n\n${p.text}`),
      ].join('\n\n');
      this.emitFile({ type: 'asset', fileName: notices, source: `${text}\n` });
    },
  };
}
