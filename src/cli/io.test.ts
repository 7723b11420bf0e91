/** When the CLI colours its output: [stdout is a terminal, environment, colour, why]. */
import { describe, expect, it } from 'vitest';
import { colorAllowed } from './io';

describe('colorAllowed', () => {
  const rows: [boolean, NodeJS.ProcessEnv, boolean, string][] = [
    [true, {}, true, 'a terminal, nothing set: colour'],
    [false, {}, false, 'a pipe or file: never colour'],
    [true, { NO_COLOR: '1' }, false, 'NO_COLOR set (https://no-color.org)'],
    [true, { NO_COLOR: 'true' }, false, 'NO_COLOR: any non-empty value'],
    [true, { NO_COLOR: '' }, true, 'NO_COLOR empty counts as unset, as the convention says'],
    [true, { FORCE_COLOR: '0' }, false, 'FORCE_COLOR=0 turns colour off too'],
    [false, { FORCE_COLOR: '1' }, false, 'but never forces escape codes into a pipe'],
  ];
  it.each(rows)('tty %s, env %j → %s (%s)', (tty, env, expected) => {
    expect(colorAllowed(tty, env)).toBe(expected);
  });
});
