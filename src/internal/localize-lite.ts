/**
 * The part of `@lit/localize`'s runtime that `<flexiti-promo>`'s own file uses, in about 0.9 kB minified instead of
 * 2.5 (0.6 kB less gzip in the promo's file): the promo build (vite.promo.config.ts) resolves `@lit/localize` to
 * this module, so the sources still call `msg()` from
 * `@lit/localize` and `lit-localize extract` still finds every string. Same behaviour for what the promo calls:
 * `msg()` with an `id` (every message of this project has one, so no generated ids), `str`, `configureLocalization`
 * (`getLocale`, `setLocale`: the last call wins; a `lit-localize-status` event on `window` when a locale is ready)
 * and `updateWhenLocaleChanges`. Not supported: messages without an id, `html` templates in messages,
 * `@localized`, the `loading` and `error` status events, a check of the locale code (locale.ts passes only
 * `en-CA` and `fr-CA`).
 */
import type { ReactiveControllerHost } from '@lit/reactive-element';

interface StrResult {
  strTag: true;
  strings: readonly string[];
  values: readonly unknown[];
}
type Template = string | StrResult;
type Templates = Readonly<Record<string, Template>>;

export const LOCALE_STATUS_EVENT = 'lit-localize-status';

export const str = (strings: readonly string[], ...values: unknown[]): StrResult => ({ strTag: true, strings, values });

/** `strings` with `values` between them; `order` (a translation's) says which value goes in each gap. */
function join(strings: readonly string[], values: readonly unknown[], order?: readonly unknown[]): string {
  let text = strings[0]!;
  for (let i = 1; i < strings.length; i++)
    text += String(values[order ? (order[i - 1] as number) : i - 1]) + strings[i];
  return text;
}

/** The active locale's messages (none for the source locale). */
let templates: Templates | undefined;

/** The message `options.id` in the active locale, else the source text; a `str` template gets its values. */
export function msg(template: Template, options?: { id?: string }): string {
  const localized = options?.id === undefined ? undefined : templates?.[options.id];
  if (typeof localized === 'string') return localized;
  if (typeof template === 'string') return template;
  return localized
    ? join(localized.strings, template.values, localized.values)
    : join(template.strings, template.values);
}

export function configureLocalization(config: {
  sourceLocale: string;
  targetLocales: readonly string[];
  loadLocale: (locale: string) => Promise<{ templates: Templates }>;
}) {
  let active = config.sourceLocale;
  let loadingLocale: string | undefined;
  let request = 0;
  let loading = Promise.resolve();
  const setLocale = (locale: string): Promise<void> => {
    if (locale === (loadingLocale ?? active)) return loading;
    const id = ++request;
    loadingLocale = locale;
    const messages =
      locale === config.sourceLocale ? Promise.resolve({ templates: undefined }) : config.loadLocale(locale);
    return (loading = messages.then(
      (module) => {
        // A newer call took over: this one settles with it and changes nothing.
        if (id !== request) return loading;
        active = locale;
        loadingLocale = undefined;
        templates = module.templates;
        window.dispatchEvent(
          new CustomEvent(LOCALE_STATUS_EVENT, { detail: { status: 'ready', readyLocale: locale } }),
        );
      },
      (error: unknown) => {
        if (id !== request) return loading;
        throw error;
      },
    ));
  };
  return { getLocale: () => active, setLocale };
}

/** Updates `host` each time a locale's messages are ready. */
export function updateWhenLocaleChanges(host: ReactiveControllerHost): void {
  const ready = (event: Event) => {
    if ((event as CustomEvent<{ status: string }>).detail.status === 'ready') host.requestUpdate();
  };
  host.addController({
    hostConnected: () => window.addEventListener(LOCALE_STATUS_EVENT, ready),
    hostDisconnected: () => window.removeEventListener(LOCALE_STATUS_EVENT, ready),
  });
}
