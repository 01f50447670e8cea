/**
 * The focus ring, measured as rendered: its colour (composited on the element's surface when translucent) must have
 * at least 3:1 contrast against that surface, in the light and the dark scheme (WCAG 2.2, 1.4.11).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/define/flexiti-lookup.js';
import '../../src/define/flexiti-verify.js';

type Rgba = [number, number, number, number];

function parseColor(value: string): Rgba {
  const match = /rgba?\(([^)]+)\)/.exec(value);
  if (!match) throw new Error(`not a colour: ${value}`);
  const [r, g, b, a = '1'] = match[1]!.split(/[\s,/]+/).filter(Boolean);
  return [Number(r), Number(g), Number(b), Number(a)];
}

const over = (top: Rgba, base: Rgba): Rgba => [
  top[0] * top[3] + base[0] * (1 - top[3]),
  top[1] * top[3] + base[1] * (1 - top[3]),
  top[2] * top[3] + base[2] * (1 - top[3]),
  1,
];

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The ring's contrast on the host's surface, for the focused control inside `host`. */
function ringContrast(host: HTMLElement): number {
  const focused = host.shadowRoot!.activeElement as HTMLElement;
  expect(focused, 'something is focused').to.exist;
  const shadow = getComputedStyle(focused).boxShadow;
  expect(shadow, 'a ring is drawn').to.not.equal('none');
  const surface = parseColor(getComputedStyle(host).backgroundColor);
  const ring = over(parseColor(shadow), surface);
  return contrast(ring, surface);
}

for (const scheme of ['light', 'dark'] as const) {
  describe(`focus ring (${scheme} scheme)`, () => {
    before(() => emulateMedia({ colorScheme: scheme }));
    after(() => emulateMedia({ colorScheme: 'light' }));

    it('a text field: at least 3:1 against the surface', async () => {
      const el = await fixture<HTMLElement>(html`<flexiti-lookup></flexiti-lookup>`);
      el.shadowRoot!.querySelector<HTMLInputElement>('#by-name')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.id).to.equal('first_name');
      expect(ringContrast(el)).to.be.at.least(3);
    });

    it('a radio button: at least 3:1 against the surface', async () => {
      const el = await fixture<HTMLElement>(html`<flexiti-verify
        .customer=${{ security_qid: [], methods: ['sms', 'email'], offer_types: [] }}
      ></flexiti-verify>`);
      const first = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!;
      first.focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(ringContrast(el)).to.be.at.least(3);
    });

    it('the previous translucent ring would fail here (the measurement can fail)', async () => {
      const el = await fixture<HTMLElement>(html`<flexiti-lookup
        style="--flexiti-focus-ring: 0 0 0 3px ${scheme === 'light' ? 'rgba(11, 92, 173, 0.45)' : 'rgba(125, 183, 255, 0.3)'}"
      ></flexiti-lookup>`);
      el.shadowRoot!.querySelector<HTMLInputElement>('#by-name')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(ringContrast(el)).to.be.below(3);
    });
  });
}
