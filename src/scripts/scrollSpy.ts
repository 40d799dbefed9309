// Marks the table-of-contents entry of the section being read (aria-current="location").
// IntersectionObserver only says when a heading crosses the reading line; the section is then the last
// heading above that line. The observer also reports every heading once after the first layout, which
// sets the initial mark; measuring here at start-up would force a layout of the whole page in this task.
export function initScrollSpy() {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.toc a[href^="#"]')];
  const headings = links
    .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
    .filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;
  const line = () => innerHeight * 0.25;
  const update = () => {
    const above = headings.filter((h) => h.getBoundingClientRect().top <= line());
    const id = above.length > 0 ? above[above.length - 1]!.id : null;
    for (const a of links) {
      if (id !== null && a.hash === `#${encodeURIComponent(id)}`) a.setAttribute('aria-current', 'location');
      else a.removeAttribute('aria-current');
    }
  };
  const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -75% 0px' });
  headings.forEach((h) => observer.observe(h));
}
