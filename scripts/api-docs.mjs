// README's API reference, generated from custom-elements.json (never written by hand).
//   node scripts/api-docs.mjs           rewrites the section between <!-- api:start --> and <!-- api:end -->
//   node scripts/api-docs.mjs --check   exits 1 when README's section differs from what the manifest gives
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const API_START = '<!-- api:start -->';
export const API_END = '<!-- api:end -->';

/** Table cell: one line, pipes escaped. */
function cell(text) {
  return String(text ?? '')
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|')
    .trim();
}

function code(text) {
  if (text === undefined || text === null || text === '') return '';
  const value = String(text)
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  return value.includes('`') ? `\`\` ${value} \`\`` : `\`${value}\``;
}

function table(headers, rows) {
  if (rows.length === 0) return '';
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

function declarations(manifest) {
  return manifest.modules.flatMap((mod) => (mod.declarations ?? []).map((declaration) => ({ mod, declaration })));
}

/** The custom elements with a tag, in tag order. */
export function elementsOf(manifest) {
  return declarations(manifest)
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .map(({ declaration }) => declaration)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

/** The define module that registers a tag (`dist/define/flexiti-x.js` → `flexiti-elements/define/flexiti-x.js`). */
function importPathOf(manifest, tagName) {
  const definer = manifest.modules
    .filter((mod) => mod.exports?.some((entry) => entry.kind === 'custom-element-definition' && entry.name === tagName))
    .map((mod) => mod.path)
    .find((path) => path.endsWith(`/${tagName}.js`) || path.endsWith(`/${tagName}.ts`));
  return definer ? `flexiti-elements/${definer.replace(/^(src|dist)\//, '').replace(/\.ts$/, '.js')}` : undefined;
}

/** `detail` type of an event class, from its own (or inherited) `detail` field in the manifest. */
function detailOf(manifest, className) {
  const found = declarations(manifest).find(
    ({ declaration }) => declaration.kind === 'class' && declaration.name === className,
  );
  return found?.declaration.members?.find((member) => member.name === 'detail')?.type?.text;
}

/** The tokens every element takes (baseStyles), as the base class carries them: documented once. */
function sharedTokens(manifest, baseClass = 'FlexitiElement') {
  const base = declarations(manifest).find(
    ({ declaration }) => declaration.kind === 'class' && declaration.name === baseClass,
  );
  return base?.declaration.cssProperties ?? [];
}

function renderElement(manifest, element, sharedTokens) {
  const out = [];
  out.push(`### \`<${element.tagName}>\``, '');
  if (element.summary) out.push(`${cell(element.summary)}`, '');
  if (element.description) out.push(element.description.trim(), '');
  const importPath = importPathOf(manifest, element.tagName);
  out.push(`Class \`${element.name}\`${importPath ? ` · registered by \`import '${importPath}'\`` : ''}.`, '');

  const attributes = new Map(
    (element.attributes ?? []).map((attribute) => [attribute.fieldName ?? attribute.name, attribute.name]),
  );
  const fields = (element.members ?? []).filter((member) => member.kind === 'field' && !member.static);
  if (fields.length) {
    out.push('**Properties**', '');
    out.push(
      table(
        ['Property', 'Attribute', 'Type', 'Default', 'Description'],
        fields.map((field) => [
          `\`${field.name}\`${field.readonly ? ' (read-only)' : ''}`,
          attributes.has(field.name) ? code(attributes.get(field.name)) : '',
          code(field.type?.text),
          code(field.default),
          field.description,
        ]),
      ),
    );
  }
  const methods = (element.members ?? []).filter((member) => member.kind === 'method' && !member.static);
  if (methods.length) {
    out.push('**Methods**', '');
    out.push(
      table(
        ['Method', 'Description'],
        methods.map((method) => {
          const params = (method.parameters ?? [])
            .map((param) => `${param.name}${param.optional ? '?' : ''}`)
            .join(', ');
          return [`\`${method.name}(${params})\``, method.description];
        }),
      ),
    );
  }
  if (element.events?.length) {
    out.push('**Events**', '');
    out.push(
      table(
        ['Event', 'Class', '`detail`', 'Description'],
        element.events.map((event) => [
          `\`${event.name}\``,
          code(event.type?.text),
          code(detailOf(manifest, event.type?.text)),
          event.description,
        ]),
      ),
    );
  }
  if (element.cssParts?.length) {
    out.push('**CSS parts** (`::part(name)`)', '');
    out.push(
      table(
        ['Part', 'Description'],
        element.cssParts.map((part) => [`\`${part.name}\``, part.description]),
      ),
    );
  }
  const shared = new Map(sharedTokens.map((token) => [token.name, token.description]));
  // Its own tokens, and the shared ones it describes in its own terms.
  const own = (element.cssProperties ?? []).filter((token) => shared.get(token.name) !== token.description);
  if (own.length) {
    out.push(`**CSS custom properties** (the [design tokens](#design-tokens) apply too; here in particular)`, '');
    out.push(
      table(
        ['Property', 'Default', 'Description'],
        own.map((token) => [`\`${token.name}\``, code(token.default), token.description]),
      ),
    );
  }
  if (element.cssStates?.length) {
    out.push(`**Custom states** (\`${element.tagName}:state(name)\`)`, '');
    out.push(
      table(
        ['State', 'Description'],
        element.cssStates.map((state) => [`\`${state.name}\``, state.description]),
      ),
    );
  }
  return out.join('\n');
}

