/**
 * Worked example: 公布名录库摘要 → 掷骰生成种子 → 抽取 → 核验.
 * Run: npx tsx examples/draw-and-verify.ts   (exits 0 when everything checks out)
 */
import {
  drawTargets, registerDigest, seedFromDice, verifyDraw, type DrawSpec,
} from '../src/draw/index.js';
import type { Entity } from '../src/models/entity.js';

// A small synthetic register (检查对象名录库): 40 entities, some deregistered, with risk classes.
const classes = ['A', 'B', 'C', 'D'] as const;
const register: Entity[] = Array.from({ length: 40 }, (_, i) => ({
  id: i % 10 === 3 ? `示例个体户${i}` : `91410100EX${String(i).padStart(8, '0')}`,
  name: `示例企业${i}`,
  kind: i % 10 === 3 ? 'individual-business' : 'enterprise',
  status: i % 13 === 0 ? 'deregistered' : 'active',
  riskClass: classes[i % 4],
  regionCode: i % 2 === 0 ? '410102' : '410105',
  lists: [],
  tags: i % 3 === 0 ? ['食品'] : [],
  complaintCount: 0,
}));

// 1. Before the draw: publish the register digest and the spec (the seed does not exist yet).
const published = registerDigest(register);
console.log(`名录库摘要 register digest: ${published.digest} (${published.size} rows)`);
const spec: DrawSpec = {
  label: '2025年度 食品经营 第一批',
  population: { filter: [{ field: 'regionCode', op: 'startsWith', value: '4101' }] },
  stratification: { field: 'riskClass', allocation: 'per-stratum', sizes: { A: { ratio: 0.1 }, B: { ratio: 0.2 }, C: { ratio: 0.3 }, D: { ratio: 0.5 } } },
};

// 2. In public: roll 20 ten-sided dice and read the digits aloud.
const seed = seedFromDice('40271958360112847735');
console.log(`种子 seed: ${seed.seed}`);

// 3. Draw.
const { selected, record } = drawTargets(register, spec, { seed });
for (const t of selected) console.log(`  抽中 ${t.id}  分层 ${t.stratum}  签号 ${t.ticket.slice(0, 16)}…  入样概率 ${t.inclusionProbability}`);
if (record.register.digest !== published.digest) throw new Error('the record must carry the published digest');

// 4. Anyone verifies with the published record and register.
const check = verifyDraw(JSON.parse(JSON.stringify(record)), register);
console.log(check.ok ? '核验通过 / verified' : `${check.code}: ${check.messageZh}`);

// …and a quietly edited register is caught, in words.
const edited = register.map((e) => (e.id === selected[0]!.id ? { ...e, status: 'revoked' as const } : e));
const caught = verifyDraw(record, edited);
console.log(caught.ok ? 'tampering NOT detected' : `篡改被发现 / tampering detected: ${caught.code} — ${caught.messageZh}`);

if (!check.ok || caught.ok || selected.length === 0) process.exit(1);
