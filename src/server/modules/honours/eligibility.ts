import { formatDmy } from '../../../common/dates.ts';
import type { Bilingual } from '../../../common/reportValues.ts';
import type { Platform } from '../../platform/platform.ts';
import { personRefs, unitRefs } from '../organisation/index.ts';
import { unitResults } from '../emulation/index.ts';
import { findCampaign, type Criterion, type EligibilityCheck } from './campaigns.ts';

/**
 * Eligibility rules the system checks from its own records, beside the Board's own screening:
 * how long the unit has existed (the registry's founding date), how long the individual has been
 * a Party member (the person's date of admission), and the unit's place in the campaign's
 * emulation drive. Counted at the nomination deadline. A rule that cannot be decided from the
 * records ("unknown": no admission date, no drive) is left to the Board; a rule that fails stops
 * the Board from marking the criterion met.
 */
export type CheckOutcome = { key: string; outcome: 'met' | 'not_met' | 'unknown'; detail: Bilingual };
type Nominee = {
  unit_id: string;
  nominee_unit_id: string | null;
  nominee_person_id: string | null;
  product_enterprise_id: string | null;
};
type DriveResult = { participants: number; rank: number | null };

/** Full years from `from` to `to` (ISO dates). */
export function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

export async function eligibilityOf(
  platform: Pick<Platform, 'db'>,
  nominee: Nominee,
  criteria: Criterion[],
  at: string,
  drive: DriveResult | null | undefined,
): Promise<CheckOutcome[]> {
  const checked = criteria.filter((c): c is Criterion & { check: EligibilityCheck } => !!c.check);
  if (!checked.length) return [];
  const unitId = nominee.nominee_unit_id ?? nominee.product_enterprise_id ?? nominee.unit_id;
  const unit = (await unitRefs(platform, [unitId])).get(unitId);
  const person = nominee.nominee_person_id
    ? (await personRefs(platform, [nominee.nominee_person_id])).get(nominee.nominee_person_id)
    : undefined;
  const on = formatDmy(at);
  return checked.map(({ key, check }): CheckOutcome => {
    switch (check.kind) {
      case 'unit_years': {
        if (!unit)
          return {
            key,
            outcome: 'unknown',
            detail: { vi: 'Không tìm thấy đơn vị trong danh mục.', en: 'The unit is not in the registry.' },
          };
        const years = fullYears(unit.validFrom, at);
        return {
          key,
          outcome: years >= check.min ? 'met' : 'not_met',
          detail: {
            vi: `${unit.name} thành lập ngày ${formatDmy(unit.validFrom)}: ${years} năm tính đến ${on} (cần từ ${check.min} năm).`,
            en: `${unit.name} was founded on ${formatDmy(unit.validFrom)}: ${years} years by ${on} (${check.min} needed).`,
          },
        };
      }
      case 'party_years': {
        if (!nominee.nominee_person_id)
          return {
            key,
            outcome: 'unknown',
            detail: { vi: 'Chỉ áp dụng cho cá nhân.', en: 'Applies to individuals only.' },
          };
        if (!person?.partyJoinedOn)
          return {
            key,
            outcome: 'unknown',
            detail: {
              vi: 'Hồ sơ nhân sự chưa có ngày vào Đảng: Ban kiểm tra trực tiếp.',
              en: "The person's record has no date of admission: the Board checks it.",
            },
          };
        const years = fullYears(person.partyJoinedOn, at);
        return {
          key,
          outcome: years >= check.min ? 'met' : 'not_met',
          detail: {
            vi: `Vào Đảng ngày ${formatDmy(person.partyJoinedOn)}: ${years} năm tuổi đảng tính đến ${on} (cần từ ${check.min} năm).`,
            en: `Admitted on ${formatDmy(person.partyJoinedOn)}: ${years} years of membership by ${on} (${check.min} needed).`,
          },
        };
      }
      case 'emulation_rank': {
        if (drive === undefined)
          return {
            key,
            outcome: 'unknown',
            detail: {
              vi: 'Đợt tôn vinh chưa gắn với phong trào thi đua.',
              en: 'The campaign is not linked to an emulation drive.',
            },
          };
        if (drive === null || drive.rank === null)
          return {
            key,
            outcome: 'not_met',
            detail: {
              vi: 'Đơn vị không tham gia phong trào thi đua của đợt.',
              en: "The unit did not take part in the campaign's emulation drive.",
            },
          };
        return {
          key,
          outcome: drive.rank <= check.top ? 'met' : 'not_met',
          detail: {
            vi: `Xếp thứ ${drive.rank}/${drive.participants} trong phong trào thi đua (cần trong ${check.top} đơn vị dẫn đầu).`,
            en: `Ranked ${drive.rank} of ${drive.participants} in the emulation drive (the first ${check.top} needed).`,
          },
        };
      }
    }
  });
}

type NominationRow = Nominee & { campaign_id: string };

/**
 * The checks of a nomination's criteria at its campaign's deadline. The unit's place in the
 * campaign's drive is read only when a criterion asks for it (the ranking is the costly part), or
 * taken from `drives` when the caller has it already.
 */
export async function checksOfNomination(
  platform: Platform,
  row: NominationRow,
  criteria: Criterion[],
  drives?: { drive: { id: string }; participants: number; rank: number | null }[],
): Promise<CheckOutcome[]> {
  if (!criteria.some((c) => c.check)) return [];
  const campaign = await findCampaign(platform, row.campaign_id);
  let drive: DriveResult | null | undefined;
  if (campaign.drive_id) {
    const needed = criteria.some((c) => c.check?.kind === 'emulation_rank');
    const mine = drives ?? (needed ? (await unitResults(platform, row.nominee_unit_id ?? row.unit_id)).drives : []);
    drive = mine.find((d) => d.drive.id === campaign.drive_id) ?? null;
  }
  return eligibilityOf(platform, row, criteria, campaign.nomination_due, drive);
}