/** The markdown that goes between the markers. */
export function renderApiReference(manifest) {
  const elements = elementsOf(manifest);
  const shared = sharedTokens(manifest);
  const out = [
    '_Generated from `custom-elements.json` by `node scripts/api-docs.mjs`: edit the JSDoc in `src/`, then run `npm run analyze` and the script._',
    '',
  ];
  if (shared.length) {
    out.push('### Design tokens', '');
    out.push(
      `Every element takes these CSS custom properties (set them on the element or any ancestor). Defaults follow \`prefers-color-scheme\`.`,
      '',
    );
    out.push(
      table(
        ['Property', 'Default', 'Description'],
        shared.map((token) => [`\`${token.name}\``, code(token.default), token.description]),
      ),
    );
  }
  for (const element of elements) out.push(renderElement(manifest, element, shared));
  const requestDetail = declarations(manifest).find(({ declaration }) => declaration.name === 'FlexitiRequestEvent');
  if (requestDetail) {
    out.push(
      '`RequestDetail<Request>` is `{ request: Request; respondWith(answer: Response | unknown | Promise<Response | unknown>): void }`: ' +
        'call `respondWith` synchronously in the listener, once.',
      '',
    );
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** README with its API section replaced (markers kept). Throws when the markers are missing. */
export function replaceSection(readme, section, start = API_START, end = API_END) {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md needs the markers ${start} and ${end}`);
  return `${readme.slice(0, from + start.length)}\n${section}${readme.slice(to)}`;
}

/** The README text between two markers. */
export function readSection(readme, start = API_START, end = API_END) {
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) throw new Error(`README.md needs the markers ${start} and ${end}`);
  return readme.slice(from + start.length, to).replace(/^\n/, '');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = new URL('../', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8'));
  const readmeUrl = new URL('README.md', root);
  const readme = readFileSync(readmeUrl, 'utf8');
  const section = renderApiReference(manifest);
  if (process.argv.includes('--check')) {
    if (readSection(readme) !== section) {
      console.error(
        "README.md's API reference is stale: run `npm run analyze && node scripts/api-docs.mjs` and commit both.",
      );
      process.exit(1);
    }
    console.log("README.md's API reference matches custom-elements.json.");
  } else {
    const next = replaceSection(readme, section);
    if (next !== readme) writeFileSync(readmeUrl, next);
    console.log(next === readme ? 'README.md: API reference already current.' : 'README.md: API reference updated.');
  }
}
