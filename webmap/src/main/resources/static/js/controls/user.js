// Who is signed in: name and roles (a link to their account page: tokens for GIS tools), a link to account
// administration for ADMIN, and sign-out.

export const UserControl = L.Control.extend({
  options: {
    position: 'topright', // above the layer switcher and legend
    onLogout: null, // function returning a Promise: signs out on the server
  },

  initialize(me, options) {
    L.setOptions(this, options);
    this._me = me;
  },

  onAdd() {
    const me = this._me;
    const container = L.DomUtil.create('div', 'pg-user leaflet-bar');
    L.DomEvent.disableClickPropagation(container);
    const who = L.DomUtil.create('a', 'pg-user-name', container);
    who.href = 'account.html';
    who.textContent = me.displayName;
    who.title = `${me.username} · ${me.roles.map((r) => r.name).join('、')}`;
    container.dataset.username = me.username;
    if (me.roles.some((r) => r.code === 'ADMIN')) {
      const admin = L.DomUtil.create('a', 'pg-user-link', container);
      admin.href = 'admin.html';
      admin.textContent = '账户管理';
    }
    const logout = L.DomUtil.create('button', 'pg-user-link', container);
    logout.type = 'button';
    logout.textContent = '退出';
    L.DomEvent.on(logout, 'click', () => this._logout());
    return container;
  },

  _logout() {
    const done = () => window.location.assign('login.html');
    (this.options.onLogout ? this.options.onLogout() : Promise.resolve()).then(done, done);
  },
});
