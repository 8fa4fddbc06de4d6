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
import { LegendControl, legendEntries } from './controls/legend.js';
import { NoticeControl } from './controls/notice.js';
import { UserControl } from './controls/user.js';
import { LocateHandler } from './handlers/locate.js';
import { SitesLayer } from './layers/sites.js';
import { HazardsLayer } from './layers/hazards.js';
import { BorderSegmentsLayer, BorderZonesLayer } from './layers/borders.js';
import { SitePanelControl } from './controls/site-panel.js';
import { DisputesLayer } from './layers/disputes.js';
import { DisputeControl } from './controls/disputes.js';
import { DetailPanel } from './controls/panel.js';
import { HomeControl } from './controls/home.js';
import { Outbox } from './outbox.js';

/** Our panes, bottom to top, between Leaflet's tile pane (200) and its marker pane (600). */
const PANES = {
  pgBase: 210, pgWater: 300, pgRoads: 320, pgBuildings: 340, pgGrids: 400, pgVillages: 410,
  pgTileLabels: 420, pgPlaces: 425, pgLabels: 430, pgMask: 450,
  pgZones: 350, pgBorders: 415, pgSites: 440, pgPatrol: 445, pgDisputes: 590, pgPosition: 620,
  pgHeat: 345, pgHotspots: 405, // the density overlay above the buildings; hot spot units above the grids
};

