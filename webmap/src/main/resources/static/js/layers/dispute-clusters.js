// Leaflet.markercluster for the disputes layer, and the rings it and the per-village counts draw: loaded with the
// first disputes rather than with the page (the first page stays light).
import { CONCLUDED, SHARE_COLORS } from './disputes.js';

/** Leaflet.markercluster: a UMD script over the global L. */
let clusterer = null;
function loadClusterer() {
  if (!clusterer) {
    clusterer = L.markerClusterGroup ? Promise.resolve() : new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = 'webjars/leaflet-markercluster/MarkerCluster.css';
      document.head.appendChild(css);
      const script = document.createElement('script');
      script.src = 'webjars/leaflet-markercluster/leaflet.markercluster.js';
      script.onload = () => resolve();
      script.onerror = () => {
        clusterer = null;
        reject(new Error('纠纷聚合组件加载失败'));
      };
      document.head.appendChild(script);
    });
  }
  return clusterer;
}

function clusterIcon(cluster) {
  let overdue = 0;
  let open = 0;
  const markers = cluster.getAllChildMarkers();
  for (const m of markers) {
    const p = m.feature.properties;
    if (p.overdue && !CONCLUDED.includes(p.status)) {
      overdue += 1;
    } else if (!CONCLUDED.includes(p.status)) {
      open += 1;
    }
  }
  return ringIcon(markers.length, overdue, open);
}

/**
 * A ring of `n` cases whose arcs are the overdue, other open and concluded shares, the count in its centre;
 * `above`: drawn just above its point (where a village's name is written), not on it.
 */
export function ringIcon(n, overdue, open, above = false) {
  const a = (overdue / n) * 100;
  const b = ((overdue + open) / n) * 100;
  const size = Math.round(30 + Math.min(22, Math.sqrt(n) * 2));
  const html = document.createElement('div');
  html.className = 'pg-cluster-ring';
  html.style.background = `conic-gradient(${SHARE_COLORS.overdue} 0 ${a}%, ${SHARE_COLORS.open} ${a}% ${b}%,`
    + ` ${SHARE_COLORS.concluded} ${b}% 100%)`;
  const count = L.DomUtil.create('span', '', html);
  count.textContent = String(n);
  const lift = above ? { iconAnchor: [size / 2, size + 8], tooltipAnchor: [0, -size - 8] } : {};
  return L.divIcon({ html, className: 'pg-cluster', iconSize: [size, size], ...lift });
}

/** The layer's cluster group, made and added on first use. */
export function clusterGroup(layer) {
  return loadClusterer().then(() => {
    if (!layer._clusters) {
      layer._clusters = L.markerClusterGroup({
        disableClusteringAtZoom: layer.options.clusterBelowZoom,
        showCoverageOnHover: false,
        spiderfyOnMaxZoom: false,
        chunkedLoading: true,
        maxClusterRadius: 48,
        iconCreateFunction: clusterIcon,
      });
      layer.addLayer(layer._clusters);
    }
    return layer._clusters;
  });
}
