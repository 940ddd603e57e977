// The one DOM method the pane calls that neither Internet Explorer 11 nor
// EdgeHTML 18 has and no polyfill package here supplies: ParentNode.replaceChildren
// (client/dom.ts replace()). Defined as the DOM standard says: remove every
// child, then insert the nodes (strings become text nodes).
// Source: WHATWG DOM, "ParentNode.replaceChildren()".

type Parent = Element | Document | DocumentFragment;

function replaceChildren(this: Parent, ...nodes: (Node | string)[]): void {
  while (this.lastChild) this.removeChild(this.lastChild);
  for (const n of nodes) this.appendChild(typeof n === 'string' ? document.createTextNode(n) : n);
}

for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  if (!('replaceChildren' in proto)) {
    Object.defineProperty(proto, 'replaceChildren', {
      value: replaceChildren,
      writable: true,
      configurable: true,
    });
  }
}
