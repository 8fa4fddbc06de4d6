// Loads Leaflet.draw (WebJar, same origin: allowed by the page's CSP) the first time the town office draws, so
// other users never download it. Only its drawing and editing handlers are used, not its toolbar.
let loading = null;

function add(tag, attributes) {
  return new Promise((resolve, reject) => {
    const element = Object.assign(document.createElement(tag), attributes);
    element.addEventListener('load', resolve);
    element.addEventListener('error', () => reject(new Error('绘图工具加载失败')));
    document.head.appendChild(element);
  });
}

/** Resolves once L.Draw is there, with its tooltips in Chinese. */
export function loadDraw() {
  if (!loading) {
    loading = Promise.all([
      add('link', { rel: 'stylesheet', href: 'webjars/leaflet-draw/dist/leaflet.draw.css' }),
      add('script', { src: 'webjars/leaflet-draw/dist/leaflet.draw.js' }),
    ]).then(() => {
      const tooltip = L.drawLocal.draw.handlers;
      tooltip.marker.tooltip.start = '点击地图放置点位';
      tooltip.polygon.tooltip = { start: '点击开始画面', cont: '继续点击添加顶点', end: '点击第一个顶点结束' };
      tooltip.polyline.error = '<strong>错误：</strong>边不能交叉';
      L.drawLocal.edit.handlers.edit.tooltip = { text: '拖动顶点修改形状', subtext: '' };
    });
  }
  return loading;
}
