// Analyzer plugins for custom-elements.json (custom-elements-manifest.config.mjs).
// The tags live only in src/define/*.ts (`FlexitiX.define('flexiti-x')`), the event names only in the event
// classes (src/events), the shared design tokens only in src/internal/styles.ts: these plugins read them
// there, so nothing is written twice.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const posix = path.posix;

/** `src/define/flexiti-x.ts` → `[{ tag, className, module }]`, read with a regex (the files are one line each). */
export function readDefineModules(dir = 'src/define') {
  const definitions = [];
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.ts'))
    .sort()) {
    const source = readFileSync(posix.join(dir, file), 'utf8');
    const imports = new Map();
    for (const [, names, from] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
      for (const name of names
        .split(',')
        .map((part) =>
          part
            .trim()
            .split(/\s+as\s+/)
            .pop(),
        )
        .filter(Boolean)) {
        imports.set(name, toSourcePath(posix.join(dir, from)));
      }
    }
    for (const [, className, tag] of source.matchAll(/\b([A-Z]\w*)\.define\(\s*'([a-z][\w-]*-[\w-]*)'\s*\)/g)) {
      if (!imports.has(className)) throw new Error(`${dir}/${file}: ${className} is not imported`);
      definitions.push({ file: posix.join(dir, file), tag, className, module: imports.get(className) });
    }
  }
  return definitions;
}

/** `../components/apply/apply.js` seen from src/define → `src/components/apply/apply.ts`. */
function toSourcePath(specifier) {
  return posix.normalize(specifier).replace(/^\/+/, '').replace(/\.js$/, '.ts');
}

/**
 * Each `X.define('tag')` in a define module becomes the manifest's `custom-element-definition` export,
 * which the analyzer's own post-processing turns into the class's `tagName` and `customElement: true`.
 */
export function defineModulesPlugin(definitions, loadError) {
  return {
    name: 'flexiti - tags from src/define',
    initialize() {
      if (loadError) throw loadError;
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (node.kind !== ts.SyntaxKind.SourceFile) return;
      for (const definition of definitions.filter((entry) => entry.file === moduleDoc.path)) {
        moduleDoc.exports.push({
          kind: 'custom-element-definition',
          name: definition.tag,
          declaration: { name: definition.className, module: definition.module },
        });
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      // A define module re-exports the class it defines (`export { FlexitiApply }`): point at the class's module.
      for (const mod of customElementsManifest.modules) {
        for (const entry of mod.exports ?? []) {
          const definition = definitions.find(
            (each) => each.file === mod.path && each.className === entry.declaration?.name,
          );
          if (entry.kind === 'js' && definition) entry.declaration.module = definition.module;
        }
      }
      const classes = customElementsManifest.modules.flatMap((mod) => mod.declarations ?? []);
      for (const definition of definitions) {
        const declaration = classes.find((entry) => entry.kind === 'class' && entry.name === definition.className);
        if (!declaration) throw new Error(`${definition.file}: ${definition.className} is not in the analyzed globs`);
        if (declaration.tagName && declaration.tagName !== definition.tag) {
          throw new Error(
            `${definition.className}: @tag ${declaration.tagName} disagrees with ${definition.file} (${definition.tag})`,
          );
        }
      }
    },
  };
}

/**
 * Event classes (src/events): the name each dispatches (`super('flexiti-result', …)` or the request base's
 * name type argument) and its `detail` type. Elements' events then get their class as `type` and lose the
 * unnamed duplicates the analyzer makes of `dispatchEvent(new FlexitiErrorEvent(…))`.
 */
export function eventClassesPlugin({ eventModules = /^src\/events\// } = {}) {
  /** @type {Map<string, { name: string; module: string; detail?: string }>} class name → event */
  const eventClasses = new Map();
  return {
    name: 'flexiti - typed events',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!eventModules.test(moduleDoc.path) || node.kind !== ts.SyntaxKind.ClassDeclaration || !node.name) return;
      const className = node.name.text;
      const heritage = node.heritageClauses?.flatMap((clause) => clause.types) ?? [];
      const base = heritage[0];
      const typeArguments = base?.typeArguments ?? [];
      const literalArgument = typeArguments.find((arg) => ts.isLiteralTypeNode(arg) && ts.isStringLiteral(arg.literal));
      let eventName = literalArgument?.literal.text;
      let detail;
      for (const member of node.members) {
        if (ts.isConstructorDeclaration(member) && member.body) {
          const visit = (child) => {
            if (ts.isCallExpression(child) && child.expression.kind === ts.SyntaxKind.SuperKeyword) {
              const first = child.arguments[0];
              if (first && ts.isStringLiteral(first)) eventName ??= first.text;
            }
            ts.forEachChild(child, visit);
          };
          visit(member.body);
        }
        if (ts.isPropertyDeclaration(member) && member.name.getText() === 'detail' && member.type) {
          detail = member.type.getText();
        }
      }
      // Request events inherit `detail: RequestDetail<Request>` from FlexitiRequestEvent<Request, Name>.
      if (!detail && base?.expression.getText() === 'FlexitiRequestEvent' && typeArguments[0]) {
        detail = `RequestDetail<${typeArguments[0].getText()}>`;
      }
      if (eventName) eventClasses.set(className, { name: eventName, module: moduleDoc.path, detail });
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          // The event class itself: its own, precise `detail` type instead of the base's generic one.
          const own = eventClasses.get(declaration.name);
          if (own?.detail && mod.path === own.module) {
            const detailMember = declaration.members?.find((member) => member.name === 'detail');
            if (detailMember) {
              detailMember.type = { text: own.detail };
              delete detailMember.inheritedFrom;
            }
          }
          if (own && mod.path === own.module) {
            const typeMember = declaration.members?.find((member) => member.name === 'type');
            if (typeMember) typeMember.type = { text: `'${own.name}'` };
          }
          if (declaration.events) declaration.events = typeEvents(declaration.events, eventClasses, declaration.name);
        }
      }
    },
  };
}

