// 一户一档 on the map, loaded after the page (the first page stays under its weight budget): the household counts
// of a building in the locate popup, a 住户 button for the roles that read the archive, and the detail panel with
// the seed's forms. Names, ID numbers and phones arrive already masked for the reader; a handler (村干部, 网格员)
// gets the full values only by stating a reason, which the server audits.
//
// Test hook: data-households-ready, data-household-list (count), data-household-detail (id),
// data-household-revealed (id), data-household-popup (households in the popup's building).
import { api } from '../api.js';
import { facts, button } from './panel.js';

const ARCHIVE_ROLES = ['GRID_MANAGER', 'VILLAGE_CADRE', 'TOWN_OFFICE', 'AUX_POLICE'];
const state = document.body.dataset;

function section(parent, text) {
  L.DomUtil.create('h3', 'pg-panel-section', parent).textContent = text;
}

function note(parent, text, className) {
  const p = L.DomUtil.create('p', `pg-hh-note ${className || ''}`, parent);
  p.textContent = text;
  return p;
}

/** A card per row: the row's first value as its heading, the others as facts. */
function cards(parent, rows, heading, fields, empty) {
  if (rows.length === 0) {
    note(parent, empty);
    return;
  }
  const list = L.DomUtil.create('ul', 'pg-hh-cards', parent);
  for (const row of rows) {
    const item = L.DomUtil.create('li', 'pg-hh-card', list);
    L.DomUtil.create('strong', '', item).textContent = heading(row);
    facts(item, fields.map(([term, key]) => [term, typeof key === 'function' ? key(row) : row[key]]));
  }
}

