// The in-page side of `npm run bench` (bench/run.ts drives it through Playwright).
// Plain JavaScript served as is, so that no build step or injected helper sits inside a timed region.
// Every timed region ends with a forced style + layout, so "rendered" means rendered and laid out.

const LOGIN = 'POST /client-id/{client_id}/merchants/login';
const LOOKUP = 'GET /client-id/{client_id}/customers/lookup';

/** Terms HTML the harness answers `flexiti-terms-request` with (goes through the element's sanitizer). */
const TERMS_HTML = `<h2>Terms and conditions</h2>
<p>These terms govern the account. <strong>Read them.</strong> <a href="https://example.com/terms">Full text</a>.</p>
<ol><li>Payments are due monthly.</li><li>Interest applies as stated on the statement.</li><li>You may cancel.</li></ol>
<p onclick="alert(1)">A handler the sanitizer removes.</p><script>alert(1)</script>`;

const now = () => performance.now();
/**
 * A user-timing mark: the trace records it with the renderer main thread's CPU clock (`tts`), so bench/run.ts
 * reads the main thread's CPU time between a region's start and end marks, beside the wall time taken here.
 */
const mark = (name) => performance.mark(`bench:${name}`);
const stage = () => document.getElementById('stage');
/** A full collection (Chromium started with --js-flags=--expose-gc) so that no earlier garbage lands in a timed region. */
const collect = () => globalThis.gc?.();

const state = {
  seed: undefined,
  formValues: undefined,
  customer: undefined,
  offers: undefined,
  entry: undefined,
  staticHtml: undefined,
  keys: undefined,
  hostListener: undefined,
};

/** Forces style recalculation and layout of the whole page. */
function layout() {
  return document.body.offsetHeight + stage().getBoundingClientRect().height;
}

/**
 * The element and every flexiti element in its shadow tree have finished updating. An inner element whose
 * definition loads on demand is waited for (defined, then updated), so the whole form is measured either way.
 */
async function settle(element) {
  await element.updateComplete;
  const inner = element.shadowRoot?.querySelectorAll(
    'flexiti-terms, flexiti-plan-picker, flexiti-verify, flexiti-apply',
  );
  if (!inner) return;
  // The static page's elements are never defined: only a rendered element's inner elements are waited for.
  const rendered = customElements.get(element.localName) !== undefined;
  for (const child of inner) {
    if (rendered) await customElements.whenDefined(child.localName);
    await settle(child);
  }
}

/** Gives the event loop one task (faster than setTimeout, which clamps to 4 ms when nested). */
function nextTask() {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
}

/** Nodes in a tree, shadow trees included. */
function countNodes(root) {
  let nodes = 0;
  let elements = 0;
  let shadowRoots = 0;
  const walk = (parent) => {
    for (const child of parent.childNodes) {
      nodes++;
      if (child.nodeType !== Node.ELEMENT_NODE) continue;
      elements++;
      if (child.shadowRoot) {
        shadowRoots++;
        walk(child.shadowRoot);
      }
      walk(child);
    }
  };
  walk(root);
  return { nodes, elements, shadowRoots };
}

function makeApply(extra = {}) {
  const element = document.createElement('flexiti-apply');
  element.formValues = state.formValues;
  Object.assign(element, extra);
  return element;
}

/** `count` plans with `terms` terms each; half equal-billing no-interest (they show estimates), half deferred. */
function syntheticOffers(count, terms) {
  const termOptions = Array.from({ length: terms }, (_, index) => 3 * (index + 1));
  return Array.from({ length: count }, (_, index) => ({
    plan_id: String(index + 1),
    plan_name: index % 2 === 0 ? `Equal Payments, No Interest ${index + 1}` : `No Interest, No Payments ${index + 1}`,
    offer_category: index % 2 === 0 ? 'equal_billing' : 'deferred_payment',
    // The API sends terms as numbers or strings; mix both like the seeds do.
    term_options: termOptions.map((term) => (index % 4 === 0 ? String(term) : term)),
  }));
}

