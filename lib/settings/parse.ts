import { types } from 'node:util';
import { describeSettingsProblem } from '../messages/settings-message';
import { appKindOf } from '../policy';
import { closest } from './closest';
import { cut, SETTING_KEYS, type HostFault, type SettingKey, type SettingsProblem, type SettingsSpelling } from './problems';
import { APP_TYPES, LOCALES, type FeishuSettings, type Locale } from './types';

/** Thrown by parseFeishuSettings (the audit command's flags): every problem, in English. */
export class FeishuSettingsError extends Error {
  constructor(message: string) {
    super(`eslint-plugin-feishu: ${message}`);
    this.name = 'FeishuSettingsError';
  }
}

export const DEFAULT_SETTINGS: FeishuSettings = Object.freeze({
  appType: undefined,
  linkedOrganization: false,
  externalSharing: false,
  locale: 'en',
  apiHosts: [],
  assumeOpenPlatform: false,
  reportGuarded: false,
  appKind: 'unknown',
});

/** `settings.feishu` read: the settings, or the problems that make them invalid. */
export interface SettingsReading {
  /** The defaults where `problems` is not empty: nothing may be reported from invalid settings. */
  readonly settings: FeishuSettings;
  readonly problems: readonly SettingsProblem[];
  /** The language of the problems: the configured locale when it is valid, English otherwise. */
  readonly locale: Locale;
}

const VALID: SettingsReading = Object.freeze({ settings: DEFAULT_SETTINGS, problems: [], locale: 'en' });

// Readings by the settings' content, not their identity: settings mutated in
// place between two lint runs (an editor, a watch process) are read again.
const cache = new Map<string, SettingsReading>();
const CACHED_READINGS = 32;

/**
 * Reads `settings.feishu` from ESLint's shared settings, never throwing:
 * unknown keys, wrong types and values, invalid combinations and objects that
 * are not plain objects are problems, every one of them.
 */
export function readFeishuSettings(sharedSettings: Readonly<Record<string, unknown>> | undefined): SettingsReading {
  let raw: unknown;
  try {
    if (sharedSettings === undefined || sharedSettings === null || !Object.hasOwn(sharedSettings, 'feishu')) return VALID;
    raw = sharedSettings.feishu;
  } catch (error) {
    // A `feishu` getter that throws, shared settings that are a revoked Proxy: reported like any value that cannot be read.
    return unreadable(error);
  }
  if (raw === undefined) return VALID;
  let key: string | undefined;
  try {
    if (typeof raw === 'object' && raw !== null) {
      // The last object first: one config's files come one after another.
      const known = lastSnapshot?.raw === raw ? lastSnapshot : snapshots.get(raw);
      if (known !== undefined && holdsSnapshot(raw as Readonly<Record<string, unknown>>, known)) return known.reading;
    }
    key = contentKey(raw);
  } catch {
    key = undefined;
  }
  if (key === undefined) return checkFeishuSettings(raw);
  let reading = cache.get(key);
  if (reading === undefined) {
    reading = checkFeishuSettings(raw);
    // Not kept for other objects of the same content where a problem echoes an array of the settings' own: it would
    // echo that array as it is later, changed in place or not, in their reports.
    if (echoesOnlyPrimitives(reading)) {
      if (cache.size >= CACHED_READINGS) cache.delete(cache.keys().next().value as string);
      cache.set(key, reading);
    }
  }
  // Keyed, so data alone (contentKey): the snapshot holds what the key and the reading were made of. (Unless a setter
  // on Array.prototype, which the key's and the check's own arrays meet as they grow, changed the settings meanwhile:
  // not defended against.) Kept only if it could be taken: a copy that throws is no reason not to answer.
  try {
    const taken = takeSnapshot(raw as Readonly<Record<string, unknown>>, reading);
    snapshots.set(taken.raw, (lastSnapshot = taken));
  } catch {
    // Read again next time.
  }
  return reading;
}