function typeEvents(events, eventClasses, owner) {
  const byName = new Map();
  const classFor = (event) => {
    const text = event.type?.text;
    if (text && eventClasses.has(text)) return text;
    for (const [className, info] of eventClasses)
      if (info.name === event.name && info.name.startsWith('flexiti-')) return className;
    return undefined;
  };
  for (const event of events) {
    // `@fires change - {FlexitiTermsChangeEvent} text`: a type written at the start of the description.
    const leadingType = /^\{([\w.<>, |]+)\}\s*/.exec(event.description ?? '');
    if (leadingType) {
      event.type = { text: leadingType[1] };
      event.description = event.description.slice(leadingType[0].length);
    }
    const className = classFor(event);
    // `dispatchEvent(new FlexitiResultEvent(status, …))`: the analyzer takes the first argument (`status`) as the
    // name, or none at all; the class knows its real name.
    const name = className ? eventClasses.get(className).name : event.name;
    if (!name) throw new Error(`${owner}: an event with neither a name nor a known class (${JSON.stringify(event)})`);
    const merged = byName.get(name) ?? { name };
    if (event.description && !merged.description) merged.description = event.description;
    if (event.inheritedFrom) merged.inheritedFrom = event.inheritedFrom;
    if (className) {
      merged.type = { text: className, references: [{ name: className, module: eventClasses.get(className).module }] };
    } else if (event.type?.text && (!merged.type || merged.type.text === 'Event')) {
      merged.type = { text: event.type.text };
    }
    byName.set(name, merged);
  }
  for (const event of byName.values()) {
    if (!event.description) throw new Error(`${owner}: event ${event.name} has no @fires description`);
    event.type ??= { text: 'Event' };
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The `--flexiti-*` tokens of src/internal/token-styles.ts apply to every element. They are documented once there
 * (`@cssprop` in the JSDoc above `tokenStyles`); their light and dark defaults are read from the CSS itself.
 * An element's own `@cssprop` for the same token keeps its more specific description; the base class
 * (`FlexitiElement`) carries the shared wording.
 */
export function sharedTokensPlugin({
  file = 'src/internal/token-styles.ts',
  exportName = 'tokenStyles',
  cssFiles = [file],
  baseClass = 'FlexitiElement',
} = {}) {
  let tokens = [];
  return {
    name: 'flexiti - shared design tokens',
    // Read here, not when the config loads: the analyzer ignores a config that throws and runs on defaults.
    initialize() {
      tokens = readSharedTokens(file, exportName, cssFiles);
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          // The base class carries them as documented in styles.ts; each element too (its own wording wins).
          if (!declaration.customElement || !(declaration.tagName || declaration.name === baseClass)) continue;
          const own = new Map((declaration.cssProperties ?? []).map((prop) => [prop.name, prop]));
          for (const token of tokens) {
            const existing = own.get(token.name);
            if (existing) {
              existing.default ??= token.default;
            } else {
              own.set(token.name, { ...token });
            }
          }
          declaration.cssProperties = [...own.values()].sort((a, b) => a.name.localeCompare(b.name));
        }
      }
    },
  };
}

