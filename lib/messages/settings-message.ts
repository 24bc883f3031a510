import type { Locale, SettingsProblem, SettingsSpelling } from '../settings';
import { CONFIG_SPELLING } from '../settings/problems';
import { TEXTS } from './endpoint-message';

/** One problem of `settings.feishu`, in the words of `locale`, naming the settings as `spelling` does. */
export function describeSettingsProblem(problem: SettingsProblem, spelling: SettingsSpelling, locale: Locale): string {
  return TEXTS[locale].settings.problem(problem, spelling);
}

// Most problems one report lists: a thousand unknown keys do not make a thousand sentences.
const LISTED = 20;

/** The report on invalid `settings.feishu` at 1:1: every problem (the first 20), in `locale`. */
export function invalidSettingsMessage(problems: readonly SettingsProblem[], locale: Locale): string {
  const listed = problems.slice(0, LISTED).map((problem) => describeSettingsProblem(problem, CONFIG_SPELLING, locale));
  return TEXTS[locale].settings.report(listed, problems.length - listed.length);
}
