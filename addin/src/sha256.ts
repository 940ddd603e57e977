// SHA-256 by the webview's own Web Crypto (crypto.subtle): every engine the
// module bundle runs in has it (WebView2, Safari's WebKit, the browsers of
// Excel on the web), in the secure context Office requires (https; localhost
// for development). The ES5 build swaps this file for legacy/sha256.ts
// (scripts/lib/build-legacy.ts): Internet Explorer 11 has only msCrypto,
// whose digest is not promise-based.

/** The SHA-256 of `text`'s UTF-8 bytes, as 64 lowercase hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