/**
 * `[{ name, description, default }]` from the JSDoc `@cssprop` lines above `export const <exportName>` in `file`;
 * the defaults come from the CSS of `cssFiles` (the tokens' sheets may be split across modules), light outside
 * and dark inside the `@media (prefers-color-scheme: dark)` blocks.
 */
export function readSharedTokens(file, exportName, cssFiles = [file]) {
  const source = readFileSync(file, 'utf8');
  const at = source.indexOf(`export const ${exportName}`);
  const docStart = source.lastIndexOf('/**', at);
  if (at < 0 || docStart < 0) throw new Error(`${file}: no JSDoc above ${exportName}`);
  const doc = source.slice(docStart, source.indexOf('*/', docStart));
  const withoutDoc = (text) =>
    text === source ? text.slice(0, docStart) + text.slice(text.indexOf('*/', docStart)) : text;
  const css = cssFiles.map((name) => withoutDoc(name === file ? source : readFileSync(name, 'utf8'))).join('\n');
  let light = '';
  let dark = '';
  for (let rest = css; ;) {
    const darkAt = rest.search(/@media\s*\(prefers-color-scheme:\s*dark\)\s*\{/);
    if (darkAt < 0) {
      light += rest;
      break;
    }
    light += rest.slice(0, darkAt);
    let depth = 0;
    let end = rest.indexOf('{', darkAt);
    do {
      if (rest[end] === '{') depth++;
      else if (rest[end] === '}') depth--;
      end++;
    } while (depth > 0 && end < rest.length);
    dark += rest.slice(darkAt, end);
    rest = rest.slice(end);
  }
  const defaults = (token, part) => {
    const match = new RegExp(`var\\(${token},\\s*([^;]+?)\\);`).exec(part);
    return match?.[1].trim();
  };
  const tokens = [];
  for (const [, name, description] of doc.matchAll(/@cssprop\s+(--[\w-]+)\s+-\s+([^\n]*(?:\n\s*\*\s+(?!@)[^\n]*)*)/g)) {
    const lightDefault = defaults(name, light);
    const darkDefault = dark ? defaults(name, dark) : undefined;
    const token = { name, description: description.replace(/\n\s*\*\s+/g, ' ').trim() };
    if (lightDefault)
      token.default =
        darkDefault && darkDefault !== lightDefault ? `${lightDefault} (dark: ${darkDefault})` : lightDefault;
    tokens.push(token);
  }
  const used = new Set(css.match(/--flexiti-[\w-]+/g));
  const missing = [...used].filter((name) => !tokens.some((token) => token.name === name));
  if (missing.length) throw new Error(`${file}: document ${missing.join(', ')} with @cssprop above ${exportName}`);
  return tokens;
}

/**
 * The manifest documents the public API only: no private, protected, `#private` or `@internal` members,
 * no Lit plumbing (`styles`, `shadowRootOptions`), and module references that point at the analyzed files.
 */
export function publicApiPlugin() {
  // Lit plumbing and the form-associated callbacks the browser calls: not for hosts to call.
  const hidden = new Set([
    'styles',
    'shadowRootOptions',
    'connectedCallback',
    'disconnectedCallback',
    'attributeChangedCallback',
    'formAssociatedCallback',
    'formResetCallback',
    'formDisabledCallback',
    'formStateRestoreCallback',
  ]);
  return {
    name: 'flexiti - public API only',
    analyzePhase({ ts, node, moduleDoc }) {
      // `export type … from` (a define module's `export type * from '../events/index.js'`, which loads the event
      // map for its declaration file): nothing exists at run time, so it is not a module export.
      if (ts.isExportDeclaration(node) && node.isTypeOnly) {
        const names =
          node.exportClause && ts.isNamedExports(node.exportClause)
            ? node.exportClause.elements.map((element) => element.name.text)
            : ['*'];
        (moduleDoc.__typeOnly ??= []).push(...names);
        return;
      }
      // `@internal` in a member's JSDoc: remembered here, removed in the link phase.
      if (!(
        ts.isMethodDeclaration(node) ||
        ts.isPropertyDeclaration(node) ||
        ts.isGetAccessor(node) ||
        ts.isSetAccessor(node)
      ))
        return;
      if (!ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal')) return;
      const className = node.parent?.name?.text;
      (moduleDoc.__internal ??= []).push(`${className}.${node.name.getText()}`);
    },
    packageLinkPhase({ customElementsManifest }) {
      const paths = new Set(customElementsManifest.modules.map((mod) => mod.path));
      const internal = new Set(customElementsManifest.modules.flatMap((mod) => mod.__internal ?? []));
      const fixModule = (ref) => {
        if (!ref?.module) return;
        const candidate = ref.module.replace(/^\/+/, '').replace(/\.js$/, '.ts');
        if (paths.has(candidate)) ref.module = candidate;
      };
      for (const mod of customElementsManifest.modules) {
        delete mod.__internal;
        const typeOnly = new Set(mod.__typeOnly ?? []);
        delete mod.__typeOnly;
        mod.exports = mod.exports?.filter((entry) => entry.kind !== 'js' || !typeOnly.has(entry.name));
        // `customElements.define(tag, constructor)` inside FlexitiElement.define is not a definition; neither is
        // a local the analyzer mistook for a module-level declaration.
        mod.exports = mod.exports?.filter(
          (entry) => entry.kind !== 'custom-element-definition' || entry.name.includes('-'),
        );
        const exported = new Set(mod.exports?.map((entry) => entry.declaration?.name ?? entry.name));
        mod.declarations = mod.declarations?.filter((declaration) => exported.has(declaration.name));
        for (const declaration of mod.declarations ?? []) {
          fixModule(declaration.superclass);
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => {
              const owner = member.inheritedFrom?.name ?? declaration.name;
              return (
                member.privacy !== 'private' &&
                member.privacy !== 'protected' &&
                !member.name.startsWith('#') &&
                !hidden.has(member.name) &&
                !internal.has(`${owner}.${member.name}`)
              );
            });
            for (const member of declaration.members) fixModule(member.inheritedFrom);
          }
          for (const event of declaration.events ?? []) fixModule(event.inheritedFrom);
          for (const attribute of declaration.attributes ?? []) fixModule(attribute.inheritedFrom);
        }
        for (const exported of mod.exports ?? []) fixModule(exported.declaration);
      }
    },
  };
}