/**
 * Each settings object keyed (contentKey), with what it held then and its
 * reading. ESLint hands every file of a config the same object (ESLint 8, 9
 * and 10), so a file's read compares that object with what it held, which
 * costs a small part of making its key again: the key cost a small file more
 * than half what the rest of the four rules' work there did
 * (docs/performance.md#settings-read-per-file). By object, not the last one
 * alone: two configs' files may come in turn. A change made in place shows in
 * the comparison and is read again.
 */
const snapshots = new WeakMap<object, Snapshot>();
let lastSnapshot: Snapshot | undefined;

/** What a settings object held when it was keyed, and its reading. */
interface Snapshot {
  readonly raw: object;
  readonly prototype: object | null;
  readonly keys: readonly string[];
  readonly values: readonly unknown[];
  /** The items of each value that is an array, as they were (holes kept); undefined for any other value. */
  readonly items: readonly (readonly unknown[] | undefined)[];
  readonly reading: SettingsReading;
}

/**
 * The snapshot of a keyed object: contentKey took only data (own keys all
 * enumerable, its values primitives or plain arrays of them) from an object
 * whose prototype is this realm's Object.prototype or null.
 */
function takeSnapshot(raw: Readonly<Record<string, unknown>>, reading: SettingsReading): Snapshot {
  const prototype = Object.getPrototypeOf(raw) as object | null;
  const keys = Object.keys(raw);
  const values = keys.map((key) => raw[key]);
  const items = values.map((value) => (Array.isArray(value) ? ownItems(value as readonly unknown[]) : undefined));
  return { raw, prototype, keys, values, items, reading };
}

/**
 * A copy of an array's own items, holes where it has none. Not `slice()`: that asks the array's `constructor` for
 * its species (an own `constructor: 5` throws there) and reads a hole through the prototypes, which may hold a getter.
 */
function ownItems(array: readonly unknown[]): readonly unknown[] {
  const copy: unknown[] = [];
  copy.length = array.length;
  for (let index = 0; index < array.length; index++) {
    // Defined, not assigned: an assignment to a hole would call a setter on Array.prototype.
    // A descriptor without a prototype: one that inherited a `get` from Object.prototype would be refused.
    if (Object.hasOwn(array, index)) {
      Object.defineProperty(copy, index, { __proto__: null, value: array[index], writable: true, enumerable: true, configurable: true } as PropertyDescriptor);
    }
  }
  return copy;
}

function isPlainArray(value: object): value is readonly unknown[] {
  return !types.isProxy(value) && Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype;
}

const { propertyIsEnumerable } = Object.prototype;

/**
 * Every own property is data (no getter) that Object.keys lists, but an array's `length`: the check reads the keys
 * and an array's items as Object.keys lists them, the content key and the comparison as Object.hasOwn and
 * getOwnPropertyNames see them, and the two must agree.
 */
function holdsOnlyListedData(object: object): boolean {
  const descriptors = Object.getOwnPropertyDescriptors(object);
  const array = Array.isArray(object);
  return Object.getOwnPropertyNames(descriptors).every((key) => {
    const descriptor = descriptors[key]!;
    return 'value' in descriptor && (descriptor.enumerable === true || (array && key === 'length'));
  });
}

/** Whether `raw` holds what it held when `last` was taken: its prototype, the same own keys in order, values and array items. */
function holdsSnapshot(raw: Readonly<Record<string, unknown>>, last: Snapshot): boolean {
  if (Object.getPrototypeOf(raw) !== last.prototype) return false;
  // Every own key, enumerable or not, each still enumerable: a snapshot is taken only of an object whose keys all are
  // (contentKey), the check reads a setting's key whether it is or not (`own`) and lists unknown keys only if it is,
  // so a key added as not enumerable, or made so, in place fails the comparison. About 25 ns more than `for … in` in
  // a warm loop, nothing measurable in a lint (docs/performance.md#settings-read-per-file).
  const keys = Object.getOwnPropertyNames(raw);
  if (keys.length !== last.keys.length) return false;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (key !== last.keys[index] || !propertyIsEnumerable.call(raw, key)) return false;
    const value = raw[key];
    if (!Object.is(value, last.values[index])) return false;
    const items = last.items[index];
    if (items !== undefined && !holdsItems(value as readonly unknown[], items)) return false;
  }
  return true;
}

