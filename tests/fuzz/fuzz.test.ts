import { beforeAll, it } from 'vitest';
import { prepareLinting } from './oracles';
import { fuzz, timeoutFor } from './run';

// The fuzzer (issue 15). `npm test` runs this file and fuzz-second-seed.test.ts, 1,000 cases each with fixed seeds,
// so that the two test workers share the 2,000. `npm run fuzz -- --seed N --cases M` runs this file alone with
// any seed and number of cases (scripts/fuzz.mjs passes them as FUZZ_SEED and FUZZ_CASES).
const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const CASES = Number(process.env.FUZZ_CASES ?? 1000);

beforeAll(prepareLinting);

it(`${CASES} generated programs, seed ${SEED}`, { timeout: timeoutFor(CASES) }, () => fuzz(SEED, CASES));
