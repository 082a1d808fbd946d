/** CRC-32 (IEEE 802.3, as in zip), table-driven; the table is built on first use, not at import. */

let table: Int32Array | undefined;

function crcTable(): Int32Array {
  if (table !== undefined) return table;
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  table = t;
  return t;
}

/** Continues CRC-32 `crc` (0 to start) over `bytes`; returns the unsigned CRC so far. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = crcTable();
  let c = ~crc;
  for (let i = 0; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
