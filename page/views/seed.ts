/** 核验种子 — dice digits, contributions or a beacon value → the seed; a commitment checked against its salt. */
import type { DrawSeed } from '../../src/draw/draw-record.js';
import { call } from '../rpc.js';
import { el, factTable, live, renderError, show, t, text } from '../ui.js';
import type { SeedArgs } from '../worker/ops.js';

type SeedAnswer = { readonly seed: DrawSeed; readonly commitment?: string; readonly commitmentMatches?: boolean };

/** A labelled text field. */
export function field(id: string, label: (x: ReturnType<typeof t>) => string, attrs: Record<string, unknown> = {}): { readonly node: HTMLElement; readonly input: HTMLInputElement } {
  const input = el('input', { type: 'text', id, 'data-testid': id, autocomplete: 'off', spellcheck: 'false', ...attrs });
  return { node: el('label', { class: 'field', for: id }, el('span', {}, text(label)), input), input };
}

/** "party: value" lines → contributions (the first colon, ASCII or full-width, separates them). */
export function parseContributions(textValue: string): { party: string; value: string }[] {
  return textValue.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '').map((line) => {
    const match = /^(.*?)\s*[:：]\s*(.*)$/.exec(line);
    return match === null ? { party: line, value: '' } : { party: match[1]!, value: match[2]! };
  });
}

function originWords(seed: DrawSeed): string {
  return JSON.stringify(seed.origin);
}

export function seedView(): HTMLElement {
  let method: SeedArgs['method'] = 'dice';
  const radios = el('div', { class: 'radios', role: 'radiogroup' });
  const dice = field('seed-dice', (x) => x.diceDigits, { inputmode: 'numeric', class: 'dice-input' });
  const count = live(() => t().diceCount(dice.input.value.replace(/\D/g, '').length), 'span', { class: 'muted' });
  dice.input.addEventListener('input', () => show(count, () => t().diceCount(dice.input.value.replace(/\D/g, '').length)));
  const contributions = el('textarea', { id: 'seed-contributions', 'data-testid': 'seed-contributions', rows: '4', spellcheck: 'false' });
  const beaconSource = field('seed-beacon-source', (x) => x.beaconSource);
  const beaconRound = field('seed-beacon-round', (x) => x.beaconRound);
  const beaconValue = field('seed-beacon-value', (x) => x.beaconValue);
  const groups = {
    dice: el('div', {}, dice.node, count),
    contributions: el('label', { class: 'field', for: 'seed-contributions' }, el('span', {}, text((x) => x.contributionsHelp)), contributions),
    beacon: el('div', { class: 'fields' }, beaconSource.node, beaconRound.node, beaconValue.node),
  };
  const choose = (m: SeedArgs['method']): void => {
    method = m;
    for (const [key, node] of Object.entries(groups)) node.hidden = key !== m;
  };
  for (const [m, label] of [['dice', (x: ReturnType<typeof t>) => x.seedDice], ['contributions', (x: ReturnType<typeof t>) => x.seedContributions], ['beacon', (x: ReturnType<typeof t>) => x.seedBeacon]] as const) {
    const input = el('input', { type: 'radio', name: 'seed-method', value: m, 'data-testid': `seed-method-${m}`, checked: m === 'dice', onchange: () => choose(m) });
    radios.append(el('label', {}, input, ' ', text(label)));
  }
  choose('dice');
  const salt = field('seed-salt', (x) => x.saltLabel);
  const commitment = field('seed-commitment', (x) => x.commitmentLabel, { class: 'hex' });
  const recordSeed = field('seed-record-seed', (x) => x.compareSeedLabel, { class: 'hex' });
  const result = live(() => null, 'div', { class: 'result', 'data-testid': 'seed-result' });
  const button = el('button', { class: 'primary', 'data-testid': 'seed-button' }, text((x) => x.seedButton));
  button.addEventListener('click', () => {
    const extra = {
      ...(salt.input.value === '' ? {} : { salt: salt.input.value }),
      ...(commitment.input.value.trim() === '' ? {} : { commitment: commitment.input.value.trim() }),
    };
    const args: SeedArgs = method === 'dice'
      ? { method, digits: dice.input.value, ...extra }
      : method === 'contributions'
        ? { method, contributions: parseContributions(contributions.value), ...extra }
        : { method, source: beaconSource.input.value.trim(), round: beaconRound.input.value.trim(), value: beaconValue.input.value.trim(), ...extra };
    const compareTo = recordSeed.input.value.trim().toLowerCase();
    // The previous answer goes at once: what shows is always the answer to what was asked last.
    show(result, () => null);
    call<SeedAnswer>('seed', args)
      .then((answer) => show(result, () => {
        const rows: [string, HTMLElement | string][] = [
          [t().seedResult, el('code', { class: 'huge-hex', 'data-testid': 'seed-value' }, answer.seed.seed)],
          [t().seedOriginResult, el('code', {}, originWords(answer.seed))],
        ];
        if (answer.commitment !== undefined) rows.push([t().commitmentComputed, el('code', { class: 'hex', 'data-testid': 'commitment-value' }, answer.commitment)]);
        return [
          el('section', { class: 'card' }, factTable(rows)),
          answer.commitmentMatches === undefined ? null : el('div', { class: `verdict ${answer.commitmentMatches ? 'ok' : 'bad'}`, 'data-testid': 'commitment-verdict' },
            el('div', { class: 'verdict-word' }, answer.commitmentMatches ? t().verdictOk : t().verdictBad),
            el('div', { class: 'verdict-text' }, answer.commitmentMatches ? t().commitmentOk : t().commitmentBad)),
          compareTo === '' ? null : el('p', { class: compareTo === answer.seed.seed ? 'good' : 'bad', 'data-testid': 'seed-compare' }, compareTo === answer.seed.seed ? `✓ ${t().seedMatchesRecord}` : `✗ ${t().seedDiffersRecord}`),
        ];
      }))
      .catch((error: unknown) => show(result, () => renderError(error)));
  });
  return el('div', { class: 'view' },
    el('p', { class: 'intro' }, text((x) => x.seedIntro)),
    el('section', { class: 'card' },
      el('h3', {}, text((x) => x.seedMethod)), radios, groups.dice, groups.contributions, groups.beacon,
      el('div', { class: 'fields', style: 'margin-top:12px' }, salt.node, commitment.node, recordSeed.node)),
    el('div', { class: 'actions' }, button),
    result,
  );
}
