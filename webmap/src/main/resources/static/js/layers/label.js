// A text label drawn at a point: a non-interactive marker with a divIcon, centred on the point by CSS.

/**
 * A label at `latlng` showing `lines` (the first line bold when there are several).
 * Text is set with textContent, never parsed as HTML.
 */
export function textLabel(latlng, lines, { className = '', pane = 'pgLabels' } = {}) {
  const box = document.createElement('span');
  box.className = 'pg-label-text';
  for (const line of [].concat(lines)) {
    if (line) {
      const part = document.createElement('span');
      part.textContent = line;
      box.appendChild(part);
    }
  }
  return L.marker(latlng, {
    icon: L.divIcon({ className: `pg-label ${className}`, html: box, iconSize: null }),
    interactive: false,
    keyboard: false,
    pane,
  });
}

/** A GeoJSON `label` property [lng, lat] as a Leaflet LatLng. */
export function labelLatLng(properties) {
  const [lng, lat] = properties.label;
  return L.latLng(lat, lng);
}
