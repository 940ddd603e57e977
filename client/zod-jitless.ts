// Imported first by each page's entry (the task pane, the web page). Their
// Content-Security-Policy (worker/_headers) allows no eval; zod compiles its
// fast object parsers with `new Function` unless told not to, and even its
// probe for eval (a caught throw) is reported as a CSP violation. jitless:
// the same results through the ordinary parser, without either.
import { config } from 'zod';

config({ jitless: true });
