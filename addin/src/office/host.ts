// The only module that touches the Office.js globals (Office, Excel). The rest
// of the add-in is plain TypeScript tested on its own; issue 5 fills this in.
/// <reference types="office-js" />

export interface HostInfo {
  /** True inside Excel; false in a plain browser. */
  inExcel: boolean;
}

export async function detectHost(): Promise<HostInfo> {
  if (typeof Office === 'undefined') return { inExcel: false };
  const info = await Office.onReady();
  return { inExcel: info.host === Office.HostType.Excel };
}