/**
 * Runs the entry the way a page's `<script type="module" src>` does: the module loader fetches the entry and the
 * chunks it imports by relative URL, then parses, compiles, links and evaluates them (the elements define
 * themselves). `prepare` fetched every file the entry may load once, and the server lets /cdn/ files be cached,
 * so all of them come from the browser's HTTP cache: no request reaches the server while this is timed.
 */
function evaluateEntry() {
  return new Promise((resolve, reject) => {
    // An exception thrown while the modules evaluate is reported on the window; the script's load event follows.
    let failed;
    const onError = (event) => {
      failed = event.error ?? new Error(event.message);
    };
    window.addEventListener('error', onError);
    const script = document.createElement('script');
    script.type = 'module';
    script.src = `/cdn/${state.entry}`;
    script.onload = () => {
      window.removeEventListener('error', onError);
      if (failed) reject(failed);
      else resolve();
    };
    script.onerror = () => {
      window.removeEventListener('error', onError);
      reject(new Error(`Could not load /cdn/${state.entry}.`));
    };
    document.head.append(script);
  });
}

/** The /cdn/ files the page loaded since `since` (performance.now()), and those that did not come from the cache. */
function cdnLoadsSince(since) {
  const loads = performance
    .getEntriesByType('resource')
    .filter((entry) => entry.startTime >= since && new URL(entry.name).pathname.startsWith('/cdn/'));
  return {
    files: loads.map((entry) => new URL(entry.name).pathname),
    // A response from the HTTP cache transfers nothing (same origin: the sizes are exposed).
    fromServer: loads.filter((entry) => entry.transferSize > 0).map((entry) => new URL(entry.name).pathname),
  };
}

