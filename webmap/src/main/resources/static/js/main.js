// Wires the map together: panes, the offline base map, the town's layers, controls, click-to-locate, who is
// signed in and "my area" (the user's own grids or village, or one named in the URL), and a small read-only hook
// for browser tests (window.pinganMap and data-* attributes on <body>, so tests can wait on real state).
import { api } from './api.js';
import { OfflineBaseLayer, TownBorderLayer } from './layers/base.js';
import { WaterLayer } from './layers/water.js';
import { RoadsLayer } from './layers/roads.js';
import { VillagesLayer } from './layers/villages.js';
import { GridsLayer } from './layers/grids.js';
import { BuildingsLayer } from './layers/buildings.js';
import { PlacesLayer } from './layers/places.js';
import { onlineBaseLayer } from './layers/online.js';
import { showMyArea } from './layers/my-area.js';
import { SearchControl } from './controls/search.js';
import { CoordinatesControl } from './controls/coordinates.js';
import { LegendControl } from './controls/legend.js';
import { NoticeControl } from './controls/notice.js';
import { UserControl } from './controls/user.js';
import { LocateHandler } from './handlers/locate.js';
import { SitesLayer } from './layers/sites.js';
import { HazardsLayer } from './layers/hazards.js';
import { BorderSegmentsLayer, BorderZonesLayer } from './layers/borders.js';
import { SitePanelControl } from './controls/site-panel.js';
import { addSafetyLegend } from './controls/safety-legend.js';
import { DisputesLayer } from './layers/disputes.js';
import { DisputeControl } from './controls/disputes.js';
import { PatrolRouteLayer } from './layers/patrol-route.js';
import { PatrolControl } from './controls/patrol.js';

/** Our panes, bottom to top, between Leaflet's tile pane (200) and its marker pane (600). */
const PANES = {
  pgBase: 210, pgWater: 300, pgRoads: 320, pgBuildings: 340, pgGrids: 400, pgVillages: 410,
  pgTileLabels: 420, pgPlaces: 425, pgLabels: 430, pgMask: 450,
  pgZones: 350, pgBorders: 415, pgSites: 440, pgPatrol: 445,
};

const state = document.body.dataset; // the test hook's data attributes

function createMap() {
  const map = L.map('map', {
    zoomControl: false, // added after the search box, so search sits above it
    attributionControl: false, // added below with a short prefix
    minZoom: 9,
    maxZoom: 19,
    zoomSnap: 0.5, // lets the whole town fill the screen better than whole zoom levels
  });
  for (const [name, zIndex] of Object.entries(PANES)) {
    map.createPane(name).style.zIndex = String(zIndex);
  }
  return map;
}

/** Loads a layer's data, recording the feature count as data-<attribute> (or 'error' and a notice). */
function load(layer, attribute, what, notice) {
  layer.load().then((count) => {
    state[attribute] = String(count);
  }, (error) => {
    state[attribute] = 'error';
    notice.show(attribute, `${what}加载失败：${error.message}`, 'error');
  });
}

function reportBuildings(buildings, notice) {
  buildings.on('hidden', () => {
    notice.show('buildings', `放大到 ${buildings.options.minZoom} 级以上显示楼栋`);
    Object.assign(state, { buildingsState: 'hidden', buildingsCount: '0' });
  }).on('loading', () => {
    notice.show('buildings', '正在加载楼栋…');
    state.buildingsState = 'loading';
  }).on('ready', (e) => {
    if (e.truncated) {
      notice.show('buildings', `此处楼栋过多，仅显示其中 ${e.count} 栋`);
    } else {
      notice.hide('buildings');
    }
    Object.assign(state, { buildingsState: 'ready', buildingsCount: String(e.count),
      buildingsTruncated: String(e.truncated) });
  }).on('error', (e) => {
    notice.show('buildings', `楼栋加载失败：${e.error.message}`, 'error');
    state.buildingsState = 'error';
  }).on('remove', () => {
    notice.hide('buildings');
    state.buildingsState = 'off';
  });
}

/** The codes of the user's own area: none for whole-town roles (they see everything) and for roles without one. */
function ownAreaCodes(me) {
  return me.area.wholeTown ? [] : [...me.area.grids, ...me.area.villages];
}

