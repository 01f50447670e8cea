/**
 * XSS vectors for every path where API text could become DOM (terms HTML, API messages, option labels).
 * Sources: OWASP "XSS Filter Evasion Cheat Sheet" (cheatsheetseries.owasp.org), DOMPurify's own test vectors and
 * published bypasses of older DOMPurify versions (cure53/DOMPurify `test/fixtures/expect.mjs`; the mXSS and
 * namespace-confusion bypasses by Michał Bentkowski, Gareth Heyes and others), and the PortSwigger XSS cheat sheet
 * for event handlers that fire without interaction.
 *
 * Every payload that can run sets `window.__xss` (never `alert`, which would block a headless browser), so a test
 * proves it did not run by checking that flag stays unset. `XSS_FLAG` names it.
 */
export interface XssVector {
  /** Where it comes from and what it tries. */
  readonly name: string;
  readonly html: string;
}

/** The global a payload sets when it runs. */
export const XSS_FLAG = '__xss';

const RUN = `window.${XSS_FLAG}=1`;
// The same, entity-encoded for `javascript:` URLs in attributes.
const RUN_DEC = Array.from(`javascript:${RUN}`, (c) => `&#${c.charCodeAt(0)};`).join('');
const RUN_DEC_PADDED = Array.from(`javascript:${RUN}`, (c) => `&#${String(c.charCodeAt(0)).padStart(7, '0')}`).join('');
const RUN_HEX = Array.from(`javascript:${RUN}`, (c) => `&#x${c.charCodeAt(0).toString(16)}`).join('');

