/**
 * A wide table scrolls inside its box (global.css .table-scroll): where it is wider than the box, a line above
 * it says so, and the box is marked for the scroll shadows. Re-checked when the window is resized.
 */
const boxes = [...document.querySelectorAll<HTMLElement>('.table-scroll')];

function mark(): void {
  for (const box of boxes) {
    const wide = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle('is-wide', wide);
    const hint = box.previousElementSibling?.classList.contains('table-hint') ? box.previousElementSibling : null;
    if (wide && !hint) {
      const p = document.createElement('p');
      p.className = 'table-hint no-print';
      p.textContent = '表格较宽，左右滑动可看全表 →';
      box.before(p);
    } else if (!wide && hint) hint.remove();
  }
}

mark();
window.addEventListener('resize', mark);
