// Entry of the ES5 build (taskpane.legacy.js) for Internet Explorer 11 and
// EdgeHTML 18: the built-ins those webviews lack, then the same pane as the
// modern bundle. core-js is not imported here: the build (SWC, preset-env
// "usage" mode) adds the core-js modules for what the bundle calls. What
// core-js does not cover comes from the packages below and ./dom.ts.
import 'whatwg-fetch'; // fetch, Headers, Request, Response (IE11)
import 'abortcontroller-polyfill/dist/polyfill-patch-fetch'; // AbortController (IE11)
import 'fast-text-encoding'; // TextEncoder (IE11, EdgeHTML)
import 'unorm'; // String.prototype.normalize: NFC for Vietnamese text (IE11)
import './dom.ts';
import '../taskpane.ts';