export const XSS_CORPUS: readonly XssVector[] = [
  // ── OWASP XSS Filter Evasion Cheat Sheet ──────────────────────────────────────────────────────────────────────
  { name: 'OWASP basic script tag', html: `<script>${RUN}</script>` },
  { name: 'OWASP script src data URI', html: `<SCRIPT SRC="data:text/javascript,${RUN}"></SCRIPT>` },
  { name: 'OWASP non-alpha-non-digit script tag', html: `<SCRIPT/XSS SRC="data:text/javascript,${RUN}"></SCRIPT>` },
  { name: 'OWASP extraneous open brackets', html: `<<SCRIPT>${RUN};//<</SCRIPT>` },
  { name: 'OWASP no closing script tag', html: `<SCRIPT SRC=data:text/javascript,${RUN}?< B >` },
  { name: 'OWASP malformed IMG with script', html: `<IMG """><SCRIPT>${RUN}</SCRIPT>">` },
  { name: 'OWASP img onerror', html: `<IMG SRC=/ onerror="${RUN}"></img>` },
  { name: 'OWASP img onerror without quotes', html: `<img src=x onerror=${RUN}>` },
  { name: 'OWASP img javascript src', html: `<IMG SRC="javascript:${RUN};">` },
  { name: 'OWASP img onmouseover', html: `<IMG SRC=# onmouseover="${RUN}">` },
  {
    name: 'OWASP img onerror with entity-encoded handler',
    html: `<img src=x onerror="&#0000119&#0000105&#0000110&#0000100&#0000111&#0000119.__xss=1">`,
  },
  { name: 'OWASP anchor javascript URL', html: `<a href="javascript:${RUN}">Read more</a>` },
  { name: 'OWASP anchor case-varied javascript URL', html: `<a href="JaVaScRiPt:${RUN}">Read more</a>` },
  { name: 'OWASP anchor decimal entity URL', html: `<a href="${RUN_DEC}">Read more</a>` },
  { name: 'OWASP anchor long decimal entities without semicolons', html: `<a href="${RUN_DEC_PADDED}">Read more</a>` },
  { name: 'OWASP anchor hex entities without semicolons', html: `<a href="${RUN_HEX}">Read more</a>` },
  { name: 'OWASP anchor embedded tab', html: `<a href="jav\tascript:${RUN}">Read more</a>` },
  { name: 'OWASP anchor encoded tab', html: `<a href="jav&#x09;ascript:${RUN}">Read more</a>` },
  { name: 'OWASP anchor encoded newline', html: `<a href="jav&#x0A;ascript:${RUN}">Read more</a>` },
  { name: 'OWASP anchor encoded carriage return', html: `<a href="jav&#x0D;ascript:${RUN}">Read more</a>` },
  { name: 'OWASP anchor null byte', html: `<a href="java\u0000script:${RUN}">Read more</a>` },
  {
    name: 'OWASP anchor spaces and meta characters before javascript',
    html: `<a href=" &#14;  javascript:${RUN}">Read more</a>`,
  },
  {
    name: 'OWASP anchor data URI',
    html: `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">Read more</a>`,
  },
  { name: 'OWASP anchor vbscript URL', html: `<a href="vbscript:msgbox(1)">Read more</a>` },
  {
    name: 'OWASP anchor onclick on a safe link',
    html: `<a href="https://example.com/" onclick="${RUN}">Read more</a>`,
  },
  { name: 'OWASP body onload', html: `<BODY ONLOAD=${RUN}>` },
  { name: 'OWASP body onload with odd characters', html: '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=window.__xss=1>' },
  { name: 'OWASP svg onload', html: `<svg/onload=${RUN}>` },
  { name: 'OWASP iframe javascript src', html: `<IFRAME SRC="javascript:parent.${RUN}"></IFRAME>` },
  { name: 'OWASP iframe srcdoc', html: `<iframe srcdoc="<script>parent.${RUN}</script>"></iframe>` },
  { name: 'OWASP frameset onload', html: `<FRAMESET><FRAME SRC="javascript:parent.${RUN}"></FRAMESET>` },
  { name: 'OWASP table background', html: `<TABLE BACKGROUND="javascript:${RUN}"><tr><td>x</td></tr></TABLE>` },
  { name: 'OWASP td background', html: `<TABLE><TD BACKGROUND="javascript:${RUN}">x</TD></TABLE>` },
  { name: 'OWASP div style expression', html: `<DIV STYLE="width: expression(${RUN});">x</DIV>` },
  { name: 'OWASP div style background-image', html: `<DIV STYLE="background-image: url(javascript:${RUN})">x</DIV>` },
  { name: 'OWASP style tag with import', html: `<STYLE>@import'javascript:${RUN}';</STYLE>` },
  { name: 'OWASP style tag hiding the page', html: `<style>*{display:none !important}</style><p>Terms</p>` },
  { name: 'OWASP link stylesheet', html: `<LINK REL="stylesheet" HREF="javascript:${RUN};">` },
  { name: 'OWASP meta refresh', html: `<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:${RUN};">` },
  { name: 'OWASP base href', html: `<BASE HREF="javascript:${RUN};//">` },
  { name: 'OWASP object data', html: `<OBJECT TYPE="text/x-scriptlet" DATA="javascript:${RUN}"></OBJECT>` },
  {
    name: 'OWASP embed data URI',
    html: `<EMBED SRC="data:text/html,<script>parent.${RUN}</script>" type="text/html">`,
  },
  { name: 'OWASP attribute breakout', html: `"><script>${RUN}</script>` },
  { name: 'OWASP input image onerror', html: `<INPUT TYPE="IMAGE" SRC="x" onerror="${RUN}">` },
  // ── Handlers that fire without interaction (PortSwigger XSS cheat sheet) ─────────────────────────────────────
  { name: 'PortSwigger input autofocus onfocus', html: `<input autofocus onfocus="${RUN}">` },
  { name: 'PortSwigger details open ontoggle', html: `<details open ontoggle="${RUN}"><summary>x</summary></details>` },
  {
    name: 'PortSwigger svg animate onbegin',
    html: `<svg><animate onbegin="${RUN}" attributeName="x" dur="1s"></animate></svg>`,
  },
  { name: 'PortSwigger svg set onload attribute', html: `<svg><set attributeName="onload" to="${RUN}"></set></svg>` },
  { name: 'PortSwigger video source onerror', html: `<video><source onerror="${RUN}"></video>` },
  { name: 'PortSwigger audio onerror', html: `<audio src=x onerror="${RUN}"></audio>` },
  { name: 'PortSwigger style onload', html: `<style onload="${RUN}"></style>` },
  { name: 'PortSwigger image tag alias', html: `<image src=x onerror="${RUN}">` },
  { name: 'PortSwigger img srcset onerror', html: `<img srcset=",,,,x" onerror="${RUN}">` },
  { name: 'PortSwigger unknown element with handler', html: `<xss onfocus="${RUN}" autofocus tabindex=1>x</xss>` },
  { name: 'PortSwigger paragraph onmouseover', html: `<p onmouseover="${RUN}">Hover</p>` },
  {
    name: 'PortSwigger form with formaction button',
    html: `<form><button formaction="javascript:${RUN}">Go</button></form>`,
  },
  // ── DOMPurify test vectors and historic bypasses (mXSS, namespace confusion) ─────────────────────────────────
  { name: 'DOMPurify svg script', html: `<svg><script>${RUN}</script></svg>` },
  {
    name: 'DOMPurify svg style img (raw text in foreign content)',
    html: `<svg><style><img src=x onerror="${RUN}"></style></svg>`,
  },
  {
    name: 'DOMPurify svg xlink:href javascript',
    html: `<svg><a xlink:href="javascript:${RUN}"><text x="20" y="20">x</text></a></svg>`,
  },
  {
    name: 'DOMPurify math maction xlink:href',
    html: `<math><maction actiontype="statusline" xlink:href="javascript:${RUN}">x</maction></math>`,
  },
  {
    name: 'DOMPurify 2.0.0 bypass: math mtext table mglyph style',
    html: `<math><mtext><table><mglyph><style><img src=x onerror="${RUN}">`,
  },
  {
    name: 'DOMPurify 2.0.17 bypass: form math mtext mglyph',
    html: `<form><math><mtext></form><form><mglyph><style></math><img src onerror="${RUN}">`,
  },
  {
    name: 'DOMPurify namespace confusion: svg p style',
    html: `<svg></p><style><a id="</style><img src=1 onerror=${RUN}>">`,
  },
  {
    name: 'DOMPurify noscript title breakout',
    html: `<noscript><p title="</noscript><img src=x onerror=${RUN}>"></noscript>`,
  },
  { name: 'DOMPurify xmp title breakout', html: `<xmp><p title="</xmp><img src=x onerror=${RUN}>">` },
  { name: 'DOMPurify noembed title breakout', html: `<noembed><img title="</noembed><img src=x onerror=${RUN}>">` },
  { name: 'DOMPurify comment breakout', html: `<!--<img src="--><img src=x onerror=${RUN}//">` },
  { name: 'DOMPurify template content', html: `<template><img src=x onerror="${RUN}"></template><p>Terms</p>` },
  {
    name: 'DOMPurify DOM clobbering with id and name',
    html: `<img name="getElementById"><form id="attributes"></form><a id="title" href="https://example.com/">x</a>`,
  },
  { name: 'DOMPurify isindex onerror', html: `<isindex type=image src=1 onerror="${RUN}">` },
  { name: 'DOMPurify CDATA in HTML', html: `<![CDATA[><img src=x onerror=${RUN}>]]>` },
  {
    name: 'DOMPurify selectedcontent/select mXSS',
    html: `<select><option><img src=x onerror="${RUN}"></option></select>`,
  },
];
