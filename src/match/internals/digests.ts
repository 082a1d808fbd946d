/** Step 6 of the preparation — target tickets and the input digests (docs/spec.md §M2, §M4). */
import type { Inspector } from '../../models/inspector.js';
import type { MatchTarget } from '../match-target.js';
import { ByteWriter, compareCodePoints, hashScratch, HashWriter, sha256HexOf, sortedUnique } from './encoding.js';

export const TARGET_TAG = 'shuangsuiji/match/v1/target';

/** Ticket hex per target (ids as UTF-8 bytes) and the target indices in ascending ticket. */
export function targetTickets(seed: string, label: string, targetIdBytes: readonly Uint8Array[]): { tickets: string[]; ticketOrder: number[] } {
  const T = targetIdBytes.length;
  const tickets: string[] = new Array<string>(T);
  const prefixBytes = new ByteWriter().str(TARGET_TAG).str(seed).str(label).bytes();
  let message = new Uint8Array(prefixBytes.length + 64);
  message.set(prefixBytes);
  const scratch = hashScratch();
  for (let t = 0; t < T; t++) {
    const id = targetIdBytes[t]!;
    const length = prefixBytes.length + 4 + id.length;
    if (length > message.length) {
      const next = new Uint8Array(length * 2);
      next.set(prefixBytes);
      message = next;
    }
    let o = prefixBytes.length;
    message[o++] = id.length >>> 24; message[o++] = (id.length >>> 16) & 0xff; message[o++] = (id.length >>> 8) & 0xff; message[o++] = id.length & 0xff;
    message.set(id, o);
    tickets[t] = sha256HexOf(message, length, scratch);
  }
  const ticketOrder = targetIdBytes.map((_, i) => i).sort((a, b) => compareCodePoints(tickets[a]!, tickets[b]!) || a - b);
  return { tickets, ticketOrder };
}

/** The targets digest over the targets in id order. */
export function targetsDigest(targets: readonly MatchTarget[], targetIdBytes: readonly Uint8Array[]): string {
  const tw = new HashWriter().str('shuangsuiji/match/v1/targets').u32(targets.length);
  for (let t = 0; t < targets.length; t++) {
    const x = targets[t]!;
    tw.strBytes(targetIdBytes[t]!).str(x.supervisingUnit).str(x.legalRepresentative).list(sortedUnique(x.requiredExpertise ?? []));
  }
  return tw.digestHex();
}

/** An inspectors digest (local, or neighbouring) over inspectors in id order. */
export function inspectorsDigest(inspectors: readonly Inspector[]): string {
  const w = new HashWriter().str('shuangsuiji/match/v1/inspectors').u32(inspectors.length);
  for (const p of inspectors) {
    w.str(p.id).str(p.department).str(p.unit).list(sortedUnique(p.expertise)).str(p.status).u8(p.isExpert ? 1 : 0);
    if (p.certificate === undefined) w.u8(0);
    else w.u8(1).str(p.certificate.validFrom).str(p.certificate.validTo);
  }
  return w.digestHex();
}