window.bench = {
  /**
   * Loads the seed, the static page, and every file the entry (`flexiti-apply.js`, `flexiti-elements.js`…) may
   * load, so that evaluating it later is served from the HTTP cache (no request to the server in a timed region).
   */
  async prepare({ entry, files = [], staticPage = false } = {}) {
    state.seed = await (await fetch('/fixtures/seed-examples.json')).json();
    state.formValues = state.seed[LOGIN].response.form_values;
    state.customer = state.seed[LOOKUP].response;
    state.offers = state.formValues.offer_types;
    state.entry = entry;
    await Promise.all(files.map(async (file) => (await fetch(`/cdn/${file}`)).arrayBuffer()));
    if (staticPage) state.staticHtml = await (await fetch('/build/apply-static.html')).text();
    return { crossOriginIsolated: globalThis.crossOriginIsolated === true, gc: typeof globalThis.gc === 'function' };
  },

  /** Answers every terms request on the page, like a merchant's host code. */
  installHost(html = TERMS_HTML) {
    state.hostListener = (event) => event.detail.respondWith(html);
    document.addEventListener('flexiti-terms-request', state.hostListener);
  },

  /** Not timed: makes the entry's elements available (for scenarios that start after the script ran). */
  async load() {
    await evaluateEntry();
  },

  /**
   * Timed: evaluate the entry and the chunks it imports (parse, compile, link, run, define), then render one
   * <flexiti-apply> and lay it out.
   */
  async evaluateAndRender() {
    collect();
    mark('first:start');
    mark('paint:start');
    const start = now();
    await evaluateEntry();
    const evaluated = now();
    const element = makeApply();
    stage().append(element);
    // First paint: the element's first update (the top of the form, what a viewport shows) laid out. Lit updates
    // in a microtask, so turns of the microtask queue reach it without letting a frame run.
    for (let turn = 0; turn < 100 && !element.hasUpdated; turn++) await Promise.resolve();
    layout();
    const painted = now();
    mark('paint:end');
    await settle(element);
    const updated = now();
    layout();
    const end = now();
    mark('first:end');
    return {
      evaluate: evaluated - start,
      render: end - evaluated,
      total: end - start,
      // Script evaluated → the first update laid out (the rest of the form comes one frame later).
      paint: painted - evaluated,
      // Of the render: Lit's updates (templates, DOM) and then the browser's style and layout.
      update: updated - evaluated,
      layout: end - updated,
      ...countNodes(stage()),
      loads: cdnLoadsSince(start),
    };
  },

  /** Timed: the captured DOM of <flexiti-apply> as static HTML (declarative shadow DOM), parsed and laid out. */
  parseStatic() {
    collect();
    mark('static:start');
    const start = now();
    stage().setHTMLUnsafe(state.staticHtml);
    const parsed = now();
    layout();
    const end = now();
    mark('static:end');
    const host = stage().firstElementChild;
    if (!host?.shadowRoot) throw new Error('The static page did not produce a shadow root.');
    return { total: end - start, parse: parsed - start, layout: end - parsed, ...countNodes(stage()) };
  },

  /**
   * The rendered <flexiti-apply> as static HTML: each shadow root as `<template shadowrootmode="open">` holding a
   * `<style>` with the CSS the element adopts, so parsing it gives the same DOM and the same styles.
   */
  serializeApply() {
    const host = stage().querySelector('flexiti-apply');
    const roots = [];
    const gather = (element) => {
      if (!element.shadowRoot) return;
      roots.push(element.shadowRoot);
      element.shadowRoot.querySelectorAll('*').forEach(gather);
    };
    gather(host);
    const styles = roots.map((root) => {
      const style = document.createElement('style');
      style.textContent = root.adoptedStyleSheets
        .flatMap((sheet) => Array.from(sheet.cssRules, (rule) => rule.cssText))
        .join('\n');
      root.prepend(style);
      return style;
    });
    const attributes = Array.from(
      host.attributes,
      (a) => ` ${a.name}="${a.value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`,
    ).join('');
    const html = `<${host.localName}${attributes}>${host.getHTML({ shadowRoots: roots })}</${host.localName}>`;
    styles.forEach((style) => style.remove());
    return { html, shadowRoots: roots.length, styleBytes: styles.reduce((sum, s) => sum + s.textContent.length, 0) };
  },

  /** Timed, each: choose another ID type in the rendered form; the issuer list follows and is laid out. */
  async changeIdType(count) {
    const element = stage().querySelector('flexiti-apply');
    const depends = state.formValues.govid_issued_by.option_depends;
    const types = Object.keys(state.formValues.govid_type.options).filter((type) => depends[type]);
    const select = element.shadowRoot.querySelector('select[name="govid_type"]');
    const times = [];
    const layouts = [];
    let wrong = 0;
    for (let index = 0; index < count; index++) {
      let type = types[index % types.length];
      if (type === select.value) type = types[(index + 1) % types.length];
      collect();
      mark('idtype:start');
      const start = now();
      select.value = type;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await settle(element);
      const updated = now();
      layout();
      const end = now();
      mark('idtype:end');
      times.push(end - start);
      layouts.push(end - updated);
      const shown = element.shadowRoot.querySelectorAll('select[name="govid_issuedby"] option').length - 1;
      if (shown !== Object.keys(depends[type]).length) wrong++;
    }
    return { times, layouts, wrong };
  },

  /** Timed: a fresh <flexiti-apply> after the script already ran (templates prepared or not, see `warm`). */
  async renderApply() {
    collect();
    const start = now();
    const element = makeApply();
    stage().append(element);
    await settle(element);
    layout();
    return now() - start;
  },

  clear() {
    stage().replaceChildren();
  },

  /** Focuses a field of the form with the caret at its end (for typing through Playwright's keyboard). */
  focusField(name) {
    const input = stage().querySelector('flexiti-apply').shadowRoot.querySelector(`#${name}`);
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
    return document.activeElement?.localName === 'flexiti-apply' && input.matches(':focus');
  },

  /** Whether a field's error message is showing. */
  errorShown(name) {
    return !!stage().querySelector('flexiti-apply').shadowRoot.querySelector(`#${name}-message.error`);
  },

  /**
   * Times real keystrokes: from the keydown reaching the window (capture) to the element updated, its message
   * shown or removed, and laid out (measured after the `input` event has gone through the element's handler).
   */
  recordKeys(name) {
    const element = stage().querySelector('flexiti-apply');
    const input = element.shadowRoot.querySelector(`#${name}`);
    const samples = [];
    let keydownAt = 0;
    let inputAt = 0;
    const onKeydown = () => {
      keydownAt = now();
    };
    // Capture phase on the window: the text is in the field, the element has not seen the event yet.
    const onInputCapture = () => {
      inputAt = now();
    };
    const onInput = async (event) => {
      if (event.composedPath()[0] !== input) return;
      const start = keydownAt;
      // Bubble phase on the window: the element's handler ran, and so did its update (a microtask that runs as
      // soon as that handler returns).
      await settle(element);
      const updated = now();
      layout();
      const end = now();
      samples.push({
        ms: end - start,
        // Parts: the browser's key handling up to the input event; the element's handler and update; style and layout.
        browser: inputAt - start,
        element: updated - inputAt,
        layout: end - updated,
        shown: !!element.shadowRoot.querySelector(`#${name}-message.error`),
      });
    };
    window.addEventListener('keydown', onKeydown, true);
    window.addEventListener('input', onInputCapture, true);
    window.addEventListener('input', onInput);
    state.keys = {
      samples,
      stop: () => {
        window.removeEventListener('keydown', onKeydown, true);
        window.removeEventListener('input', onInputCapture, true);
        window.removeEventListener('input', onInput);
      },
    };
  },

  keyCount() {
    return state.keys?.samples.length ?? 0;
  },

  stopKeys() {
    state.keys.stop();
    return state.keys.samples;
  },

  /** Timed: `count` <flexiti-apply> added to the page at once, all rendered and laid out. */
  async renderManyApply(count) {
    collect();
    const start = now();
    const elements = Array.from({ length: count }, () => makeApply());
    stage().append(...elements);
    for (const element of elements) await settle(element);
    layout();
    const elapsed = now() - start;
    const { nodes } = countNodes(stage());
    stage().replaceChildren();
    return { ms: elapsed, nodes };
  },

  /** Timed: a <flexiti-plan-picker> with the seed's plans (`plans` = 7) or `plans` × `terms` synthetic ones. */
  async renderPlanPicker(plans, terms, chosen) {
    const offers = plans === 7 && terms === 0 ? state.offers : syntheticOffers(plans, terms);
    collect();
    const start = now();
    const element = document.createElement('flexiti-plan-picker');
    element.offers = offers;
    element.amount = 1500;
    // A chosen plan shows its terms with estimates: the seed's no-interest plan 5, or synthetic plan 1 (no interest).
    if (chosen) element.value = plans === 7 && terms === 0 ? { plan_id: '5', term: 6 } : { plan_id: '1', term: 12 };
    stage().append(element);
    await settle(element);
    layout();
    const elapsed = now() - start;
    const radios = element.shadowRoot.querySelectorAll('input[name="plan"]').length;
    const termRadios = element.shadowRoot.querySelectorAll('input[name="term"]').length;
    return { ms: elapsed, radios, termRadios };
  },

  /** Timed: the customer clicks another plan in the rendered picker (its terms replace the previous plan's). */
  async choosePlan() {
    const element = stage().querySelector('flexiti-plan-picker');
    const radios = element.shadowRoot.querySelectorAll('input[name="plan"]');
    const target =
      Array.from(radios).find((radio) => !radio.checked && radio.value !== '1' && radio.value !== '5') ?? radios[0];
    collect();
    const start = now();
    target.click();
    await settle(element);
    layout();
    return now() - start;
  },

  /**
   * `count` attach/detach cycles of all four elements: each cycle creates them (the form with a province, so its
   * terms load too), attaches them, waits until they rendered and the terms arrived, lays out, and detaches them.
   */
  async cycles(count) {
    let termsShown = 0;
    for (let index = 0; index < count; index++) {
      const apply = makeApply({ province: 'ON' });
      const verify = document.createElement('flexiti-verify');
      verify.customer = state.customer;
      const picker = document.createElement('flexiti-plan-picker');
      picker.offers = state.offers;
      picker.amount = 1500;
      const terms = document.createElement('flexiti-terms');
      terms.province = index % 2 === 0 ? 'QC' : 'ON';
      const elements = [apply, verify, picker, terms];
      stage().append(...elements);
      for (const element of elements) await settle(element);
      for (let wait = 0; wait < 50 && terms.status === 'loading'; wait++) await nextTask();
      await settle(terms);
      if (terms.status === 'shown') termsShown++;
      layout();
      elements.forEach((element) => element.remove());
    }
    await nextTask();
    return { termsShown };
  },
};
