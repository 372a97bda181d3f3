/**
 * Deterministic identifiers for the FHIR export: name-based UUIDs (RFC 9562 version 5) for
 * `fullUrl` and resource ids, and FHIR-shaped ids for the problem's own ids. Pure TypeScript
 * (SHA-1 written out here) because the main entry imports no Node built-in and runs in browsers,
 * where `crypto.subtle` is asynchronous.
 */

/**
 * Ids kept as they are: FHIR ids (`[A-Za-z0-9\-.]{1,64}`) in lower case with no empty part
 * between dots. FHIR says ids are case-insensitive, so 'P1' and 'p1' would name one resource on
 * many servers: only lower-case ids are kept, and made ids are lower case too.
 */
const KEPT_ID = /^(?=.{1,64}$)[a-z0-9-]+(?:\.[a-z0-9-]+)*$/;
const READABLE_LENGTH = 40;

/** The RFC 9562 namespace for URL names. */
const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * The name-based UUID (version 5, SHA-1) of `name` in `namespace` (a UUID), lower case.
 *
 * @example
 * ```ts
 * uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'); // '2ed6657d-e927-568b-95e1-2665a8aea6a2'
 * ```
 */
export function uuidV5(name: string, namespace: string = URL_NAMESPACE): string {
  const space = namespace.replace(/-/g, '');
  if (!/^[0-9a-fA-F]{32}$/.test(space)) throw new RangeError(`Namespace '${namespace}' is not a UUID.`);
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = Number.parseInt(space.slice(i * 2, i * 2 + 2), 16);
  input.set(nameBytes, 16);
  const hash = sha1(input);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(hash.subarray(0, 16), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `id` itself when it is a lower-case FHIR id; otherwise a deterministic FHIR id made from it: a
 * readable lower-case part (cut to 40), `..` and 16 hex digits of its SHA-1. Kept ids never hold
 * `..` and made ones always do, so the two never meet, and every result is lower case, so
 * distinct ids stay distinct also on servers that compare ids case-insensitively, as FHIR allows.
 *
 * @example
 * ```ts
 * fhirId('p-01');         // 'p-01'
 * fhirId('P-01');         // 'p-01..' followed by 16 hex digits
 * fhirId('patient 7/a');  // 'patient-7-a..' followed by 16 hex digits
 * ```
 */
export function fhirId(id: string): string {
  if (KEPT_ID.test(id)) return id;
  const digest = Array.from(sha1(new TextEncoder().encode(id)).subarray(0, 8), (byte) => byte.toString(16).padStart(2, '0')).join('');
  const readable = id
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, READABLE_LENGTH)
    .replace(/^-+|-+$/g, '');
  return `${readable || 'id'}..${digest}`;
}

/**
 * SHA-1 (FIPS 180-4) of `bytes`. Used for name-based identifiers only, never for security.
 *
 * @example
 * ```ts
 * sha1(new TextEncoder().encode('abc')); // a9 99 3e 36 ... (20 bytes)
 * ```
 */
export function sha1(bytes: Uint8Array): Uint8Array {
  const length = bytes.length;
  const wordCount = (((length + 8) >>> 6) + 1) * 16;
  const words = new Uint32Array(wordCount);
  for (let i = 0; i < length; i++) words[i >>> 2] = (words[i >>> 2] ?? 0) | ((bytes[i] ?? 0) << (24 - (i & 3) * 8));
  words[length >>> 2] = (words[length >>> 2] ?? 0) | (0x80 << (24 - (length & 3) * 8));
  words[wordCount - 2] = Math.floor(length / 0x20000000);
  words[wordCount - 1] = (length * 8) >>> 0;
  const state = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0]);
  const w = new Uint32Array(80);
  for (let block = 0; block < wordCount; block += 16) {
    for (let t = 0; t < 16; t++) w[t] = words[block + t] ?? 0;
    for (let t = 16; t < 80; t++) {
      const x = (w[t - 3] ?? 0) ^ (w[t - 8] ?? 0) ^ (w[t - 14] ?? 0) ^ (w[t - 16] ?? 0);
      w[t] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = [state[0] ?? 0, state[1] ?? 0, state[2] ?? 0, state[3] ?? 0, state[4] ?? 0];
    for (let t = 0; t < 80; t++) {
      const f = t < 20 ? (b & c) | (~b & d) : t < 40 ? b ^ c ^ d : t < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = t < 20 ? 0x5a827999 : t < 40 ? 0x6ed9eba1 : t < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const next = (((a << 5) | (a >>> 27)) + f + e + k + (w[t] ?? 0)) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = next;
    }
    state[0] = (state[0] ?? 0) + a;
    state[1] = (state[1] ?? 0) + b;
    state[2] = (state[2] ?? 0) + c;
    state[3] = (state[3] ?? 0) + d;
    state[4] = (state[4] ?? 0) + e;
  }
  const out = new Uint8Array(20);
  for (let i = 0; i < 20; i++) out[i] = ((state[i >>> 2] ?? 0) >>> (24 - (i & 3) * 8)) & 0xff;
  return out;
}
