// A planned patrol route: the road path leg by leg, an arrow on each leg for the direction, the base (起/终) and
// the numbered stops with their ETA in a tooltip. Drawn from a plan of /api/patrol/plans.
const COLOR = '#c2185b'; // stands apart from the roads (grey/orange) and the village outlines (blue)

/** Degrees clockwise from north of the segment a→b ([lng, lat] pairs), good enough at the town's scale. */
function bearing(a, b) {
  const dx = (b[0] - a[0]) * Math.cos((a[1] * Math.PI) / 180);
  const dy = b[1] - a[1];
  return (Math.atan2(dx, dy) * 180) / Math.PI;
}

/** The point halfway along a line of [lng, lat] pairs and the bearing there. */
function midway(line) {
  let total = 0;
  const lengths = [];
  for (let i = 1; i < line.length; i++) {
    const d = Math.hypot(line[i][0] - line[i - 1][0], line[i][1] - line[i - 1][1]);
    lengths.push(d);
    total += d;
  }
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    if (walked + lengths[i - 1] >= total / 2) {
      const t = lengths[i - 1] === 0 ? 0 : (total / 2 - walked) / lengths[i - 1];
      const a = line[i - 1];
      const b = line[i];
      return { at: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], angle: bearing(a, b) };
    }
    walked += lengths[i - 1];
  }
  return null;
}

const hhmm = (local) => local.slice(11, 16);

export const PatrolRouteLayer = L.FeatureGroup.extend({
  options: {
    pane: 'pgPatrol', // above the village and grid outlines, below the markers
  },

  /** Replaces what is drawn with the plan's route; returns the number of stops. */
  showPlan(plan) {
    this.clearLayers();
    for (const leg of plan.legs) {
      if (leg.length < 2) {
        continue;
      }
      const latLngs = leg.map(([lng, lat]) => [lat, lng]);
      this.addLayer(L.polyline(latLngs, { color: COLOR, weight: 4, opacity: 0.85, pane: this.options.pane }));
      const mid = midway(leg);
      if (mid) {
        const arrow = L.divIcon({ className: 'pg-patrol-arrow', iconSize: [18, 18],
          html: `<span style="transform: rotate(${mid.angle.toFixed(0)}deg)">▲</span>` });
        this.addLayer(L.marker([mid.at[1], mid.at[0]], { icon: arrow, interactive: false, keyboard: false }));
      }
    }
    const base = L.marker([plan.base[1], plan.base[0]], {
      icon: L.divIcon({ className: 'pg-patrol-base', iconSize: [26, 26], html: '起' }),
      title: plan.baseName,
    });
    base.bindTooltip(`${plan.baseName}：出发 ${hhmm(plan.departAt)}，返回 ${hhmm(plan.returnAt)}`);
    this.addLayer(base);
    for (const stop of plan.stops) {
      const marker = L.marker([stop.lat, stop.lng], {
        icon: L.divIcon({ className: `pg-patrol-stop pg-patrol-${stop.kind.toLowerCase()}`, iconSize: [24, 24],
          html: String(stop.order) }),
        title: `${stop.order}. ${stop.name}`,
        zIndexOffset: 1000, // above the dispute and site markers it stands on
      });
      const tip = document.createElement('div');
      const head = document.createElement('strong');
      head.textContent = `${stop.order}. ${stop.name}`;
      const time = document.createElement('div');
      time.textContent = `${stop.kindName} · 预计 ${hhmm(stop.arrive)} 到达，停留至 ${hhmm(stop.leave)}`;
      tip.append(head, time);
      marker.bindTooltip(tip);
      this.addLayer(marker);
    }
    return plan.stops.length;
  },
});
