import fc from 'fast-check';
import { expect } from 'vitest';
import { checkDirective, checkNoise, checkParsersAgree, checkPlain, checkProse, checkSuggestions, lintProgram } from './oracles';
import { fuzzProgram } from './programs';

/**
 * Runs `cases` generated programs from `seed` through every oracle
 * (prepareLinting() first). fast-check shrinks a failing program and prints
 * it with the seed and path that replay it.
 */
export function fuzz(seed: number, cases: number): void {
  const seen = { reports: 0, suggestions: 0, typescript: 0 };
  fc.assert(
    fc.property(fuzzProgram, (program) => {
      const parser = program.typescript ? 'typescript' : 'espree';
      const { reports, tokens } = lintProgram(program, parser);
      seen.reports += reports.length;
      if (program.typescript) seen.typescript++;
      else checkParsersAgree(program, reports);
      seen.suggestions += checkSuggestions(program, parser, reports);
      checkNoise(program, parser, reports, tokens);
      checkPlain(program, parser, reports);
      // Directives and prose on alternate cases: each is one more lint.
      if (program.noise % 2 === 0) checkDirective(program, parser, reports);
      else checkProse(program, parser, reports);
    }),
    { seed, numRuns: cases },
  );
  // The generator reaches what the oracles are about.
  expect(seen.reports).toBeGreaterThan(cases);
  expect(seen.suggestions).toBeGreaterThan(cases / 10);
  expect(seen.typescript).toBeGreaterThan(cases / 20);
}

/** A case takes tens of milliseconds on a loaded 2-core machine; the budget is generous. */
export const timeoutFor = (cases: number): number => Math.max(120_000, cases * 150);
