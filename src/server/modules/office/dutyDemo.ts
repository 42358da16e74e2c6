import type { Platform } from '../../platform/platform.ts';
import { systemCaller } from '../../platform/policy/caller.ts';
import { activityIdsByRef, demoPlanId, SEED_DEMO_KEY } from '../plans/index.ts';
import { bookDuty, createDutyEvent, dutyStaff } from './duty.ts';

/**
 * The duty roster of the seed's events, made the way the Office would: the three days of the
 * badminton tournament (A9, 15–17/8/2019), the festival's exchange night (A10, 19/8/2019) and the
 * ceremony (A12, 04/9/2019), each with the Office's staff and some from the boards, booked in July
 * and August 2019. Idempotent: nothing is added once an event exists.
 */
const caller = systemCaller('demo');

type Booking = { person: string; duties: string; from?: string; to?: string; place?: string };
type DemoEvent = {
  ref: string;
  title: string;
  place: string;
  startsAt: string;
  endsAt: string;
  bookedAt: string;
  staff: Booking[];
};

const tournamentDay = (day: string, n: number, final: boolean): DemoEvent => ({
  ref: 'A9',
  title: `Giải Cầu lông người lao động trong Khối — ngày thi đấu thứ ${n}${final ? ' (chung kết, bế mạc)' : ''}`,
  place: 'Nhà thi đấu thể dục thể thao tỉnh Thái Bình',
  startsAt: `${day}T07:00`,
  endsAt: `${day}T17:30`,
  bookedAt: '2019-08-09T02:00:00Z',
  staff:
    n === 1
      ? [
          {
            person: 'Trịnh Thị Mai Anh',
            duties: 'Đón tiếp đại biểu, vận động viên; chuẩn bị khai mạc; tổng hợp kết quả trong ngày',
          },
          { person: 'Lương Văn Bình', duties: 'Bàn kiểm tra danh sách, thẻ vận động viên các đơn vị' },
        ]
      : final
        ? [
            {
              person: 'Lê Thị Hồng Nhung',
              duties: 'Phụ trách chung công tác phục vụ; chuẩn bị khen thưởng, bế mạc',
              from: `${day}T13:00`,
            },
            { person: 'Trịnh Thị Mai Anh', duties: 'Chuẩn bị cờ, hoa, giấy chứng nhận; tổng hợp kết quả chung cuộc' },
          ]
        : [{ person: 'Trịnh Thị Mai Anh', duties: 'Tổng hợp kết quả thi đấu trong ngày, báo cáo Ban Tổ chức' }],
});

const events: DemoEvent[] = [
  tournamentDay('2019-08-15', 1, false),
  tournamentDay('2019-08-16', 2, false),
  tournamentDay('2019-08-17', 3, true),
  {
    ref: 'A10',
    title: 'Liên hoan Tiếng hát Thanh niên công nhân — Đêm giao lưu văn nghệ cấp Khối',
    place: 'Cung Văn hóa Lao động tỉnh Thái Bình',
    startsAt: '2019-08-19T17:00',
    endsAt: '2019-08-19T22:30',
    bookedAt: '2019-08-12T02:00:00Z',
    staff: [
      { person: 'Trịnh Thị Mai Anh', duties: 'Đón tiếp đại biểu, bố trí chỗ ngồi; phục vụ Ban Giám khảo' },
      { person: 'Đặng Quốc Huy', duties: 'Phối hợp tuyên truyền, chụp ảnh, đưa tin trên Website Đảng ủy Khối' },
    ],
  },
  {
    ref: 'A12',
    title:
      'Hội nghị tôn vinh, tuyên dương tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu nhân kỷ niệm 15 năm Ngày thành lập Đảng bộ Khối',
    place: 'Nhà văn hóa tỉnh Thái Bình',
    startsAt: '2019-09-04T16:30',
    endsAt: '2019-09-04T21:45',
    bookedAt: '2019-08-26T02:00:00Z',
    staff: [
      {
        person: 'Lê Thị Hồng Nhung',
        duties: 'Phụ trách chung công tác hậu cần, lễ tân; kiểm tra sân khấu, âm thanh, ánh sáng trước giờ khai mạc',
      },
      {
        person: 'Trịnh Thị Mai Anh',
        duties: 'Đón tiếp, hướng dẫn đại biểu và các tập thể, cá nhân được tôn vinh vào chỗ ngồi; phát tài liệu',
        place: 'Sảnh tầng 1, Nhà văn hóa tỉnh Thái Bình',
      },
      {
        person: 'Đặng Quốc Huy',
        duties: 'Chuẩn bị và trình chiếu phóng sự 15 năm; đưa tin, ảnh lên Website Đảng ủy Khối',
      },
      {
        person: 'Lương Văn Bình',
        duties: 'Sắp xếp đội hình lên sân khấu nhận khen thưởng theo thứ tự trong quyết định',
        from: '2019-09-04T18:00',
      },
    ],
  },
];

function at(platform: Platform, iso: string): Platform {
  let t = Date.parse(iso);
  return {
    ...platform,
    clock: () => {
      t += 1000;
      return new Date(t);
    },
  };
}

export async function loadDutyRoster(platform: Platform): Promise<number> {
  if (await platform.db.selectFrom('office_duty_events').select('id').limit(1).executeTakeFirst()) return 0;
  const planId = await demoPlanId(platform, SEED_DEMO_KEY);
  if (!planId) return 0;
  const refs = await activityIdsByRef(platform, planId);
  const staff = (await dutyStaff(platform, caller, '2019-08-15')).items;
  const personId = (name: string) => staff.find((s) => s.name === name)?.personId;
  let made = 0;
  for (const e of events) {
    const when = at(platform, e.bookedAt);
    const { event } = await createDutyEvent(when, caller, {
      title: e.title,
      place: e.place,
      startsAt: e.startsAt,
      endsAt: e.endsAt,
      planActivityId: refs.get(e.ref) ?? null,
      notes: '',
    });
    made++;
    for (const s of e.staff) {
      const id = personId(s.person);
      if (!id) continue;
      await bookDuty(when, caller, event.id, {
        personId: id,
        duties: s.duties,
        place: s.place ?? '',
        startsAt: s.from ?? null,
        endsAt: s.to ?? null,
      });
      made++;
    }
  }
  return made;
}