/** The same array still holds the same items, with holes where it had them, and is still a plain array. */
function holdsItems(array: readonly unknown[], items: readonly unknown[]): boolean {
  if (array.length !== items.length || Object.getPrototypeOf(array) !== Array.prototype) return false;
  for (let index = 0; index < items.length; index++) {
    // An item the check lists (an own, enumerable index) where the copy has one, a hole where it had a hole; a hole
    // is not read, which would ask the prototypes.
    const listed = propertyIsEnumerable.call(array, index);
    if (listed !== Object.hasOwn(items, index) || (listed && !Object.is(array[index], items[index]))) return false;
  }
  return true;
}

/**
 * Validates `settings.feishu` as the audit command's flags give it, throwing
 * a FeishuSettingsError that names every problem in `spelling`'s words.
 */
export function parseFeishuSettings(raw: Readonly<Record<string, unknown>>, spelling: SettingsSpelling): FeishuSettings {
  const reading = checkFeishuSettings(raw);
  if (reading.problems.length > 0) {
    throw new FeishuSettingsError(reading.problems.map((problem) => describeSettingsProblem(problem, spelling, 'en')).join(' '));
  }
  return reading.settings;
}

/** Whether every value of the settings that a reading's problems echo (`value`, `appType`) is a primitive. */
function echoesOnlyPrimitives(reading: SettingsReading): boolean {
  return reading.problems.every(
    (problem) => isPrimitive('value' in problem ? problem.value : undefined) && isPrimitive('appType' in problem ? problem.appType : undefined),
  );
}

function isPrimitive(value: unknown): boolean {
  return (typeof value !== 'object' && typeof value !== 'function') || value === null;
}

/** Validates one `settings.feishu` value, uncached. Only own keys are read: inherited ones are never used. */
export function checkFeishuSettings(raw: unknown): SettingsReading {
  try {
    return check(raw);
  } catch (error) {
    return unreadable(error);
  }
}

/** The reading of settings whose read threw (a getter that throws, a revoked Proxy): a problem to report, never a crash. */
function unreadable(error: unknown): SettingsReading {
  let why: string;
  try {
    why = error instanceof Error ? String(error.message) : String(error);
  } catch {
    // What was thrown cannot be read either: `Object.create(null)`, a revoked Proxy, a `message` getter that throws.
    why = 'no message';
  }
  return { settings: DEFAULT_SETTINGS, problems: [{ kind: 'notObject', what: `an object that cannot be read (${cut(why)})`, value: {} }], locale: 'en' };
}

