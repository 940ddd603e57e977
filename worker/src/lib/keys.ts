// Access keys: "lsk_" + 8 visible characters (the prefix, kept in clear so
// people can tell keys apart) + "_" + a 32-character secret. Only a SHA-256
// of the whole key is stored. Uses Web Crypto only: runs in workerd and Node.
import { sha256Hex } from './hash.ts';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o/1/l: keys get read aloud
export const KEY_PATTERN = /^lsk_[a-z2-9]{8}_[a-z2-9]{32}$/;

function randomText(n: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(n));
  let s = '';
  for (const b of bytes) s += ALPHABET[b % ALPHABET.length]; // 256 % 32 = 0: no bias
  return s;
}

export function generateKey(): { key: string; prefix: string } {
  const prefix = `lsk_${randomText(8)}`;
  return { key: `${prefix}_${randomText(32)}`, prefix };
}

/** The visible prefix of a key, or undefined when it is not shaped like one. */
export function keyPrefix(key: string): string | undefined {
  return KEY_PATTERN.test(key) ? key.slice(0, 12) : undefined;
}

export function hashKey(key: string): Promise<string> {
  return sha256Hex(key);
}

/** Compares two equal-length hex digests in time independent of where they differ. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
