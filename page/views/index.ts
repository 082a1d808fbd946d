/** The views of the page, in the order of their tabs. */
import type { Texts } from '../texts.js';
import { ceremonyView } from './ceremony.js';
import { historyView } from './history.js';
import { lookupView } from './lookup.js';
import { matchView } from './match.js';
import { seedView } from './seed.js';
import { verifyView } from './verify.js';

export interface View {
  readonly id: string;
  readonly title: (texts: Texts) => string;
  readonly build: () => HTMLElement;
}

export const VIEWS: readonly View[] = [
  { id: 'verify', title: (x) => x.tabVerify, build: verifyView },
  { id: 'seed', title: (x) => x.tabSeed, build: seedView },
  { id: 'lookup', title: (x) => x.tabLookup, build: lookupView },
  { id: 'match', title: (x) => x.tabMatch, build: matchView },
  { id: 'history', title: (x) => x.tabHistory, build: historyView },
  { id: 'ceremony', title: (x) => x.tabCeremony, build: ceremonyView },
];