function check(raw: unknown): SettingsReading {
  const what = notPlain(raw);
  if (what !== undefined) return { settings: DEFAULT_SETTINGS, problems: [{ kind: 'notObject', what, value: raw }], locale: 'en' };
  const object = raw as Readonly<Record<string, unknown>>;
  const own = (key: SettingKey): unknown => (Object.hasOwn(object, key) ? object[key] : undefined);
  const problems: SettingsProblem[] = [];

  for (const key of Object.keys(object)) {
    if (!(SETTING_KEYS as readonly string[]).includes(key)) {
      problems.push({ kind: 'unknownKey', key, suggestion: closest(key, SETTING_KEYS, 1)[0] });
    }
  }
  const appType = oneOf(own('appType'), 'appType', APP_TYPES, problems);
  const linkedOrganization = flag(own('linkedOrganization'), 'linkedOrganization', problems);
  const externalSharing = flag(own('externalSharing'), 'externalSharing', problems);
  const locale = oneOf(own('locale'), 'locale', LOCALES, problems);
  const apiHosts = hosts(own('apiHosts'), problems);
  const assumeOpenPlatform = flag(own('assumeOpenPlatform'), 'assumeOpenPlatform', problems);
  const reportGuarded = flag(own('reportGuarded'), 'reportGuarded', problems);

  // Combinations of valid values only: a wrong type is already a problem. Only `true` takes part.
  const appTypeValid = !problems.some((problem) => 'key' in problem && problem.key === 'appType');
  if (externalSharing === true && appType === 'store') problems.push({ kind: 'storeWithExternalSharing' });
  if (externalSharing === true && linkedOrganization === true) problems.push({ kind: 'linkedWithExternalSharing' });
  for (const [key, value] of [['linkedOrganization', linkedOrganization], ['externalSharing', externalSharing]] as const) {
    if (value === true && appTypeValid && appType !== 'self-built' && !(key === 'externalSharing' && appType === 'store')) {
      problems.push({ kind: 'needsSelfBuilt', key, appType: own('appType') });
    }
  }

  if (problems.length > 0) return { settings: DEFAULT_SETTINGS, problems, locale: locale ?? 'en' };
  return {
    settings: Object.freeze({
      appType,
      linkedOrganization: linkedOrganization ?? false,
      externalSharing: externalSharing ?? false,
      locale: locale ?? 'en',
      apiHosts: apiHosts ?? [],
      assumeOpenPlatform: assumeOpenPlatform ?? false,
      reportGuarded: reportGuarded ?? false,
      appKind: appKindOf(appType, linkedOrganization ?? false, externalSharing ?? false),
    }),
    problems,
    locale: locale ?? 'en',
  };
}

/**
 * What `value` is when it is not a plain object (`an array`, `a Map`, `a
 * Proxy`, `an instance of Client`), undefined for a plain one: its prototype
 * is Object.prototype (of any realm) or null.
 */
function notPlain(value: unknown): string | undefined {
  if (value === null) return 'null';
  if (typeof value !== 'object') return `a ${typeof value}`;
  if (types.isProxy(value)) return 'a Proxy';
  if (Array.isArray(value)) return 'an array';
  const prototype = Object.getPrototypeOf(value) as object | null;
  if (prototype === null || prototype === Object.prototype) return undefined;
  const tag = Object.prototype.toString.call(value).slice('[object '.length, -1);
  const parent = Object.getPrototypeOf(prototype) as object | null;
  // Object.prototype of another realm (a vm context): no prototype above it, and a plain tag.
  if (parent === null && tag === 'Object' && Object.hasOwn(prototype, 'hasOwnProperty')) return undefined;
  if (tag !== 'Object') return `a ${tag}`;
  const constructor = Object.hasOwn(prototype, 'constructor') ? (prototype as { constructor?: unknown }).constructor : undefined;
  if (typeof constructor === 'function' && constructor.name !== '' && constructor.name !== 'Object') return `an instance of ${constructor.name}`;
  // `{ __proto__: { appType: … } }`: keys it would only inherit.
  const inherited = Object.keys(prototype);
  return inherited.length === 0 ? 'an object with another prototype' : `an object that inherits ${inherited.slice(0, 6).join(', ')}`;
}

function oneOf<T extends string>(value: unknown, key: SettingKey, allowed: readonly T[], problems: SettingsProblem[]): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  const suggestion = typeof value === 'string' ? closest(value, allowed, 1)[0] : undefined;
  problems.push({ kind: 'notOneOf', key, value, allowed, suggestion });
  return undefined;
}