const REGISTERING_ROLES = ['GRID_MANAGER', 'VILLAGE_CADRE', 'AUX_POLICE', 'TOWN_OFFICE'];

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
  const phone = window.matchMedia('(max-width: 600px)').matches; // a phone keeps its small screen for the map
  buildings.on('hidden', () => {
    if (!phone) {
      notice.show('buildings', `放大到 ${buildings.options.minZoom} 级以上显示楼栋`);
    }
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

/** The action bar at the bottom: 定位, the big 在此登记, and the offline queue's state. */
function actionBar(map, { register, position, outbox, panel }) {
  const showOutbox = () => import('./controls/register.js').then((m) => m.showOutbox(panel, outbox));
  const bar = L.DomUtil.create('div', 'pg-actionbar', map.getContainer());
  L.DomEvent.disableClickPropagation(bar);
  const locate = L.DomUtil.create('button', 'pg-locate-me', bar);
  locate.type = 'button';
  locate.textContent = '定位';
  locate.title = '显示我的位置';
  L.DomEvent.on(locate, 'click', () => position().then((p) => p.start({ center: true })));
  const here = L.DomUtil.create('button', 'pg-primary pg-register-here', bar);
  here.type = 'button';
  here.textContent = '在此登记';
  here.title = '在我的位置登记矛盾纠纷（也可以先点地图选位置）';
  L.DomEvent.on(here, 'click', () => register.here());
  const queue = L.DomUtil.create('button', 'pg-outbox', bar);
  queue.type = 'button';
  queue.hidden = true;
  L.DomEvent.on(queue, 'click', showOutbox);
  outbox.on('change', (e) => {
    queue.hidden = e.items.length === 0;
    queue.textContent = e.refused ? `未送出 ${e.refused}` : `待发送 ${e.pending}`;
    queue.classList.toggle('pg-outbox-refused', e.refused > 0);
    if (panel.key() === 'outbox') {
      showOutbox();
    }
  });
  map.getContainer().classList.add('pg-has-actionbar');
  return bar;
}

/** The service worker keeps the app shell and the user's own layers for a weak signal (HTTPS or localhost). */
function registerServiceWorker() {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('sw.js').then(() => {
      state.serviceWorker = 'registered';
    }, () => {
      state.serviceWorker = 'error';
    });
  }
}

/** A module's work loaded on first use (the first page stays light): a function answering one Promise. */
function lazy(load) {
  let loaded = null;
  return () => {
    loaded = loaded || load().catch((error) => {
      loaded = null;
      throw error;
    });
    return loaded;
  };
}

function start(settings, me) {
  const map = createMap();
  const [minLng, minLat, maxLng, maxLat] = settings.bbox || [111.7, 28.35, 112.0, 28.55];
  map.fitBounds([[minLat, minLng], [maxLat, maxLng]]);

  const roles = me.roles.map((r) => r.code);
  const canEdit = roles.includes('TOWN_OFFICE'); // draws and edits sites and zone widths (the server checks)
  const canRegister = REGISTERING_ROLES.some((r) => roles.includes(r));
  const notice = new NoticeControl();
  const panel = new DetailPanel(map);
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
  const safety = {
    zones: new BorderZonesLayer(),
    borders: null, // the border lines, whose details show their zone's counts and width
    hazards: new HazardsLayer({ panel }),
    sites: new SitesLayer({ canEdit, panel }),
  };
  safety.borders = new BorderSegmentsLayer({ canEdit, zones: safety.zones, panel });
  // the 热点 group: its panel (loaded after the page, see startHotspots) chooses which analysis it holds
  const hotspotGroup = L.layerGroup();
  const hotspots = {}; // density, gi and emerging, once their module is loaded
  const online = settings.onlineLayers || [];
  const baseLayers = { 离线底图: base }; // offered as a choice only when there is something to choose
  for (const config of online) {
    baseLayers[config.name] = onlineBaseLayer(config);
  }
  const overlays = {
    镇界: layers.townBorder, 水系: layers.water, 道路: layers.roads, '村/社区': layers.villages,
    网格: layers.grids, 楼栋: layers.buildings, 地名: layers.places,
    矛盾纠纷: layers.disputes, 平安创建: safety.sites, 风险隐患: safety.hazards,
    '边界线（按相邻单位）': safety.borders, 边界敏感区: safety.zones,
  };
  const detailOf = lazy(() => import('./controls/dispute-detail.js')
    .then((m) => new m.DisputeDetail(map, panel, { canAssign: canEdit })));
  const detail = { show: (id) => detailOf().then((d) => d.show(id)) };
  const hasArea = me.area.wholeTown || ownAreaCodes(me).length > 0; // the analyses cover the user's own area
  if (hasArea) {
    overlays.热点 = hotspotGroup;
  }

  const search = new SearchControl().addTo(map);
  const home = new HomeControl(me, { disputes: layers.disputes, panel, showDispute: (id) => detail.show(id) })
    .addTo(map);
  new UserControl(me, { onLogout: api.logout }).addTo(map);
  L.control.zoom({ zoomInTitle: '放大', zoomOutTitle: '缩小' }).addTo(map);
  L.control.layers(online.length ? baseLayers : {}, overlays).addTo(map); // collapsed: opens on hover or tap
  const legend = new LegendControl(() => legendEntries({ ...layers, ...safety })).addTo(map);
  // 即时上报 reaches the town office and the leadership (the seed: 及时上报党委、政府)
  const disputes = new DisputeControl(layers.disputes, notice, {
    liveReports: roles.includes('TOWN_OFFICE') || roles.includes('LEADER'),
  })
    .addTo(map);
  const sitePanel = new SitePanelControl(safety.sites, safety.zones, { canEdit }).addTo(map);
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' })
    .addAttribution('示意数据，非测绘成果').addTo(map);
  notice.addTo(map);
  L.control.scale({ metric: true, imperial: false }).addTo(map);
  new CoordinatesControl().addTo(map);

  const position = lazy(() => import('./handlers/position.js').then((m) => new m.PositionTracker(map)
    .on('error', (e) => notice.show('position', e.message, 'error')).on('fix', () => notice.hide('position'))));
  const outbox = new Outbox();
  let register = null;
  if (canRegister) {
    const flow = lazy(() => Promise.all([import('./controls/register.js'), position()])
      .then(([m, tracker]) => new m.RegisterFlow(map, { panel, position: tracker, notice, outbox, me })));
    register = {
      here: () => flow().then((r) => r.here()),
      open: (latlng, options) => flow().then((r) => r.open(latlng, options)),
    };
    actionBar(map, { register, position, outbox, panel });
    outbox.on('sent', (e) => {
      notice.show('register', `本机保存的登记已发送（编号 ${e.dispute.id}）`);
      layers.disputes.reload();
    });
    outbox.start().catch(() => notice.show('outbox', '此浏览器不能在本机保存登记（IndexedDB 不可用）', 'error'));
  }
  const locate = new LocateHandler(map, {
    onRegisterHere: register ? (latlng, result) => register.open(latlng, { located: result }) : null,
  });
  locate.enable();
  map.on('pg:disputeregistered', (e) => {
    layers.disputes.reload();
    detail.show(e.dispute.id);
  }).on('pg:disputechanged', () => layers.disputes.reload());
  layers.disputes.on('select', (e) => detail.show(e.id)).on('ready', (e) => {
    Object.assign(state, { disputesLoaded: String(e.count), disputesMode: e.mode });
    if (e.truncated) {
      notice.show('disputes', '纠纷过多，只显示最新的 5000 件：请放大地图或缩小筛选范围');
    } else if (e.mode === 'counts') {
      notice.show('disputes', `此范围纠纷 ${e.count} 件，按村显示件数：点击村或放大地图查看每一件`);
    } else {
      notice.hide('disputes');
    }
  }).on('error', (e) => {
    state.disputesLoaded = 'error';
    notice.show('disputes', `纠纷加载失败：${e.error.message}`, 'error');
  });

  // the patrol panel is the auxiliary police's and the town office's: only they download it
  const patrol = { control: null };
  if (roles.includes('AUX_POLICE') || roles.includes('TOWN_OFFICE')) {
    const css = L.DomUtil.create('link', '', document.head);
    Object.assign(css, { rel: 'stylesheet', href: 'css/patrol.css' });
    Promise.all([import('./layers/patrol-route.js'), import('./controls/patrol.js')]).then(([r, c]) => {
      patrol.control = new c.PatrolControl(new r.PatrolRouteLayer(), { chooseVillage: roles.includes('TOWN_OFFICE') })
        .addTo(map);
      patrol.control.on('planned', (e) => {
        Object.assign(state, { patrolPlan: String(e.plan.id), patrolStops: String(e.plan.stops.length),
          patrolError: '' });
      }).on('planfailed', (e) => {
        state.patrolError = e.error.message;
      });
      state.patrolReady = 'true';
    }, (error) => notice.show('patrol', `巡逻面板加载失败：${error.message}`, 'error'));
  }

  if (hasArea) { // 一户一档, loaded after the page: counts in a building's popup, the 住户 panel
    import('./controls/households.js').then((m) => new m.HouseholdControl(panel, me).addTo(map));
  }

  reportBuildings(layers.buildings, notice);
  // roads come as tiles of the view: a one-grid user gets the roads around their grid, never the whole town's
  layers.roads.on('ready', (e) => {
    state.roadsLoaded = String(e.count);
  }).on('error', (e) => {
    state.roadsLoaded = 'error';
    notice.show('roadsLoaded', `道路加载失败：${e.error.message}`, 'error');
  });
  base.addTo(map);
  Object.values(layers).forEach((layer) => layer && layer.addTo(map));

  base.load().then((town) => {
    layers.townBorder.addData(town);
    state.baseLoaded = 'true';
  }, (error) => notice.show('base', `底图加载失败：${error.message}`, 'error'));
  load(layers.water, 'waterLoaded', '水系', notice);
  load(layers.villages, 'villagesLoaded', '村（社区）', notice);
  load(layers.grids, 'gridsLoaded', '网格', notice);
  load(layers.places, 'placesLoaded', '地名', notice);
  // the zones and the border lines are off by default (they cover much of the town): switched on, they load
  safety.sites.addTo(map);
  safety.hazards.addTo(map);
  load(safety.sites, 'sitesLoaded', '平安创建点位', notice);
  load(safety.hazards, 'hazardsLoaded', '风险隐患', notice);
  safety.borders.on('add', () => {
    if (!state.bordersLoaded || state.bordersLoaded === 'error') {
      load(safety.borders, 'bordersLoaded', '边界', notice);
    }
  });
  safety.zones.setPeriod(sitePanel.period());
  safety.sites.on('load', (e) => {
    Object.assign(state, { sitesLoaded: String(e.count), sitesFilter: `${safety.sites.filter().kind}|${safety.sites.filter().status}` });
  }).on('editsite', (e) => {
    panel.close();
    sitePanel.edit(e.feature);
  });
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
  // On a phone the control columns would cover an open popup: they step aside until it closes.
  map.on('popupopen', () => map.getContainer().classList.add('pg-popup-open'))
    .on('popupclose', () => map.getContainer().classList.remove('pg-popup-open'));
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
      legend.refresh();
      state.myArea = areaCodes.join(',');
    }, (error) => {
      notice.show('myArea', `无法显示我的区域：${error.message}`, 'error');
      state.myArea = 'error';
    });
  }
  registerServiceWorker();

  window.pinganMap = Object.freeze({ map, base, layers, safety, panel, outbox, hotspots,
    controls: Object.freeze({ search, legend, notice, disputes, sitePanel, home, detail, register, patrol }) });
  state.user = me.username;
  state.role = roles.join(',');
  // the map is ready once the 热点 panel is there too (it loads after the first page, see startHotspots)
  (hasArea ? startHotspots(map, hotspotGroup, hotspots) : Promise.resolve()).then(() => {
    state.mapReady = 'true';
  }, (error) => {
    notice.show('hotspots', `热点分析无法加载：${error.message}`, 'error');
    state.mapReady = 'true';
  });
}

