// The JS loose-output rule against the table its Rust and Python twins pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { looseMatch } from '../support/loose.mjs';

const { cases } = JSON.parse(readFileSync(new URL('../loose_match_cases.json', import.meta.url), 'utf8'));

test('looseMatch passes the shared table (tests/loose_match_cases.json)', () => {
  assert.ok(cases.length > 20);
  for (const c of cases) {
    assert.equal(looseMatch(c.pattern, c.text), c.expected, JSON.stringify(c));
  }
});
