// The lists and the summary behind each role's home line, loaded when the line is first tapped.
import { button } from './panel.js';

function percent(rate) {
  return rate === null || rate === undefined ? '—' : `${Math.round(rate * 100)}%`;
}

export function showSummary(panel, month, k) {
  const body = panel.open({ title: `${month} 月度汇总`, key: 'home' });
  const list = L.DomUtil.create('dl', 'pg-facts', body);
  for (const [term, value] of [['登记', `${k.registered ?? 0} 件`], ['化解', `${k.resolved ?? 0} 件`],
    ['化解率', percent(k.resolutionRate)], ['小事不出村', percent(k.villageRate)], ['大事不出镇', percent(k.townRate)],
    ['矛盾上交', `${k.sentBeyondTown ?? 0} 件`], ['逾期', `${k.overdue ?? 0} 件`]]) {
    L.DomUtil.create('dt', '', list).textContent = term;
    L.DomUtil.create('dd', '', list).textContent = value;
  }
  const links = L.DomUtil.create('p', 'pg-home-links', body);
  const meeting = L.DomUtil.create('a', 'pg-meeting-link', links);
  meeting.href = `meeting.html?month=${month}`;
  meeting.textContent = `${month} 会议材料`;
  const kpi = L.DomUtil.create('a', '', links);
  kpi.href = `kpi.html?from=${month}-01`;
  kpi.textContent = '各村枫桥指标';
}

export function showList(panel, title, features, showDispute) {
  const body = panel.open({ title: `${title}（${features.length} 件）`, key: 'home' });
  if (!features.length) {
    L.DomUtil.create('p', '', body).textContent = '没有。';
    return;
  }
  const sorted = [...features].sort((a, b) => Number(b.properties.overdue) - Number(a.properties.overdue)
    || b.properties.sweptOn.localeCompare(a.properties.sweptOn));
  const list = L.DomUtil.create('ul', 'pg-case-list', body);
  for (const f of sorted) {
    const p = f.properties;
    const item = L.DomUtil.create('li', '', list);
    const b = button(item, `${p.id} · ${p.typeLabel} · ${p.statusLabel}${p.overdue ? ' · 逾期' : ''}`,
      'pg-case', () => showDispute(p.id));
    const summary = L.DomUtil.create('span', 'pg-case-summary', b);
    summary.textContent = `${p.sweptOn} ${p.villageName || ''} ${p.summary || ''}`;
  }
}
