// DOM helper shared by the explainer scripts. Text goes in as textContent, never as HTML, so reader
// input shown back in a result stays text.
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}
