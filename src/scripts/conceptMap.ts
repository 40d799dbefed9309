// Concept map: pointing at or focusing a page lights it and the pages it links with and dims the rest.
// The topic filter and the reading-path toggle are plain checkboxes read by CSS (:has), so they need no script.
export function initConceptMap() {
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.concept-map')) {
    const lines = [...svg.querySelectorAll<SVGLineElement>('.edges line')];
    const nodes = new Map([...svg.querySelectorAll<SVGAElement>('a.node')].map((a) => [a.dataset.node!, a]));
    const clear = () => {
      svg.classList.remove('focusing');
      for (const el of svg.querySelectorAll('.lit')) el.classList.remove('lit');
    };
    const light = (id: string) => {
      clear();
      svg.classList.add('focusing');
      nodes.get(id)?.classList.add('lit');
      for (const line of lines) {
        const other = line.dataset.a === id ? line.dataset.b : line.dataset.b === id ? line.dataset.a : null;
        if (other === null || other === undefined) continue;
        line.classList.add('lit');
        nodes.get(other)?.classList.add('lit');
      }
    };
    const nodeOf = (target: EventTarget | null) => (target instanceof Element ? target.closest<SVGAElement>('a.node') : null);
    svg.addEventListener('pointerover', (e) => {
      const node = nodeOf(e.target);
      if (node) light(node.dataset.node!);
    });
    svg.addEventListener('pointerleave', () => {
      if (!svg.contains(document.activeElement)) clear();
    });
    svg.addEventListener('focusin', (e) => {
      const node = nodeOf(e.target);
      if (node) light(node.dataset.node!);
    });
    svg.addEventListener('focusout', (e) => {
      if (!svg.contains(e.relatedTarget as Node | null)) clear();
    });
  }
}
