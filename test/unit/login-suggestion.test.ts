import { describe, expect, it } from '@jest/globals';
import { loginBase, loginCandidate } from '../../plugin/src/core/login-suggestion.js';
import { LOGIN_PATTERN } from '../../plugin/src/core/password-policy.js';

describe(loginBase.name, () => {
  it.each([
    ['Gilles', 'Lebrun', 'g.lebrun'],
    ['Élodie', 'Müller-Séguin', 'e.muller-seguin'],
    ['Léa', "D'Almeida", 'l.d-almeida'],
    ['Jean Marc', 'de La Tour', 'j.de-la-tour'],
    ['', 'Li', 'li0'],
    ['张', '伟', 'utilisateur'],
  ])('%s %s → %s, a valid login', (first, last, login) => {
    expect(loginBase(first, last)).toBe(login);
    expect(LOGIN_PATTERN.test(loginBase(first, last))).toBe(true);
  });

  it('is never longer than a login may be, numbered candidates included', () => {
    const base = loginBase('A', 'x'.repeat(200));
    expect(LOGIN_PATTERN.test(loginCandidate(base, 999))).toBe(true);
  });
});

describe(loginCandidate.name, () => {
  it('is the base first, then the base numbered from 2', () => {
    expect([1, 2, 3].map((n) => loginCandidate('g.lebrun', n))).toEqual(['g.lebrun', 'g.lebrun2', 'g.lebrun3']);
  });
});