function flag(value: unknown, key: SettingKey, problems: SettingsProblem[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  // `'true'`, `1`: what was meant is clear.
  const text = typeof value === 'string' ? value.trim().toLowerCase() : value;
  const suggestion = text === 'true' || text === 1 ? true : text === 'false' || text === 0 ? false : undefined;
  problems.push({ kind: 'notBoolean', key, value, suggestion });
  return undefined;
}

// Most listed per array: a million bad hosts are not a million problems.
const LISTED_HOSTS = 10;

function hosts(value: unknown, problems: SettingsProblem[]): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || types.isProxy(value)) {
    problems.push({ kind: 'notHostList', key: 'apiHosts', value });
    return undefined;
  }
  const array = value as readonly unknown[];
  // Only the indices the array has: a sparse array of length 1e9 costs what it holds.
  const indices = Object.keys(array).filter((key) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < array.length);
  let listed = 0;
  if (indices.length < array.length) {
    let index = 0;
    // The first index that Object.keys does not list, as `indices` is made.
    while (propertyIsEnumerable.call(array, index)) index++;
    problems.push({ kind: 'hole', key: 'apiHosts', index });
    listed++;
  }
  const valid: string[] = [];
  for (const key of indices) {
    const index = Number(key);
    const host = array[index];
    const fault = hostFault(host);
    if (fault === undefined) {
      valid.push((host as string).toLowerCase());
    } else if (listed < LISTED_HOSTS) {
      problems.push({ kind: 'notHost', key: 'apiHosts', index, value: host, fault });
      listed++;
    }
  }
  return Object.freeze([...new Set(valid)]);
}

// One label of a host name: letters, digits and hyphens, not at either end.
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/** Why `host` is not a host name with an optional port, or undefined when it is one. */
function hostFault(host: unknown): HostFault | undefined {
  if (typeof host !== 'string') return 'type';
  const text = host.toLowerCase();
  if (text.includes('://') || text.startsWith('//')) return 'scheme';
  if (/[/?#\\]/.test(text)) return 'path';
  const colon = text.lastIndexOf(':');
  const name = colon === -1 ? text : text.slice(0, colon);
  if (colon !== -1) {
    const port = text.slice(colon + 1);
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535) return 'port';
  }
  if (name.length > 253) return 'length';
  const labels = name.split('.');
  if (labels.some((label) => label.length > 63)) return 'labelLength';
  if (labels.some((label) => !LABEL.test(label))) return 'label';
  return undefined;
}

// Past this length the content is not used as a cache key: the value is read afresh each time.
const LONGEST_KEY = 65_536;

/**
 * A string that is the same exactly when two settings values read the same:
 * own keys in order, each value's type and content, holes marked. Undefined
 * for what cannot be keyed cheaply or safely, and then checked on every read:
 * not a plain object of this realm (another realm's Object.prototype is told
 * by its tag and keys, which run code and may answer otherwise next time), a
 * nested object, a very large value, a getter among the values or an array's
 * items (whose answer may change between the key's read and the check's), a
 * key or index that is not enumerable (the check reads such a key with
 * Object.hasOwn but lists keys and indices with Object.keys).
 */
function contentKey(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || types.isProxy(raw)) return undefined;
  const prototype = Object.getPrototypeOf(raw) as object | null;
  if ((prototype !== Object.prototype && prototype !== null) || !holdsOnlyListedData(raw)) return undefined;
  const parts: string[] = [];
  let length = 0;
  const add = (part: string): boolean => {
    parts.push(part);
    length += part.length;
    return length <= LONGEST_KEY;
  };
  const object = raw as Readonly<Record<string, unknown>>;
  for (const key of Object.keys(object)) {
    if (!add(JSON.stringify(key))) return undefined;
    const value = object[key];
    if (typeof value === 'object' && value !== null && isPlainArray(value)) {
      if (!holdsOnlyListedData(value)) return undefined;
      // Each item adds at least a character: a longer array could never make a key.
      if (value.length > LONGEST_KEY || !add(`[${value.length}`)) return undefined;
      for (let index = 0; index < value.length; index++) {
        const item = Object.hasOwn(value, index) ? primitiveKey(value[index]) : 'hole';
        if (item === undefined || !add(item)) return undefined;
      }
      if (!add(']')) return undefined;
      continue;
    }
    const item = primitiveKey(value);
    if (item === undefined || !add(item)) return undefined;
  }
  return parts.join('\u0000');
}

function primitiveKey(value: unknown): string | undefined {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) return `${typeof value}:${String(value)}`;
  return undefined;
}
