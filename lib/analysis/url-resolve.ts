import { resolveDotSegments, UNKNOWN } from '../matcher';

/**
 * `new URL(input, base)` on evaluated strings (unknown pieces as `UNKNOWN`),
 * as the WHATWG URL parser resolves it for the shapes code uses:
 * - an absolute `input` (`scheme:`) ignores the base;
 * - `//host/path` takes the base's scheme;
 * - `/path` replaces the base's whole path;
 * - `path` replaces the base's last segment (`new URL('chat/v4/info',
 *   'https://open.feishu.cn/open-apis')` is `https://open.feishu.cn/chat/v4/info`);
 * - `.` and `..` segments are resolved; the base's query and fragment are dropped.
 * A base that starts with an unknown stands for `https://host` or
 * `https://host/open-apis/` (docs/spec/behaviour.md#evaluating-strings). Returns undefined when either
 * value is undefined (too long to be a URL).
 */
export function resolveUrl(input: string | undefined, base: string | undefined): string | undefined {
  if (input === undefined) return undefined;
  if (base === undefined) return undefined;
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(input)) return input;
  // A leading unknown is a base of its own (docs/spec/behaviour.md#evaluating-strings): the URL it starts is absolute.
  if (input.startsWith(UNKNOWN)) return input;

  const { origin, path } = splitBase(base);
  if (input.startsWith('//')) return `${schemeOf(base)}${input}`;
  if (input.startsWith('/')) return origin + removeDotSegments(input);
  const directory = path === UNKNOWN ? `${UNKNOWN}/` : path.slice(0, path.lastIndexOf('/') + 1) || '/';
  return origin + removeDotSegments(directory + input);
}

function schemeOf(base: string): string {
  const match = /^[A-Za-z][A-Za-z0-9+.-]*:/.exec(base);
  return match === null ? 'https:' : match[0];
}

/** `https://host` and `/path` (query and fragment dropped), or an unknown origin and path. */
function splitBase(base: string): { origin: string; path: string } {
  let end = base.length;
  for (let i = 0; i < base.length; i++) {
    if (base[i] === '?' || base[i] === '#') {
      end = i;
      break;
    }
  }
  const value = base.slice(0, end);
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(value);
  if (scheme !== null) {
    const slash = value.indexOf('/', scheme[0].length);
    return slash === -1 ? { origin: value, path: '/' } : { origin: value.slice(0, slash), path: value.slice(slash) };
  }
  if (value.startsWith(UNKNOWN)) {
    // An unknown base. Where the code writes a path after it, the unknown is only
    // the origin, `scheme://host`: it cannot hold `/open-apis` any more.
    const slash = value.indexOf('/');
    return slash === -1 ? { origin: UNKNOWN, path: UNKNOWN } : { origin: `https://${UNKNOWN}`, path: value.slice(slash) };
  }
  // Not a URL a browser would accept as a base (`new URL` throws): keep the text as written.
  return { origin: '', path: value.startsWith('/') ? value : `/${value}` };
}

/**
 * Dot segments resolved (resolveDotSegments) in a path that starts at the
 * base's root, `/` or an unknown path, which `..` does not climb above; the
 * query stays as it is.
 */
function removeDotSegments(pathWithQuery: string): string {
  const queryStart = pathWithQuery.search(/[?#]/);
  const path = queryStart === -1 ? pathWithQuery : pathWithQuery.slice(0, queryStart);
  const rest = queryStart === -1 ? '' : pathWithQuery.slice(queryStart);
  return resolveDotSegments(path.split('/'), true).join('/') + rest;
}
