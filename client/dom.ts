// A tiny element builder for the task pane and the web page: each is a
// handful of sections re-drawn from state, so no framework is needed.
type Child = Node | string | number | false | null | undefined;
type Attrs = Record<string, string | number | boolean | EventListener | undefined | null>;

export function h(tag: string, attrs: Attrs = {}, ...children: (Child | Child[])[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/** Markup the page built itself (the chart's SVG, every text in it escaped) as a node. */
export function fromMarkup(markup: string): Node {
  const t = document.createElement('template');
  t.innerHTML = markup;
  return t.content;
}

/** Replaces a container's content, keeping keyboard focus on the element with the same id. */
export function replace(container: HTMLElement, ...nodes: Node[]): void {
  const focused = document.activeElement?.id;
  container.replaceChildren(...nodes);
  if (focused) {
    const again = document.getElementById(focused);
    if (again && again !== document.activeElement) again.focus();
  }
}