/**
 * Types and defaults the analyzer can't read on its own: a Lit `@property({ type: Number })` field initialised
 * from a constant (`requestTimeout = DEFAULT_HOST_TIMEOUT_MS`) gets `number` and the constant's value (`60000`)
 * instead of no type and the constant's name; an attribute without a type takes its field's.
 */
export function propertyTypesPlugin() {
  const constants = new Map(); // NAME → literal text, module-level `const NAME = 60_000` / `'text'`
  const decorated = new Map(); // Class.field → 'number' | 'boolean' | 'string' from @property({ type })
  const litTypes = { Number: 'number', Boolean: 'boolean', String: 'string' };
  return {
    name: 'flexiti - property types and constant defaults',
    analyzePhase({ ts, node, moduleDoc }) {
      if (ts.isVariableStatement(node) && ts.isSourceFile(node.parent)) {
        for (const declaration of node.declarationList.declarations) {
          const init = declaration.initializer;
          if (!ts.isIdentifier(declaration.name) || !init) continue;
          if (ts.isNumericLiteral(init))
            constants.set(declaration.name.text, String(Number(init.text.replace(/_/g, ''))));
          else if (ts.isStringLiteral(init)) constants.set(declaration.name.text, JSON.stringify(init.text));
        }
        return;
      }
      if (!ts.isPropertyDeclaration(node) || !ts.isClassDeclaration(node.parent) || !node.parent.name) return;
      // A default imported from a module outside the analyzed globs (`DEFAULT_HOST_TIMEOUT_MS` from
      // src/internal/host-request.ts): read that module's `export const NAME = literal`.
      const init = node.initializer;
      if (init && ts.isIdentifier(init) && !constants.has(init.text)) {
        for (const statement of node.getSourceFile().statements) {
          if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
          const named = statement.importClause?.namedBindings;
          if (!named || !ts.isNamedImports(named) || !named.elements.some((element) => element.name.text === init.text))
            continue;
          const file = posix
            .join(posix.dirname(moduleDoc.path), statement.moduleSpecifier.text)
            .replace(/\.js$/, '.ts');
          const match = new RegExp(`export const ${init.text}\\s*=\\s*([\\d_]+|'[^']*')\\s*;`).exec(
            readFileSync(file, 'utf8'),
          );
          if (match)
            constants.set(
              init.text,
              match[1].startsWith("'")
                ? JSON.stringify(match[1].slice(1, -1))
                : String(Number(match[1].replace(/_/g, ''))),
            );
        }
      }
      for (const decorator of ts.getDecorators?.(node) ?? []) {
        const call = decorator.expression;
        if (!ts.isCallExpression(call) || call.expression.getText() !== 'property') continue;
        const options = call.arguments[0];
        if (!options || !ts.isObjectLiteralExpression(options)) continue;
        for (const option of options.properties) {
          if (
            ts.isPropertyAssignment(option) &&
            option.name.getText() === 'type' &&
            litTypes[option.initializer.getText()]
          ) {
            decorated.set(`${node.parent.name.text}.${node.name.getText()}`, litTypes[option.initializer.getText()]);
          }
        }
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.kind !== 'class') continue;
          const fields = new Map();
          for (const member of declaration.members ?? []) {
            if (member.kind !== 'field') continue;
            const owner = member.inheritedFrom?.name ?? declaration.name;
            if (!member.type?.text && decorated.has(`${owner}.${member.name}`))
              member.type = { text: decorated.get(`${owner}.${member.name}`) };
            if (member.default && constants.has(member.default)) member.default = constants.get(member.default);
            fields.set(member.name, member);
          }
          for (const attribute of declaration.attributes ?? []) {
            const field = attribute.fieldName ? fields.get(attribute.fieldName) : undefined;
            if (!attribute.type?.text && field?.type) attribute.type = { ...field.type };
            if (attribute.default && constants.has(attribute.default))
              attribute.default = constants.get(attribute.default);
            // The global `lang`, observed by an element (`observedAttributes`) without a field of its own.
            if (attribute.name === 'lang' && !attribute.fieldName && !attribute.description) {
              attribute.type = { text: 'string' };
              attribute.description =
                "The global HTML `lang` attribute, observed: the element's language (`fr`, `fr-CA`: French; otherwise English), taken from the nearest ancestor when unset.";
            }
          }
        }
      }
    },
  };
}

