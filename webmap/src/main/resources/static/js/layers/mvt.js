// A Mapbox Vector Tile 2.1 reader (protobuf varints, length-prefixed fields, zigzag geometry commands), ours because
// the pbf and vector-tile WebJars are CommonJS, which a page without a bundler cannot import.
const text = new TextDecoder();
const zigZag = (n) => (n % 2 ? -(n + 1) / 2 : n / 2);

class Reader {
  constructor(bytes, pos, end) {
    Object.assign(this, { bytes, pos, end });
  }

  more() {
    return this.pos < this.end;
  }

  varint() {
    let v = 0;
    for (let shift = 1; ; shift *= 128) { // multiplied, not shifted: values may pass 32 bits
      const b = this.bytes[this.pos++];
      v += (b & 0x7f) * shift;
      if (b < 0x80) return v;
    }
  }

  sub() {
    const length = this.varint();
    this.pos += length;
    return new Reader(this.bytes, this.pos - length, this.pos);
  }

  string() {
    const r = this.sub();
    return text.decode(this.bytes.subarray(r.pos, r.end));
  }

  skip(wire) {
    if (wire === 0) this.varint();
    else if (wire === 2) this.sub();
    else this.pos += wire === 1 ? 8 : 4;
  }

  // calls read(field, wireType) for each field; read answers false for a field it does not know
  fields(read) {
    while (this.more()) {
      const key = this.varint();
      if (read(Math.floor(key / 8), key & 7) === false) this.skip(key & 7);
    }
  }
}

function value(r) {
  let v = null;
  r.fields((field) => {
    const view = new DataView(r.bytes.buffer, r.bytes.byteOffset + r.pos);
    if (field === 1) v = r.string();
    else if (field === 2) { v = view.getFloat32(0, true); r.pos += 4; }
    else if (field === 3) { v = view.getFloat64(0, true); r.pos += 8; }
    else if (field === 4 || field === 5) v = r.varint();
    else if (field === 6) v = zigZag(r.varint());
    else if (field === 7) v = r.varint() !== 0;
    else return false;
    return true;
  });
  return v;
}

/** MoveTo/LineTo/ClosePath as parts of [x, y] in tile units; a ring repeats its first point. */
function geometry(r) {
  const parts = [];
  let x = 0;
  let y = 0;
  let part = null;
  while (r.more()) {
    const command = r.varint();
    if ((command & 7) === 7) {
      part.push(part[0]);
      continue;
    }
    for (let i = command >> 3; i > 0; i -= 1) {
      x += zigZag(r.varint());
      y += zigZag(r.varint());
      if ((command & 7) === 1) parts.push(part = []);
      part.push([x, y]);
    }
  }
  return parts;
}

function layer(r) {
  const l = { name: '', extent: 4096, features: [] };
  const keys = [];
  const values = [];
  const raw = [];
  r.fields((field) => {
    if (field === 1) l.name = r.string();
    else if (field === 2) raw.push(r.sub());
    else if (field === 3) keys.push(r.string());
    else if (field === 4) values.push(value(r.sub()));
    else if (field === 5) l.extent = r.varint();
    else return false;
    return true;
  });
  for (const f of raw) {
    const feature = { id: null, type: 0, properties: {}, parts: [] };
    f.fields((field) => {
      if (field === 1) feature.id = f.varint();
      else if (field === 2) {
        const tags = f.sub();
        while (tags.more()) feature.properties[keys[tags.varint()]] = values[tags.varint()];
      } else if (field === 3) feature.type = f.varint(); // 1 point, 2 line, 3 polygon
      else if (field === 4) feature.parts = geometry(f.sub());
      else return false;
      return true;
    });
    l.features.push(feature);
  }
  return l;
}

/** A tile's layers by name: {extent, features: [{id, type, properties, parts}]}. */
export function readTile(buffer) {
  const bytes = new Uint8Array(buffer);
  const r = new Reader(bytes, 0, bytes.length);
  const layers = {};
  r.fields((field) => {
    if (field !== 3) return false;
    const l = layer(r.sub());
    layers[l.name] = l;
    return true;
  });
  return layers;
}
