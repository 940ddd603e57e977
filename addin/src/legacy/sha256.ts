// sha256.ts for the ES5 build (Internet Explorer 11, EdgeHTML 18): the same
// function over @noble/hashes, audited pure JS, since IE11's msCrypto digest
// is not promise-based. scripts/lib/build-legacy.ts puts it in place of
// addin/src/sha256.ts; the modern bundle does not carry it.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { sha256Hex as modern } from '../sha256.ts';

/** The SHA-256 of `text`'s UTF-8 bytes, as 64 lowercase hex digits (as ../sha256.ts). */
export const sha256Hex: typeof modern = async (text) => bytesToHex(sha256(utf8ToBytes(text)));
