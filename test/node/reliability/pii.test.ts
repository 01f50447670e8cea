/**
 * PII on the server side: complete journeys through the handler (apply, look up, verify by security question
 * with a wrong then a right answer, purchase, an application refused for its SIN) leave no typed value in the
 * sandbox's request log, in any console output, or in the handler's error answers.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createFlexitiHandler, SANDBOX_APPLICANT } from '../../../src/server/index.js';
import { serveNode } from '../../../src/server/node.js';
import { startHarness } from '../server/helpers.js';

const applicant = {
  ...SANDBOX_APPLICANT,
  first_name: 'Privatia',
  last_name: 'Secretson',
  dob: '1979-10-14',
  email: 'privatia.secretson@example.com',
  phone_number: '4165550163',
  address_1: '77 Hidden Lane',
  postal_code: 'M4C 1B5',
  sin: '130692544',
  govid_number: 'S1234-56789-01234',
  security_answer: 'Whisperwood',
  piw: 'Moonstone',
};

/** Everything typed that would identify the applicant or open the account. */
const TYPED = [
  applicant.first_name,
  applicant.last_name,
  applicant.dob,
  applicant.email,
  applicant.phone_number,
  applicant.address_1,
  applicant.postal_code,
  applicant.sin,
  applicant.govid_number,
  applicant.security_answer,
  applicant.piw,
  '046454287', // a refused SIN
];

function captureConsole() {
  const lines: string[] = [];
  const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'] as const;
  const originals = methods.map((method) => [method, console[method]] as const);
  for (const method of methods) {
    (console as unknown as Record<string, unknown>)[method] = (...args: unknown[]) =>
      lines.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' '));
  }
  return {
    lines,
    restore() {
      for (const [method, original] of originals) (console as unknown as Record<string, unknown>)[method] = original;
    },
  };
}

const found = (haystack: string) => TYPED.filter((value) => haystack.toLowerCase().includes(value.toLowerCase()));

describe('PII on the server', () => {
  it('complete journeys leave no typed value in the sandbox log, the console or any error answer', async () => {
    const consoleOutput = captureConsole();
    const harness = await startHarness();
    const flexiti = createFlexitiHandler({ client: harness.client });
    const handler = await serveNode(flexiti, { port: 0 });
    const api = `${handler.url}/api/flexiti`;
    const errorAnswers: string[] = [];
    const newCheckout = async () =>
      (await flexiti.createCheckout({ orderId: 'order-pii', amount: 100, channel: 'online' })).id;
    const post = async (checkout: string, route: string, body: unknown) => {
      const response = await fetch(`${api}/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-flexiti-checkout': checkout },
        body: JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) errorAnswers.push(text);
      return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
    };
    try {
      const refused = await post(await newCheckout(), 'apply', { ...applicant, sin: '046454287' });
      assert.equal(refused.status, 400, 'a bad SIN is refused');
      const approved = await post(await newCheckout(), 'apply', applicant);
      assert.equal(approved.status, 200);

      const duplicate = await post(await newCheckout(), 'apply', applicant);
      assert.equal(duplicate.body['error'], 'customer_already_exists');

      const checkout = await newCheckout();
      const found1 = await post(checkout, 'lookup', {
        first_name: applicant.first_name,
        last_name: applicant.last_name,
        dob: applicant.dob,
        postal_code: applicant.postal_code,
      });
      assert.equal(found1.status, 200);
      const wrong = await post(checkout, 'verify', {
        format: 'security_question',
        security_qid: applicant.security_qid,
        security_answer: 'Not it',
        piw: applicant.piw,
      });
      assert.equal(wrong.body['error'], 'secret_answer_mismatch');
      const wrongPiw = await post(checkout, 'verify', {
        format: 'security_question',
        security_qid: applicant.security_qid,
        security_answer: applicant.security_answer,
        piw: 'Nope',
      });
      assert.equal(wrongPiw.body['error'], 'piw_mismatch');
      const verified = await post(checkout, 'verify', {
        format: 'security_question',
        security_qid: applicant.security_qid,
        security_answer: applicant.security_answer,
        piw: applicant.piw,
      });
      assert.equal(verified.status, 200);
      const offer = (found1.body['offer_types'] as Array<{ plan_id: string; term_options: number[] }>)[0]!;
      const purchase = await post(checkout, 'purchase', { plan_id: offer.plan_id, term: offer.term_options[0] });
      assert.equal(purchase.status, 200, JSON.stringify(purchase.body));
      const notFound = await post(await newCheckout(), 'lookup', {
        first_name: applicant.first_name,
        last_name: 'Nobody',
        dob: applicant.dob,
        postal_code: applicant.postal_code,
      });
      assert.notEqual(notFound.status, 200);

      assert.ok(errorAnswers.length >= 5, 'the journey met several errors');
      assert.deepEqual(found(JSON.stringify(harness.sandbox.state.requests)), [], 'the sandbox request log');
      assert.deepEqual(found(consoleOutput.lines.join('\n')), [], 'the console');
      for (const answer of errorAnswers) {
        assert.deepEqual(found(answer), [], `an error answer: ${answer}`);
      }
    } finally {
      consoleOutput.restore();
      await handler.close();
      await harness.close();
    }
  });
});
