/**
 * Sandbox terms and conditions: one document for Quebec residents (QCPA: compulsory clause in bold, a cost
 * table, the cancellation right) and one for the rest of Canada, each in English and French. The text is
 * plausible in structure but marked as sandbox text everywhere, so nobody mistakes it for a real contract.
 */
import type { SandboxLang } from './form-values.js';

const ROC: Record<SandboxLang, string> = {
  en: `<div id='tcs'>
<h2>Sandbox Credit Account Agreement — Rest of Canada</h2>
<p><strong>SANDBOX TEXT — NOT A REAL CONTRACT.</strong> This document only exists to test the flexiti-elements widget.</p>
<h3>1. Your account</h3>
<p>The sandbox lender opens a revolving credit account in your name with the credit limit shown after approval.
You may use the account for purchases at participating sandbox merchants.</p>
<h3>2. Costs of credit</h3>
<table>
<thead><tr><th>Item</th><th>Sandbox value</th></tr></thead>
<tbody>
<tr><td>Annual interest rate (regular purchases)</td><td>29.99 %</td></tr>
<tr><td>Minimum monthly payment</td><td>3 % of the balance, at least $10</td></tr>
<tr><td>Annual fee</td><td>$0</td></tr>
</tbody>
</table>
<h3>3. Promotional plans</h3>
<p>Equal-payment and deferred-payment plans apply only to the purchase they were chosen for, for the term chosen at the till.</p>
<h3>4. Privacy</h3>
<p>We use the information in your application to assess it, including a credit report. Read the
<a href='https://example.com/sandbox-privacy'>sandbox privacy notice</a>.</p>
</div>`,
  fr: `<div id='tcs'>
<h2>Convention de compte de crédit du bac à sable — reste du Canada</h2>
<p><strong>TEXTE DU BAC À SABLE — CE N'EST PAS UN VRAI CONTRAT.</strong> Ce document sert uniquement à tester le widget flexiti-elements.</p>
<h3>1. Votre compte</h3>
<p>Le prêteur du bac à sable ouvre à votre nom un compte de crédit renouvelable dont la limite est indiquée après
l'approbation. Vous pouvez utiliser le compte pour des achats chez les marchands participants du bac à sable.</p>
<h3>2. Frais de crédit</h3>
<table>
<thead><tr><th>Élément</th><th>Valeur du bac à sable</th></tr></thead>
<tbody>
<tr><td>Taux d'intérêt annuel (achats réguliers)</td><td>29,99 %</td></tr>
<tr><td>Paiement mensuel minimal</td><td>3 % du solde, au moins 10 $</td></tr>
<tr><td>Frais annuels</td><td>0 $</td></tr>
</tbody>
</table>
<h3>3. Plans promotionnels</h3>
<p>Les plans à versements égaux ou à paiement différé s'appliquent seulement à l'achat pour lequel ils ont été choisis,
pour la durée choisie à la caisse.</p>
<h3>4. Confidentialité</h3>
<p>Nous utilisons les renseignements de votre demande pour l'évaluer, y compris un dossier de crédit. Lisez
l'<a href='https://example.com/sandbox-confidentialite'>avis de confidentialité du bac à sable</a>.</p>
</div>`,
};

const QC: Record<SandboxLang, string> = {
  en: `<div id='tcs'>
<h2>Sandbox Credit Account Agreement — Quebec Residents</h2>
<p><strong>SANDBOX TEXT — NOT A REAL CONTRACT.</strong> This document only exists to test the flexiti-elements widget.
It imitates the structure required by the Quebec <em>Consumer Protection Act</em>.</p>
<h3><b>COMPULSORY CLAUSE — HIGH-COST CREDIT</b></h3>
<p><b>Before entering into this contract, the merchant assessed your capacity to repay. Your debt ratio is shown with
your approval. If it is above 45 %, your obligations may be excessive: you may ask a court to cancel the contract or to
reduce your obligations.</b></p>
<h3>1. Cost of credit</h3>
<table>
<thead><tr><th>Item</th><th>Sandbox value</th></tr></thead>
<tbody>
<tr><td>Credit rate (regular purchases)</td><td>29.99 %</td></tr>
<tr><td>Minimum monthly payment</td><td>3 % of the balance, at least $10</td></tr>
<tr><td>Annual fee</td><td>$0</td></tr>
</tbody>
</table>
<h3>2. Right to cancel</h3>
<p>You may cancel this contract without cost or penalty within 10 days after receiving a copy of it, through the
merchant or by writing to the sandbox lender.</p>
<h3>3. Language</h3>
<p>This contract was presented to you in French first. You chose to receive it in English.</p>
</div>`,
  fr: `<div id='tcs'>
<h2>Convention de compte de crédit du bac à sable — résidents du Québec</h2>
<p><strong>TEXTE DU BAC À SABLE — CE N'EST PAS UN VRAI CONTRAT.</strong> Ce document sert uniquement à tester le widget
flexiti-elements. Il imite la structure exigée par la <em>Loi sur la protection du consommateur</em> du Québec.</p>
<h3><b>CLAUSE OBLIGATOIRE — CRÉDIT À COÛT ÉLEVÉ</b></h3>
<p><b>Avant de conclure ce contrat, le commerçant a évalué votre capacité de rembourser. Votre ratio d'endettement est
indiqué avec votre approbation. S'il dépasse 45 %, vos obligations peuvent être excessives : vous pouvez demander au
tribunal d'annuler le contrat ou de réduire vos obligations.</b></p>
<h3>1. Frais de crédit</h3>
<table>
<thead><tr><th>Élément</th><th>Valeur du bac à sable</th></tr></thead>
<tbody>
<tr><td>Taux de crédit (achats réguliers)</td><td>29,99 %</td></tr>
<tr><td>Paiement mensuel minimal</td><td>3 % du solde, au moins 10 $</td></tr>
<tr><td>Frais annuels</td><td>0 $</td></tr>
</tbody>
</table>
<h3>2. Droit de résolution</h3>
<p>Vous pouvez résoudre ce contrat sans frais ni pénalité dans les 10 jours suivant la réception de votre exemplaire,
par l'entremise du commerçant ou par écrit au prêteur du bac à sable.</p>
</div>`,
};

/** Quebec gets its own document; every other province gets the rest-of-Canada one. */
export function sandboxTerms(province: string, lang: SandboxLang): string {
  return province === 'QC' ? QC[lang] : ROC[lang];
}
