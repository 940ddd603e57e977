// The Hono app: public routes, then everything else behind a bearer key.
// Security headers go on /api/* only: the task pane (static assets) must
// stay frameable by Excel on the web.
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { clip } from '../../shared/text/clip.ts';
import { isDomainError } from './db/errors.ts';
import type { AppEnv } from './env.ts';
import { ApiError, apiErrorOf } from './errors.ts';
import { authenticate } from './middleware/auth.ts';
import { docsPage, openApiDocument } from './openapi.ts';
import { carryForwardRoutes } from './routes/carry-forward.ts';
import { keys } from './routes/keys.ts';
import { periods } from './routes/periods.ts';
import { planRoutes } from './routes/plan.ts';
import { reportDocx } from './routes/report-docx.ts';
import { reviews } from './routes/reviews.ts';
import { settingsRoutes } from './routes/settings.ts';
import { submissions } from './routes/submissions.ts';
import { uploads } from './routes/uploads.ts';
import { workbooks } from './routes/workbooks.ts';

const app = new Hono<AppEnv>();

app.use('/api/*', secureHeaders());
app.use('/api/*', async (c, next) => {
  c.set('now', new Date().toISOString());
  await next();
  // Every API answer (JSON, files, errors) is one key's data at one moment:
  // no browser, proxy or Office cache may keep it or serve it to another.
  c.header('Cache-Control', 'no-store');
});

// Every error answers in the one envelope: the API's own errors answer for
// themselves, the data layer's refusals (db/errors.ts) through apiErrorOf,
// and anything else is a bug: logged, and a 500 that says nothing was
// changed.
app.onError((err) => {
  if (err instanceof ApiError) return err.getResponse();
  if (isDomainError(err)) return apiErrorOf(err).getResponse();
  console.error(err);
  return new ApiError('INTERNAL').getResponse();
});

// The web page for the coordinator and for agencies without the add-in is a
// static asset (index.html, from web/index.html); `/` is its address.
app.get('/', (c) => c.env.ASSETS.fetch(new Request(new URL('/index.html', c.req.url))));

// The path quoted as sent, clipped (docs/api.md): a path is longer than a code, so 200.
app.notFound((c) => {
  const route = `${c.req.method} ${clip(new URL(c.req.url).pathname, 200)}`;
  return new ApiError('NOT_FOUND', {
    vi: `Không có địa chỉ ${route}.`,
    en: `No route ${route}.`,
  }).getResponse();
});

const routes = app
  .get('/api/health', (c) => c.json({ ok: true, name: 'ly-son-poverty-reporting' }))
  .get('/api/openapi.json', (c) => c.json(openApiDocument()))
  .get('/api/docs', (c) => c.html(docsPage()))
  .use('/api/*', authenticate)
  .route('/api', planRoutes)
  .route('/api/periods', periods)
  .route('/api/periods', submissions)
  .route('/api/periods', reviews)
  .route('/api/periods', uploads)
  .route('/api/periods', workbooks)
  .route('/api/periods', reportDocx)
  .route('/api/periods', carryForwardRoutes)
  .route('/api/keys', keys)
  .route('/api/settings', settingsRoutes);

export type AppType = typeof routes;
export default app;
