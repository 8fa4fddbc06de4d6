// The disputes layer's counts, loaded when a view is wider than zoom 13: the per-village counts are asked first,
// and when the padded view holds more than the layer's maxPoints (a county office looking at several towns; a
// town's own view never does) one ring per village is drawn instead of the points, just above the village's name,
// with the shares of overdue, other open and concluded cases. A click on a ring zooms in to its points.
import { api } from '../api.js';
import { ringIcon } from './dispute-clusters.js';

/** Asks `layer`'s counts in `box`; draws them when there are too many points, else answers `points()`. */
export function countsOrPoints(layer, generation, box, bbox, points) {
  const zoom = layer._map.getZoom();
  return api.disputeClusters({ ...layer._filters, bbox, zoom: Math.floor(zoom) }).then((villages) => {
    const total = villages.features.reduce((n, f) => n + f.properties.count, 0);
    if (generation !== layer._generation || total <= layer.options.maxPoints) {
      return generation === layer._generation ? points() : 0;
    }
    layer._box = box;
    layer._countsZoom = zoom;
    draw(layer, villages.features);
    return total;
  });
}

function draw(layer, villages) {
  const map = layer._map;
  if (layer._clusters) {
    layer._clusters.clearLayers();
  }
  layer._byId.clear();
  layer._counts = layer._counts || L.layerGroup().addTo(layer);
  layer._counts.clearLayers();
  const totals = { count: 0, open: 0, overdue: 0 };
  for (const f of villages) {
    const p = f.properties;
    const overdue = Math.min(p.overdue, p.open);
    totals.count += p.count;
    totals.open += p.open;
    totals.overdue += overdue;
    const [lng, lat] = f.geometry.coordinates;
    const marker = L.marker([lat, lng], { icon: ringIcon(p.count, overdue, p.open - overdue, true),
      keyboard: false });
    marker.feature = f;
    marker.bindTooltip(`${p.name}：${p.count} 件（未结 ${p.open}${overdue ? `，逾期 ${overdue}` : ''}）`,
      { direction: 'top' });
    marker.on('click', () => map.setView([lat, lng], Math.max(layer.options.countsBelowZoom, map.getZoom() + 2)));
    layer._counts.addLayer(marker);
  }
  layer._totals = totals;
  layer._count = totals.count;
  layer._truncated = false;
  layer._reportMode();
}
