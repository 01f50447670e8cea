/**
 * Shared pieces of the reliability browser tests: deep scans of an element's shadow tree (nested shadow roots
 * included), the XSS flag, and mounting `<flexiti-verify>` and `<flexiti-plan-picker>` behind a host.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import { XSS_FLAG } from '../../xss-corpus.js';
import '../../../src/define/flexiti-verify.js';
import '../../../src/define/flexiti-plan-picker.js';
import { setLocale } from '../../../src/internal/locale.js';
import type { FlexitiVerify } from '../../../src/components/verify/verify.js';
import type { FlexitiPlanPicker } from '../../../src/components/plan-picker/plan-picker.js';

/** Every element under `root`, looking into open shadow roots (unless `nested` is false). */
export function deepElements(root: ParentNode, nested = true): Element[] {
  const found: Element[] = [];
  const walk = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot && nested) walk(element.shadowRoot);
    }
  };
  walk(root);
  return found;
}

/**
 * How many elements of each tag the element's shadow root holds: the same for a harmless string and an attack.
 * Nested elements (the terms inside the apply form) keep their own state and are checked on their own.
 */
export function tagCounts(host: Element): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const element of deepElements(host.shadowRoot!, false))
    counts[element.localName] = (counts[element.localName] ?? 0) + 1;
  return counts;
}

/** The text of the whole shadow tree (nested roots included), as a person could read it. */
export function deepText(host: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    const shadow = (node as Element).shadowRoot;
    if (shadow) walk(shadow);
    for (const child of node.childNodes) {
      // Styles are not text a person reads.
      if ((child as Element).localName !== 'style') walk(child);
    }
  };
  walk(host.shadowRoot!);
  return parts.join(' ');
}

/** Markup an attack could leave: an inline handler, a script-like URL, or a script, iframe, object… anywhere. */
export function injectedMarkup(host: Element): string[] {
  const problems: string[] = [];
  for (const element of deepElements(host.shadowRoot!)) {
    for (const attribute of element.attributes) {
      if (/^on/i.test(attribute.name)) problems.push(`<${element.localName} ${attribute.name}>`);
      if (/^\s*(javascript|vbscript|data):/i.test(attribute.value.replace(/[\u0000-\u0020]/g, ''))) {
        problems.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
      }
    }
    if (
      [
        'script',
        'iframe',
        'object',
        'embed',
        'frame',
        'frameset',
        'img',
        'svg',
        'math',
        'image',
        'video',
        'audio',
        'base',
        'meta',
        'link',
        'xss',
        'isindex',
        'noscript',
        'xmp',
        'noembed',
      ].includes(element.localName)
    ) {
      problems.push(`<${element.localName}>`);
    }
  }
  return problems;
}

export function resetXss(): void {
  delete (window as unknown as Record<string, unknown>)[XSS_FLAG];
}

export function xssRan(): boolean {
  return (window as unknown as Record<string, unknown>)[XSS_FLAG] !== undefined;
}

/** Lets payloads that fire late (a failed image load, a toggle, an animation) have their chance to run. */
export const settleAttacks = () => new Promise((resolve) => setTimeout(resolve, 150));

/** Resources the page requested whose URL ends with `/x` or `/1` (what `src=x`, `src=1` payloads would load). */
export function payloadRequests(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/(x|1)(\?|$)/.test(new URL(name).pathname + new URL(name).search));
}

// ── <flexiti-verify> ─────────────────────────────────────────────────────────────────────────────────────────

export interface VerifyHost {
  el: FlexitiVerify;
  wrapper: HTMLElement;
  requests: Record<string, unknown>[];
}

/** Mounts `<flexiti-verify>` for `customer`; `answer` answers each verify request (undefined: nobody answers). */
export async function mountVerify(
  customer: unknown,
  answer?: (request: Record<string, unknown>) => unknown,
  { lang = 'en-CA', formats = 'sms email security_question merchant_override' } = {},
): Promise<VerifyHost> {
  await setLocale(lang);
  const wrapper = await fixture<HTMLDivElement>(html`<div lang=${lang} channel="in_store">
    <flexiti-verify .customer=${customer} formats=${formats} resend-cooldown="0"></flexiti-verify>
  </div>`);
  const el = wrapper.querySelector('flexiti-verify')!;
  const requests: Record<string, unknown>[] = [];
  wrapper.addEventListener('flexiti-verify-request', (event) => {
    requests.push({ ...event.detail.request });
    const outcome = answer?.(event.detail.request as unknown as Record<string, unknown>);
    if (outcome !== undefined) event.detail.respondWith(outcome);
  });
  await el.updateComplete;
  return { el, wrapper, requests };
}

export const verifyRoot = (el: FlexitiVerify) => el.shadowRoot!;

/** Waits until `<flexiti-verify>` is not busy. */
export async function verifySettled(el: FlexitiVerify): Promise<void> {
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('[aria-busy="true"]'), 'verify stayed busy');
  await el.updateComplete;
}

/** Chooses a method on step 1 and presses Continue. */
export async function chooseMethod(el: FlexitiVerify, format: string): Promise<void> {
  el.shadowRoot!.querySelector<HTMLInputElement>(`input[type="radio"][value="${format}"]`)!.click();
  await el.updateComplete;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  await verifySettled(el);
}

// ── <flexiti-plan-picker> ────────────────────────────────────────────────────────────────────────────────────

export async function mountPlanPicker(offers: unknown, amount = 1299.99): Promise<FlexitiPlanPicker> {
  await setLocale('en-CA');
  const wrapper = await fixture<HTMLDivElement>(html`<div lang="en-CA">
    <flexiti-plan-picker .offers=${offers} amount=${amount}></flexiti-plan-picker>
  </div>`);
  const el = wrapper.querySelector('flexiti-plan-picker')!;
  await el.updateComplete;
  return el;
}

/** A JSON `Response`, as a host's fetch would give it. */
export const jsonResponse = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