/**
 * The 热点 panel and its three layers, loaded as modules after the page (they are not needed to show the map,
 * and the first page stays under its weight budget); fills {@code hotspots} for the page's tests and tools.
 */
function startHotspots(map, group, hotspots) {
  const css = document.createElement('link');
  Object.assign(css, { rel: 'stylesheet', href: 'css/hotspots.css' });
  document.head.appendChild(css);
  return Promise.all([import('./layers/hotspots.js'), import('./controls/hotspot-panel.js')]).then(([l, c]) => {
    Object.assign(hotspots, { density: new l.DensityOverlay(), gi: new l.GiLayer(), emerging: new l.EmergingLayer() });
    const panel = new c.HotspotPanelControl(group, hotspots).addTo(map);
    panel.on('loaded', (e) => {
      state[`hotspot${e.layer[0].toUpperCase()}${e.layer.slice(1)}`] = 'ready';
    }).on('failed', (e) => {
      state[`hotspot${e.layer[0].toUpperCase()}${e.layer.slice(1)}`] = 'error';
      state.hotspotError = e.error.message;
    });
    hotspots.gi.on('unitdisputes', (e) => {
      state.hotspotUnitDisputes = `${e.id}:${e.count}`;
    });
  });
}

Promise.all([api.mapSettings(), api.me()]).then(([settings, me]) => start(settings, me), (error) => {
  const message = document.createElement('p');
  message.className = 'pg-fatal';
  message.textContent = `地图无法启动：${error.message}`;
  document.body.appendChild(message);
  state.mapReady = 'error';
});
