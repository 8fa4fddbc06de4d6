// A Mapbox Vector Tile (spec 2.1) reader: protobuf varints and length-prefixed fields, then each feature's
// geometry commands (MoveTo, LineTo, ClosePath with zigzag deltas) as arrays of [x, y] in tile units. Written here
// because the pbf and vector-tile WebJars are CommonJS sources a page cannot import without a bundler.

const textDecoder = new TextDecoder();

class Reader {
  constructor(bytes, start = 0, end = bytes.length) {
    this.bytes = bytes; // a Uint8Array
    this.pos = start;
    this.end = end;
  }

  more() {
    return this.pos < this.end;
  }

  varint() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.bytes[this.pos++];
      value += (b & 0x7f) * 2 ** shift; // not <<: values may pass 32 bits
      if (b < 0x80) {
        return value;
      }
    }
  }

  sub() {
    const length = this.varint();
    const reader = new Reader(this.bytes, this.pos, this.pos + length);
    this.pos += length;
    return reader;
  }

  string() {
    const r = this.sub();
    return textDecoder.decode(this.bytes.subarray(r.pos, r.end));
  }

  skip(wireType) {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.sub();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`MVT: unknown wire type ${wireType}`);
  }
}

const zigZag = (n) => (n % 2 === 1 ? -(n + 1) / 2 : n / 2);

function value(r) {
  let v = null;
  while (r.more()) {
    const key = r.varint();
    const view = new DataView(r.bytes.buffer, r.bytes.byteOffset + r.pos);
    switch (key >> 3) {
      case 1: v = r.string(); break;
      case 2: v = view.getFloat32(0, true); r.pos += 4; break;
      case 3: v = view.getFloat64(0, true); r.pos += 8; break;
      case 4: case 5: v = r.varint(); break;
      case 6: v = zigZag(r.varint()); break;
      case 7: v = r.varint() !== 0; break;
      default: r.skip(key & 7);
    }
  }
  return v;
}

/** Geometry commands as parts: points, lines or rings (a ring repeats its first point at the end). */
function geometry(r) {
  const parts = [];
  let x = 0;
  let y = 0;
  let part = null;
  while (r.more()) {
    const command = r.varint();
    const id = command & 7;
    const count = command >> 3;
    if (id === 7) {
      if (part) part.push(part[0]);
      continue;
    }
    for (let i = 0; i < count; i += 1) {
      x += zigZag(r.varint());
      y += zigZag(r.varint());
      if (id === 1) {
        part = [];
        parts.push(part);
      }
      part.push([x, y]);
    }
  }
  return parts;
}

function layer(r) {
  const out = { name: '', extent: 4096, features: [] };
  const keys = [];
  const values = [];
  const features = [];
  while (r.more()) {
    const key = r.varint();
    switch (key >> 3) {
      case 1: out.name = r.string(); break;
      case 2: features.push(r.sub()); break;
      case 3: keys.push(r.string()); break;
      case 4: values.push(value(r.sub())); break;
      case 5: out.extent = r.varint(); break;
      default: r.skip(key & 7);
    }
  }
  for (const f of features) {
    const feature = { id: null, type: 0, properties: {}, parts: [] };
    while (f.more()) {
      const key = f.varint();
      switch (key >> 3) {
        case 1: feature.id = f.varint(); break;
        case 2: {
          const tags = f.sub();
          while (tags.more()) {
            feature.properties[keys[tags.varint()]] = values[tags.varint()];
          }
          break;
        }
        case 3: feature.type = f.varint(); break; // 1 point, 2 line, 3 polygon
        case 4: feature.parts = geometry(f.sub()); break;
        default: f.skip(key & 7);
      }
    }
    out.features.push(feature);
  }
  return out;
}

/** The layers of a tile (an ArrayBuffer) by name: {extent, features: [{id, type, properties, parts}]}. */
export function readTile(buffer) {
  const r = new Reader(new Uint8Array(buffer));
  const layers = {};
  while (r.more()) {
    const key = r.varint();
    if (key >> 3 === 3) {
      const l = layer(r.sub());
      layers[l.name] = l;
    } else {
      r.skip(key & 7);
    }
  }
  return layers;
}
