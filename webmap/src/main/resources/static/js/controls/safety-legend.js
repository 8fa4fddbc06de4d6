// Legend sections for the 平安创建 sites, hazards, borders and the zone shading.
import { SITE_KINDS, HAZARD_LEVELS } from '../terms.js';
import { SITE_SYMBOLS } from '../layers/sites.js';
import { HAZARD_COLORS } from '../layers/hazards.js';
import { SEGMENT_STYLES, ZONE_CLASSES } from '../layers/borders.js';

function swatch(className, style) {
  const s = L.DomUtil.create('span', `pg-swatch ${className}`);
  Object.assign(s.style, style);
  return s;
}

export function addSafetyLegend(legend) {
  legend.addSection('平安创建', Object.entries(SITE_KINDS).map(([kind, name]) => {
    const s = swatch(`pg-swatch-site pg-site-${kind}`, {});
    s.textContent = SITE_SYMBOLS[kind][0];
    return [s, name];
  }));
  legend.addSection('风险隐患', Object.entries(HAZARD_LEVELS).map(([level, name]) => [
    swatch('pg-swatch-dot', { background: HAZARD_COLORS[level] }), name,
  ]).concat([[swatch('pg-swatch-dot pg-swatch-overdue', {}), '复核逾期']]));
  const line = (style) => swatch('pg-swatch-line', { borderTopColor: style.color,
    borderTopStyle: style.dashArray ? 'dashed' : 'solid', borderTopWidth: `${Math.round(style.weight)}px` });
  legend.addSection('边界', [
    [line(SEGMENT_STYLES.county), '县界'],
    [line(SEGMENT_STYLES.town), '镇界'],
    [line(SEGMENT_STYLES.village), '村界'],
  ]);
  legend.addSection('边界敏感区纠纷', ZONE_CLASSES.map(([, color, text]) => [
    swatch('pg-swatch-fill', { background: color }), text,
  ]));
}