export const HouseholdControl = L.Control.extend({
  options: {
    position: 'topleft', // with the other panels, under the zoom buttons
  },

  initialize(panel, me) {
    this._panel = panel;
    this._roles = me.roles.map((r) => r.code);
    this._archive = ARCHIVE_ROLES.some((r) => this._roles.includes(r));
    const css = L.DomUtil.create('link', '', document.head);
    Object.assign(css, { rel: 'stylesheet', href: 'css/households.css' });
  },

  onAdd(map) {
    map.on('pg:located', (e) => e.result.building && this.inPopup(e.box, e.result.building, e.popup));
    const container = L.DomUtil.create('div', 'pg-hh-control leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    container.hidden = !this._archive; // the leadership sees counts in the popups only
    button(container, '住户', 'pg-hh-toggle', () => this.showList({})).title = '一户一档：户主查询';
    state.householdsReady = 'true';
    return container;
  },

  /** Adds the building's household counts (and, for archive readers, a way in) to the locate popup's box. */
  inPopup(box, building, popup) {
    const line = L.DomUtil.create('div', 'pg-hh-popup', box);
    line.textContent = '住户：正在查询…';
    api.householdCounts({ building: building.code }).then((counts) => {
      line.textContent = counts.households ? `住户：${counts.households} 户 ${counts.members} 人` : '住户：未登记';
      state.householdPopup = String(counts.households);
      if (counts.households && this._archive) {
        button(line, '查看住户', 'pg-hh-open', () => {
          this._map.closePopup();
          this.showList({ building: building.code });
        });
      }
      popup.update(); // taller now: lay it out and pan it into view again
    }, (error) => {
      line.textContent = `住户：${error.message}`;
    });
  },

  /** The households of the caller's area (or one building), with a search by head of household. */
  showList(filter) {
    const title = filter.building ? `住户 · 楼栋 ${filter.building.slice(-5)}` : '一户一档';
    const body = this._panel.open({ title, key: `households:${filter.building || ''}` });
    const form = L.DomUtil.create('form', 'pg-hh-search', body);
    const input = L.DomUtil.create('input', '', form);
    Object.assign(input, { type: 'search', name: 'q', maxLength: 32, placeholder: '户主姓名（脱敏时只按姓查）' });
    button(form, '查询', 'pg-hh-search-go').type = 'submit';
    const results = L.DomUtil.create('div', 'pg-hh-results', body);
    const run = () => {
      results.textContent = '正在查询…';
      api.households({ ...filter, q: input.value.trim() }).then((answer) => {
        results.textContent = '';
        if (answer.access === 'MASKED') {
          note(results, '您的角色只能看到脱敏信息', 'pg-hh-masked');
        }
        if (answer.households.length === 0) {
          note(results, '没有符合条件的户档案');
        }
        const list = L.DomUtil.create('ul', 'pg-hh-list', results);
        for (const h of answer.households) {
          const item = L.DomUtil.create('li', '', list);
          const open = button(item, '', 'pg-hh-item', () => this.showDetail(h.id, false));
          L.DomUtil.create('strong', '', open).textContent = `户主 ${h.headName}`;
          L.DomUtil.create('span', 'pg-hh-meta', open).textContent = [`${h.memberCount} 人`, h.groupName,
            h.povertyRegistered ? '建档立卡' : null, `楼栋 ${h.building.slice(-5)}`].filter(Boolean).join(' · ');
        }
        if (answer.truncated) {
          note(results, `共 ${answer.total} 户，只显示前 ${answer.households.length} 户：请按户主或楼栋缩小范围`);
        }
        state.householdList = String(answer.households.length);
      }, (error) => {
        results.textContent = '';
        note(results, error.message, 'pg-hh-error');
        state.householdList = 'error';
      });
    };
    L.DomEvent.on(form, 'submit', (e) => {
      L.DomEvent.preventDefault(e);
      run();
    });
    const exportLink = L.DomUtil.create('a', 'pg-hh-export', L.DomUtil.create('p', '', body));
    exportLink.href = api.householdExportUrl(filter);
    exportLink.textContent = '导出 Excel（道德档案信息表，已脱敏）';
    run();
  },

  showDetail(id, revealed, reason) {
    const body = this._panel.open({ title: '户档案', key: `household:${id}` });
    body.textContent = '正在加载…';
    (revealed ? api.revealHousehold(id, reason) : api.household(id)).then((h) => {
      this._render(body, h);
      state.householdDetail = String(id);
      state.householdRevealed = h.revealed ? String(id) : '';
    }, (error) => {
      body.textContent = '';
      note(body, error.message, 'pg-hh-error');
    });
  },

  _render(body, h) {
    body.textContent = '';
    this._panel.setTitle(`户主 ${h.headName} · ${h.memberCount} 人`);
    facts(body, [['楼栋', h.building], ['组名', h.groupName], ['是否建档立卡', h.povertyRegistered ? '是' : '否'],
      ['住房状况', h.housing], ['其它情况说明', h.otherNotes]]);
    if (h.revealed) {
      note(body, '完整信息：本次查看及事由已记入审计日志', 'pg-hh-revealed');
    } else if (h.access === 'HANDLER') {
      this._revealForm(body, h.id);
    } else {
      note(body, '身份证号码、电话和姓名已脱敏', 'pg-hh-masked');
    }
    const person = [['性别', 'gender'], ['出生', 'birthDate'], ['身份证号码', 'idNumber'], ['联系电话', 'phone'],
      ['文化程度', 'education'], ['健康状况', 'health']];
    section(body, `家庭人员基本信息表（${h.members.length}）`);
    cards(body, h.members, (m) => `${m.name}（${m.relation}）`, person, '无');
    section(body, `异动人员基本信息表（${h.moves.length}）`);
    cards(body, h.moves, (m) => `${m.direction === 'IN' ? '迁入' : '迁出'} ${m.movedOn} ${m.name}`,
      [['原因', 'reason'], ['迁入/迁出地', 'place'], ['与户主关系', 'relation'], ...person], '无异动');
    section(body, `良好表现与突出贡献事迹（${h.merits.length}）`);
    cards(body, h.merits, (m) => `${m.doneOn} ${m.name}`, [['事迹', 'deed'], ['表彰', 'commendation']], '无');
    section(body, `不良记录（${h.misconduct.length}）`);
    cards(body, h.misconduct, (m) => `${m.recordedOn} ${m.name}`,
      [['不良表现详细记录', 'detail'], ['处理情况', 'handling']], '无');
    section(body, `矛盾处理排查登记表（${h.conflicts.length}）`);
    cards(body, h.conflicts, (c) => `${c.checkedOn} 排查`, [['矛盾情况', 'situation'], ['化解措施', 'measures'],
      ['备注', 'remarks'], ['纠纷编号', 'disputeId']], '无');
    if (h.disputes.length) {
      section(body, '本楼栋登记的矛盾纠纷');
      const list = L.DomUtil.create('ul', 'pg-hh-disputes', body);
      for (const d of h.disputes) {
        L.DomUtil.create('li', '', list).textContent = `编号 ${d.id} · ${d.sweptOn}${d.linked ? ' · 已关联' : ''}`;
      }
    }
    this._panel.setFooter([button(null, '返回列表', '', () => this.showList({ building: h.building }))]);
  },

  _revealForm(body, id) {
    const form = L.DomUtil.create('form', 'pg-hh-reveal', body);
    const input = L.DomUtil.create('input', '', form);
    Object.assign(input, { name: 'reason', maxLength: 100, required: true, placeholder: '事由（记入审计日志）' });
    button(form, '查看完整信息', 'pg-hh-reveal-go').type = 'submit';
    L.DomEvent.on(form, 'submit', (e) => {
      L.DomEvent.preventDefault(e);
      this.showDetail(id, true, input.value.trim());
    });
  },
});
