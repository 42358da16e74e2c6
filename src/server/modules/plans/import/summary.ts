import type { PlanDraft } from './draft.ts';

/** The draft as a Vietnamese reader checks it on a terminal: header, tasks, timeline, recipients, signer, warnings. */
export function summariseDraft(draft: PlanDraft): string {
  const h = draft.header;
  const out: string[] = [];
  const d = (iso: string | null) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '…');
  const when = (start: string | null, due: string | null) =>
    start && due && start !== due
      ? `${d(start)} – ${d(due)}`
      : due
        ? start === due
          ? `ngày ${d(due)}`
          : `hạn ${d(due)}`
        : start
          ? `từ ${d(start)}`
          : 'chưa có thời hạn';

  out.push(`${h.type ?? 'VĂN BẢN'}${h.title ? ` ${h.title}` : ''}`);
  if (h.superiorBody || h.issuingBody)
    out.push(`Cơ quan ban hành: ${[h.superiorBody, h.issuingBody].filter(Boolean).join(' / ')}`);
  out.push(`Số, ký hiệu: ${h.number ?? '(chưa có)'}    Địa danh, ngày: ${h.place ?? '…'}, ${h.date ? d(h.date) : '…'}`);
  if (draft.legalBasis.length) out.push(`Căn cứ: ${draft.legalBasis.length} đoạn`);
  if (draft.purposes.length) out.push(`Mục đích, yêu cầu: ${draft.purposes.length} ý`);
  if (draft.period) out.push(`Thời gian thực hiện: ${when(draft.period.start, draft.period.due)}`);

  out.push('', `Nhiệm vụ: ${draft.activities.length}`);
  for (const a of draft.activities) {
    out.push(`  ${a.id.padEnd(4)} [${a.section || '—'}] ${a.title.length > 90 ? `${a.title.slice(0, 89)}…` : a.title}`);
    const parts = [`chủ trì: ${a.lead.join('; ') || '(chưa rõ)'}`];
    if (a.coordinating.length) parts.push(`phối hợp: ${a.coordinating.join('; ')}`);
    parts.push(
      a.recurrence && !a.due
        ? `định kỳ (${a.dateText ?? a.recurrence})`
        : when(a.start, a.due) + (a.tentative ? ' (dự kiến)' : ''),
    );
    if (a.target)
      parts.push(
        `chỉ tiêu: ${a.target.comparator === 'gte' ? '≥ ' : a.target.comparator === 'lte' ? '≤ ' : ''}${a.target.value}${a.target.unit ?? ''} ${a.target.noun}`,
      );
    out.push(`         ${parts.join(' · ')}`);
  }

  out.push('', `Mốc tiến độ: ${draft.milestones.length}`);
  for (const m of draft.milestones) {
    out.push(
      `  ${m.id.padEnd(4)} ${d(m.due)}${m.tentative ? ' (dự kiến)' : ''}  ${m.title}${m.closes.length ? `  → ${m.closes.join(', ')}` : ''}`,
    );
  }

  out.push('', `Nơi nhận (${draft.recipients.length}):`, ...draft.recipients.map((r) => `  - ${r}`));
  const s = draft.signer;
  out.push('', `Người ký: ${[s.authority, s.position, s.name].filter(Boolean).join(' · ') || '(không thấy)'}`);

  const warnings = [
    ...draft.warnings,
    ...draft.activities.flatMap((a) => a.warnings.map((w) => ({ ...w, vi: `${a.id}: ${w.vi}` }))),
    ...draft.milestones.flatMap((m) => m.warnings.map((w) => ({ ...w, vi: `${m.id}: ${w.vi}` }))),
  ];
  if (warnings.length) {
    out.push('', `Cần xem lại (${warnings.length}):`);
    for (const w of warnings) out.push(`  ${w.line != null ? `dòng ${w.line}: ` : ''}${w.vi}`);
  }
  out.push('', 'Đây là bản dự thảo, chưa lưu. Dùng --json để lấy dữ liệu có cấu trúc.');
  return out.join('\n');
}
