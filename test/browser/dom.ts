/**
 * The DOM helpers every browser test uses: reading text as a listener hears it, querying an element's shadow
 * root, checking focus, mounting an element under a `lang`, and waiting for it to settle. Element-specific
 * harnesses (apply-harness.ts, the fake hosts in each test) build on these.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { setLocale } from '../../src/internal/locale.js';
import type { FlexitiElement } from '../../src/internal/flexiti-element.js';
import type { FlexitiRequestEvent } from '../../src/events/request-event.js';

/** The text of `node`, white space folded, as a screen reader would read it ('' for nothing). */
export const text = (node: Element | null | undefined): string => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The first match for `selector` in `el`'s shadow root. */
export const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T | null =>
  el.shadowRoot!.querySelector<T>(selector);

/** The error shown for the control `id` (`#${id}-message`), without its hidden "Error:" ('' for none). */
export const fieldErrorOf = (el: Element, id: string): string =>
  text($(el, `#${id}-message.error`)).replace(/^(Error:|Erreur :)\s*/, '');

/** A node as `tag#id[part]`, for failure messages (chai's diff of DOM nodes is unreadable and can hang). */
export function describeNode(node: Element | null | undefined): string {
  if (!node) return 'nothing';
  return `${node.localName}${node.id ? `#${node.id}` : ''}${node.getAttribute('part') ? `[${node.getAttribute('part')}]` : ''}`;
}

/** Focus inside `el`'s shadow root is on `expected` (compared by identity). */
export function expectFocus(el: Element, expected: Element | null | undefined): void {
  const actual = el.shadowRoot!.activeElement;
  expect(actual === expected, `focus is on ${describeNode(actual)}, expected ${describeNode(expected)}`).to.equal(true);
}

/** The element currently focused, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Mounts `template` inside `<div lang=…>` (removed after the test) on a page in that language (one language per
 * page: the page takes the wrapper's) and returns the first `tag` in it, rendered.
 */
export async function mountIn<T extends FlexitiElement>(
  lang: string,
  tag: string,
  template: TemplateResult,
): Promise<T> {
  await setLocale(lang);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang}>${template}</div>`);
  const el = wrapper.querySelector<T>(tag)!;
  await el.updateComplete;
  return el;
}

/** The page takes the language of the element's nearest `lang` (its messages loaded) and the element rendered in it. */
export async function settleLocale(el: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await setLocale(el.closest('[lang]')?.getAttribute('lang') ?? 'en-CA');
  await el.updateComplete;
}

/** No request is in flight (nothing is `aria-busy`) and the last render is done. */
export async function settleBusy(el: FlexitiElement): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !$(el, '[aria-busy="true"]'), `${el.localName} stayed busy`);
  await el.updateComplete;
}

/** The controls in `el`'s shadow root that are not disabled (by themselves or by a fieldset around them). */
export const enabledControls = (el: Element): Element[] =>
  [...el.shadowRoot!.querySelectorAll('input, select, textarea, button')].filter(
    (control) => !control.matches(':disabled'),
  );

/**
 * Sets `disabled` on `el` and checks it is reflected and disables every control; then submits its form by script
 * (as a page could), and waits until nothing is in flight: the caller checks that nothing was sent.
 */
export async function disableAndSubmit(el: FlexitiElement): Promise<void> {
  el.disabled = true;
  await el.updateComplete;
  expect(el.hasAttribute('disabled'), '`disabled` is reflected').to.equal(true);
  expect(enabledControls(el).map(describeNode)).to.deep.equal([]);
  el.shadowRoot!.querySelector('form')!.requestSubmit();
  await settleBusy(el);
}

/** Counts the submits `form` lets through, each stopped so the page stays: `submitted()` reads the count. */
export function countSubmits(form: HTMLFormElement): () => number {
  let submitted = 0;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitted++;
  });
  return () => submitted;
}

/** A host's answer, made when the request comes (a fresh `Response` each time). */
export type HostAnswerMaker = () => unknown;

/**
 * A fake host: answers every `type` request from `el` with the next of `answers` (the last one repeats) and
 * records each request body, in order.
 */
export function answerRequests(el: Element, type: string, ...answers: HostAnswerMaker[]): Record<string, unknown>[] {
  const requests: Record<string, unknown>[] = [];
  el.addEventListener(type, (event) => {
    const { detail } = event as FlexitiRequestEvent<Record<string, unknown>>;
    requests.push({ ...detail.request });
    const next = answers.length > 1 ? answers.shift()! : answers[0]!;
    detail.respondWith(next());
  });
  return requests;
}
