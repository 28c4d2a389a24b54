import { describe, expect, it } from 'vitest';
import { clientSteps } from '../../../src/lib/rules/client-steps.ts';
import { check, client, FILES } from './fixtures.ts';

describe('client-steps: each step once', () => {
  it('passes the fixture', () => expect(check(clientSteps, client(), { file: FILES.client })).toEqual([]));

  it('refuses a step listed twice', () => {
    const c = client();
    c.steps.push('step-server');
    expect(check(clientSteps, c, { file: FILES.client })).toEqual([`${FILES.client}: steps[2] = "step-server": appears twice`]);
  });
});
