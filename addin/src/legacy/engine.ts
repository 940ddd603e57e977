// Which build of the task pane this webview can run. Office 2016/2019 show
// add-ins in Internet Explorer 11 (Trident), which ignores module scripts and
// so runs only the `nomodule` one, or in Edge Legacy (EdgeHTML 18), which runs
// module scripts but lacks built-ins the pane uses (Element.replaceChildren,
// Array.prototype.flat and .at, Object.fromEntries): EdgeHTML is sent from the
// module bundle to the same ES5 build Trident gets.
// Source: Microsoft, "Browsers and webview controls used by Office Add-ins".

/** The classic script with the ES5 build of the pane and its polyfills (scripts/lib/build-public.ts). */
export const LEGACY_SCRIPT = 'taskpane.legacy.js';

/**
 * True where the webview lacks a built-in the modern bundle calls without
 * a polyfill. Every engine with replaceChildren (Chromium 86, Firefox 78,
 * Safari 14) also has the rest; EdgeHTML 18 has none of them.
 */
export function needsLegacyBuild(): boolean {
  return !('replaceChildren' in Element.prototype) || typeof Array.prototype.at !== 'function';
}

/** Loads the ES5 build as a classic script; it starts the pane itself. */
export function loadLegacyBuild(): void {
  const script = document.createElement('script');
  script.src = LEGACY_SCRIPT;
  document.head.appendChild(script);
}
