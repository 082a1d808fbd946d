import type { InspectionItem } from '../../models/inspection-item.js';
import type { TaskSampleSize } from '../spot-check-task.js';
import { ratioPercent } from './exact.js';

/** 抽查比例 as text: "5%", "A类 1%；B类 3%；C类 10%；D类 30%", "20户". */
export function describeSizeZh(size: TaskSampleSize): string {
  if (size.kind === 'ratio') return ratioPercent(size.ratio);
  if (size.kind === 'count') return `${size.count}户`;
  const parts: string[] = [];
  for (const risk of ['A', 'B', 'C', 'D'] as const) {
    const r = size.ratios[risk];
    if (r !== undefined) parts.push(`${risk}类 ${ratioPercent(r)}`);
  }
  return parts.join('；');
}

/** The size an item itself states, when it states exactly one. */
export function itemSize(item: InspectionItem): TaskSampleSize | undefined {
  if (item.ratioByRiskClass !== undefined) return { kind: 'ratio-by-risk-class', ratios: item.ratioByRiskClass };
  if (item.ratio !== undefined) return { kind: 'ratio', ratio: item.ratio };
  return undefined;
}
