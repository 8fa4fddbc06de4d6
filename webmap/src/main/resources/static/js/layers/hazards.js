// The risk hazard list (风险隐患清单) as dots coloured by level; a hazard whose review is overdue gets a thick dark
// ring, so the town office sees at a glance which reviews are late.
import { api } from '../api.js';
import { HAZARD_LEVELS, termOf } from '../terms.js';
import { popupContent } from './sites.js';

export const HAZARD_COLORS = { GENERAL: '#fbc02d', LARGE: '#fb8c00', MAJOR: '#d32f2f' };

export const HazardsLayer = L.FeatureGroup.extend({
  options: {
    pane: 'pgSites', // with the sites, above the zones
    panel: null, // the DetailPanel a click opens
  },

  load() {
    return api.hazards().then((fc) => {
      this.clearLayers();
      let overdue = 0;
      for (const f of fc.features) {
        const p = f.properties;
        const [lng, lat] = f.geometry.coordinates;
        overdue += p.reviewOverdue ? 1 : 0;
        this.addLayer(L.circleMarker([lat, lng], {
          pane: this.options.pane,
          radius: 7,
          color: p.reviewOverdue ? '#4a0000' : '#ffffff',
          weight: p.reviewOverdue ? 3 : 1.5,
          fillColor: HAZARD_COLORS[p.level] || '#999',
          fillOpacity: 0.9,
          className: p.reviewOverdue ? 'pg-hazard pg-hazard-overdue' : 'pg-hazard',
        }).on('click', (e) => {
          L.DomEvent.stopPropagation(e);
          this.options.panel.open({ title: `风险隐患：${p.title}`, key: `hazard:${p.id}` })
            .appendChild(popupContent(termOf(HAZARD_LEVELS, p.level), [
              ['类别', p.categoryName],
              ['等级', termOf(HAZARD_LEVELS, p.level)],
              ['责任人', p.owner],
              ['状态', p.statusName],
              ['复核日期', `${p.reviewDue}${p.reviewOverdue ? '（复核已逾期）' : ''}`],
            ]));
        }));
      }
      this.fire('load', { count: fc.features.length, overdue });
      return fc.features.length;
    });
  },
});