function start(settings, me) {
  const map = createMap();
  const [minLng, minLat, maxLng, maxLat] = settings.bbox || [111.7, 28.35, 112.0, 28.55];
  map.fitBounds([[minLat, minLng], [maxLat, maxLng]]);

  const notice = new NoticeControl();
  const base = new OfflineBaseLayer();
  const layers = {
    townBorder: new TownBorderLayer(),
    water: new WaterLayer(),
    roads: new RoadsLayer(),
    buildings: new BuildingsLayer(),
    grids: new GridsLayer(),
    villages: new VillagesLayer(),
    places: new PlacesLayer(),
    disputes: new DisputesLayer(),
    myArea: null, // set when ?grid= or ?village= names an area
  };
  const canEdit = me.roles.some((r) => r.code === 'TOWN_OFFICE'); // draws and edits sites and zone widths (the server checks)
  const safety = {
    zones: new BorderZonesLayer(),
    borders: null, // the border lines, whose popups show their zone's counts and width

    hazards: new HazardsLayer(),
    sites: new SitesLayer({ canEdit }),
  };
  safety.borders = new BorderSegmentsLayer({ canEdit, zones: safety.zones });
  const online = settings.onlineLayers || [];
  const baseLayers = { 离线底图: base }; // offered as a choice only when there is something to choose
  for (const config of online) {
    baseLayers[config.name] = onlineBaseLayer(config);
  }
  const overlays = {
    镇界: layers.townBorder, 水系: layers.water, 道路: layers.roads, '村/社区': layers.villages,
    网格: layers.grids, 楼栋: layers.buildings, 地名: layers.places,
    平安创建: safety.sites, 风险隐患: safety.hazards, 边界: safety.borders, 边界敏感区: safety.zones,
    矛盾纠纷: layers.disputes,
  };

  const search = new SearchControl().addTo(map);
  new UserControl(me, { onLogout: api.logout }).addTo(map);
  L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map);
  L.control.layers(online.length ? baseLayers : {}, overlays).addTo(map); // collapsed: opens on hover or tap
  const legend = new LegendControl().addTo(map);
  addSafetyLegend(legend);
  const sitePanel = new SitePanelControl(safety.sites, safety.zones, { canEdit }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
    .addAttribution('示意数据，非测绘成果').addTo(map);
  notice.addTo(map);
  L.control.scale({ metric: true, imperial: false }).addTo(map);
  new CoordinatesControl().addTo(map);
  const locate = new LocateHandler(map);
  locate.enable();
  const roles = me.roles.map((r) => r.code);
  const disputes = new DisputeControl(layers.disputes, locate, notice, {
    canRegister: ['GRID_MANAGER', 'VILLAGE_CADRE', 'AUX_POLICE', 'TOWN_OFFICE'].some((r) => roles.includes(r)),
    liveReports: roles.includes('TOWN_OFFICE'),
  }).addTo(map);
  layers.disputes.on('ready', (e) => {
    Object.assign(state, { disputesLoaded: String(e.count), disputesMode: e.mode });
  }).on('error', (e) => {
    state.disputesLoaded = 'error';
    notice.show('disputes', `纠纷加载失败：${e.error.message}`, 'error');
  });

  let patrol = null;
  if (roles.includes('AUX_POLICE') || roles.includes('TOWN_OFFICE')) {
    const route = new PatrolRouteLayer();
    patrol = new PatrolControl(route, { chooseVillage: roles.includes('TOWN_OFFICE') }).addTo(map);
    patrol.on('planned', (e) => {
      Object.assign(state, { patrolPlan: String(e.plan.id), patrolStops: String(e.plan.stops.length),
        patrolError: '' });
    }).on('planfailed', (e) => {
      state.patrolError = e.error.message;
    });
  }

  reportBuildings(layers.buildings, notice);
  base.addTo(map);
  Object.values(layers).forEach((layer) => layer && layer.addTo(map));

  base.load().then((town) => {
    layers.townBorder.addData(town);
    state.baseLoaded = 'true';
  }, (error) => notice.show('base', `底图加载失败：${error.message}`, 'error'));
  load(layers.water, 'waterLoaded', '水系', notice);
  load(layers.roads, 'roadsLoaded', '道路', notice);
  load(layers.villages, 'villagesLoaded', '村（社区）', notice);
  load(layers.grids, 'gridsLoaded', '网格', notice);
  load(layers.places, 'placesLoaded', '地名', notice);
  Object.values(safety).forEach((layer) => layer.addTo(map));
  load(safety.sites, 'sitesLoaded', '平安创建点位', notice);
  load(safety.hazards, 'hazardsLoaded', '风险隐患', notice);
  load(safety.borders, 'bordersLoaded', '边界', notice);
  // the panel's default period shades the zones from the start
  safety.zones.setPeriod(sitePanel.period()).catch((error) => {
    state.zonesLoaded = 'error';
    notice.show('zonesLoaded', `边界敏感区加载失败：${error.message}`, 'error');
  });
  safety.sites.on('load', (e) => {
    Object.assign(state, { sitesLoaded: String(e.count), sitesFilter: `${safety.sites.filter().kind}|${safety.sites.filter().status}` });
  }).on('editsite', (e) => sitePanel.edit(e.feature));
  safety.zones.on('load', (e) => {
    state.zonesLoaded = String(e.count);
  });
  sitePanel.on('saved', (e) => {
    Object.assign(state, { siteSaved: String(e.id), siteError: '' });
  }).on('savefailed', (e) => {
    state.siteError = e.error.message;
  }).on('drawing', (e) => {
    state.drawing = e.shape;
  });

  search.on('select', () => {
    delete state.searchFlownTo;
  }).on('arrive', (e) => {
    state.searchFlownTo = e.hit.code;
  }); // search errors are shown in the search box's own list
  map.on('popupopen', () => {
    state.locateState = 'pending';
  }).on('pg:located', () => {
    state.locateState = 'done';
  }).on('pg:locatefailed', () => {
    state.locateState = 'error';
  });

  const params = new URLSearchParams(window.location.search);
  const urlCode = params.get('grid') || params.get('village');
  const areaCodes = urlCode ? [urlCode] : ownAreaCodes(me);
  if (!me.area.wholeTown && ownAreaCodes(me).length === 0) {
    notice.show('myArea', '您的账户没有分配村（社区）或网格，地图只显示底图');
  }
  if (areaCodes.length) {
    showMyArea(map, areaCodes).then((area) => {
      layers.myArea = area;
      legend.showMyArea(area.feature.properties.name);
      state.myArea = areaCodes.join(',');
    }, (error) => {
      notice.show('myArea', `无法显示我的区域：${error.message}`, 'error');
      state.myArea = 'error';
    });
  }

  window.pinganMap = Object.freeze({ map, base, layers, safety,
    controls: Object.freeze({ search, legend, notice, disputes, sitePanel, patrol }) });
  state.user = me.username;
  state.mapReady = 'true';
}

Promise.all([api.mapSettings(), api.me()]).then(([settings, me]) => start(settings, me), (error) => {
  const message = document.createElement('p');
  message.className = 'pg-fatal';
  message.textContent = `地图无法启动：${error.message}`;
  document.body.appendChild(message);
  state.mapReady = 'error';
});
