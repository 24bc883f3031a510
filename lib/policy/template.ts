import type { LocalizedTemplate } from '../catalog';

type Locale = keyof LocalizedTemplate;

/** A notice's sentence in `locale`, each `{name}` replaced by its value; a name without a value stays as written. */
export function fillTemplate(template: LocalizedTemplate, locale: Locale, values: Readonly<Record<string, string | number>>): string {
  return template[locale].replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
