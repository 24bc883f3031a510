import { beforeAll, it } from 'vitest';
import { prepareLinting } from './oracles';
import { fuzz, timeoutFor } from './run';

// The other half of `npm test`'s 2,000 fuzz cases (see fuzz.test.ts); `npm run fuzz` runs fuzz.test.ts alone.
const SEED = 20261129;
const CASES = 1000;

beforeAll(prepareLinting);

it.skipIf(process.env.FUZZ_SEED !== undefined || process.env.FUZZ_CASES !== undefined)(
  `${CASES} generated programs, seed ${SEED}`,
  { timeout: timeoutFor(CASES) },
  () => fuzz(SEED, CASES),
);
