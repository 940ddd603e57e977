// Bundled by the end-to-end test and injected before the task pane loads:
// the stand-in Excel as window.Excel, and the model as window.__excel for
// the test to type into and inspect.
import { FakeExcel } from './fake-excel.ts';

const w = window as unknown as Record<string, unknown>;
const excel = new FakeExcel(['Sheet1']);
excel.install(w);
w.__excel = excel;
if (w.__noCreateWorkbook) (w.Excel as Record<string, unknown>).createWorkbook = undefined;
