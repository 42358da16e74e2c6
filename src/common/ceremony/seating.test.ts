import { describe, expect, it } from 'vitest';
import type { IntroducedGuest } from './protocol.ts';
import { fillOrder, rowLabel, seatingPlan } from './seating.ts';

const g = (
  name: string,
  level: IntroducedGuest['level'],
  rank: number,
  reply: IntroducedGuest['reply'] = 'attending',
) => ({ name, title: `Chức vụ ${name}`, level, branch: 'party', rank, reply }) as IntroducedGuest;

describe('seating plan', () => {
  it('fills a row from the centre outwards, right then left', () => {
    expect(fillOrder(5)).toEqual([2, 3, 1, 4, 0]);
    expect(fillOrder(4)).toEqual([1, 2, 0, 3]);
    expect(fillOrder(1)).toEqual([0]);
    expect(() => fillOrder(0)).toThrow(RangeError);
  });

  it('seats those who come by protocol order, deputies in the invitee’s place, nobody who declined', () => {
    const guests = [
      g('Bí thư Khối', 'bloc', 1),
      g('Phó Bí thư Tỉnh ủy', 'province', 2),
      g('Bí thư Tỉnh ủy', 'province', 1, 'deputy'),
      g('Chủ tịch UBND', 'province', 3, 'declined'),
      g('Giám đốc', 'grassroots', 1),
      g('Chưa trả lời', 'central', 1, 'pending'),
    ];
    guests[2].deputy = { name: 'Người dự thay', title: 'Chánh Văn phòng Tỉnh ủy' };
    const rows = seatingPlan(guests, 3);
    expect(rows.map((r) => r.row)).toEqual(['A', 'B']);
    // row A: centre = the highest (the deputy of the provincial secretary), right = next, left = third
    expect(rows[0].seats.map((s) => s?.name)).toEqual(['Bí thư Khối', 'Người dự thay', 'Phó Bí thư Tỉnh ủy']);
    expect(rows[0].seats[1]).toMatchObject({ place: 1, seat: 2, title: 'Chánh Văn phòng Tỉnh ủy' });
    expect(rows[1].seats.map((s) => s?.name ?? null)).toEqual([null, 'Giám đốc', null]);
  });

  it('labels rows past Z as AA, AB…', () => {
    expect([rowLabel(0), rowLabel(25), rowLabel(26), rowLabel(27)]).toEqual(['A', 'Z', 'AA', 'AB']);
  });
});
