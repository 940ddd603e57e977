// Worker entry: the API app; static assets (the task pane) are served by
// Workers Static Assets before the Worker runs for anything but /api/*.
import app from './app.ts';

export type { AppType } from './app.ts';
export default app;