/**
 * Run last: module paths point at files the package ships instead of src/*.ts. A define module becomes its
 * built entry (`src/define/flexiti-apply.ts` → `dist/define/flexiti-apply.js`, which exports the class and
 * registers the tag); any other module becomes its declaration file (`src/events/requests.ts` →
 * `dist/types/events/requests.d.ts`), which declares the same names. Relative references the analyzer leaves
 * (`../../events/terms-change.js`) are resolved against their module first.
 */
export function shippedPathsPlugin() {
  const shipped = (path, from) => {
    let source = path;
    if (source.startsWith('.')) source = posix.normalize(posix.join(posix.dirname(from), source));
    source = source.replace(/^\/+/, '').replace(/\.js$/, '.ts');
    if (!source.startsWith('src/') || !source.endsWith('.ts')) return path;
    const define = /^src\/define\/([^/]+)\.ts$/.exec(source);
    return define ? `dist/define/${define[1]}.js` : source.replace(/^src\//, 'dist/types/').replace(/\.ts$/, '.d.ts');
  };
  const rewrite = (value, from) => {
    if (Array.isArray(value)) value.forEach((item) => rewrite(item, from));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key === 'module' && typeof child === 'string') value[key] = shipped(child, from);
        else rewrite(child, from);
      }
    }
  };
  return {
    name: 'flexiti - shipped module paths',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        const from = mod.path;
        rewrite(mod, from);
        mod.path = shipped(mod.path, from);
      }
    },
  };
}
