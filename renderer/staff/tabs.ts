import { h, label } from '../ui/dom';

export interface TabSpec {
  id: string;
  labelKey: string;
  panel: HTMLElement;
  onShow?: () => void;
}

/**
 * WAI-ARIA tabs: one tab stop for the list, arrow keys (and Home/End) move between tabs,
 * Tab goes into the panel.
 */
export const createTabs = (specs: TabSpec[], labelledBy: string) => {
  const tabs = specs.map((spec) =>
    label('button', spec.labelKey, {
      type: 'button',
      role: 'tab',
      id: `staff-tab-${spec.id}`,
      'aria-controls': `staff-panel-${spec.id}`,
      'aria-selected': 'false',
      tabindex: '-1',
      class: 'staff-tab',
      'data-tab': spec.id,
    }),
  );
  const panels = specs.map((spec) => {
    spec.panel.id = `staff-panel-${spec.id}`;
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', `staff-tab-${spec.id}`);
    spec.panel.classList.add('staff-panel');
    spec.panel.hidden = true;
    return spec.panel;
  });
  const list = h('div', { role: 'tablist', class: 'staff-tabs', 'aria-labelledby': labelledBy }, ...tabs);

  const select = (index: number, focus = false) => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    });
    if (focus) tabs[index].focus();
    specs[index].onShow?.();
  };
  tabs.forEach((tab, index) => {
    tab.addEventListener('click', () => select(index));
    tab.addEventListener('keydown', (event) => {
      const last = tabs.length - 1;
      const next =
        event.key === 'ArrowRight'
          ? (index + 1) % tabs.length
          : event.key === 'ArrowLeft'
            ? (index - 1 + tabs.length) % tabs.length
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? last
                : null;
      if (next === null) return;
      event.preventDefault();
      select(next, true);
    });
  });
  return {
    list,
    panels,
    select: (id: string, focus = false) =>
      select(
        Math.max(
          0,
          specs.findIndex((spec) => spec.id === id),
        ),
        focus,
      ),
  };
};
