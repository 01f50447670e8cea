/**
 * The README promises things a newcomer will type: the commands must exist, the screenshot must be there, and
 * every persona it lists must be in the sandbox with the same date of birth, card and answers.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  APPLY_PERSONAS,
  MAX_APPROVED_CREDIT,
  SANDBOX_SMS_CODE,
  SEED_ACCOUNTS,
} from '../../src/server/sandbox/index.js';

const root = new URL('../../', import.meta.url);
const readme = readFileSync(new URL('README.md', root), 'utf8');
const scripts = (JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> })
  .scripts;

/** The persona table's rows: `| Who | Find them with | What happens |`. */
const personaRows = readme
  .slice(readme.indexOf('## Sandbox personas'))
  .split('\n')
  .filter((line) => line.startsWith('| ') && !line.startsWith('| Who') && !line.startsWith('|---'))
  .map((line) =>
    line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim()),
  );

describe('README', () => {
  it('gives the two commands, and package.json has them', () => {
    assert.match(readme, /npm install && npm start/);
    assert.match(readme, /^npm test$/m);
    assert.ok(scripts['start'], 'npm start exists');
    assert.ok(scripts['test'], 'npm test exists');
  });

  it('shows a screenshot that exists', () => {
    const image = /!\[[^\]]+\]\(([^)]+\.png)\)/.exec(readme)?.[1];
    assert.ok(image, 'a screenshot is embedded');
    assert.ok(existsSync(new URL(image, root)), `${image} exists`);
  });

  it('names the sandbox code and the approval limit as the sandbox has them', () => {
    assert.ok(readme.includes(`**${SANDBOX_SMS_CODE}**`));
    assert.ok(readme.includes(MAX_APPROVED_CREDIT.toLocaleString('fr-CA').replace(/\s/g, ' ')));
  });

  it('lists only applicant last names the sandbox knows', () => {
    const row = personaRows.find(([who]) => who!.startsWith('Applicant named'))!;
    const names = [...row[0]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]);
    assert.ok(names.length > 0);
    for (const name of names)
      assert.ok(
        APPLY_PERSONAS.some((persona) => persona.lastName === name),
        `${name} is an apply persona`,
      );
  });

  it('lists seeded customers with their real date of birth, card and security answers', () => {
    const seeded = personaRows.filter(([, found]) => /\d{4}-\d{2}-\d{2}/.test(found!));
    assert.ok(seeded.length >= 5, 'the table lists the seeded customers');
    for (const [who, found, happens] of seeded) {
      const name = who!.replace(/\s*\(.*\)$/, '');
      const accounts = SEED_ACCOUNTS.filter((account) => `${account.first_name} ${account.last_name}` === name);
      assert.ok(accounts.length > 0, `${name} is a seeded account`);
      assert.ok(
        accounts.some((account) => found!.includes(account.dob)),
        `${name}'s date of birth`,
      );
      const card = /card (\d{16})/.exec(found!)?.[1];
      if (card)
        assert.ok(
          accounts.some((account) => account.vcc_number === card),
          `${name}'s card`,
        );
      for (const [, answer] of happens!.matchAll(/`([^`]+)`/g)) {
        assert.ok(
          accounts.some((account) => Object.values(account.security_answers).includes(answer!)),
          `${answer} is one of ${name}'s security answers`,
        );
      }
    }
  });
});
