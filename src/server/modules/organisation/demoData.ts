import type { UnitKind } from './kinds.ts';

/**
 * The seed plan's Bloc (ke-hoach-ky-niem-15-nam): every body it names, with its real name, and
 * invented grassroots Party organisations in enterprises of different sectors and ownership
 * (marked as demo data). People other than the Secretary who signed the plan are invented.
 */
export type DemoUnit = {
  code: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  parent?: string;
  validFrom: string;
  position?: number;
  documentNumber?: string;
  documentDate?: string;
  address?: string;
  phone?: string;
};

export const DEMO_PASSWORD = 'kyniem-demo-2019';

export const groupSets = [
  {
    code: 'ownership',
    name: 'Loại hình sở hữu',
    groups: [
      ['state', 'Doanh nghiệp nhà nước'],
      ['equitized', 'Cổ phần có vốn nhà nước'],
      ['private', 'Tư nhân'],
      ['fdi', 'Có vốn đầu tư nước ngoài (FDI)'],
      ['other', 'Khác'],
    ],
  },
  {
    code: 'sector',
    name: 'Ngành nghề',
    groups: [
      ['textile', 'Dệt may, da giày'],
      ['manufacturing', 'Cơ khí, chế tạo, điện tử'],
      ['construction', 'Xây dựng, vật liệu'],
      ['food', 'Nông nghiệp, thực phẩm'],
      ['utilities', 'Cấp nước, thủy lợi, môi trường'],
      ['energy', 'Điện, năng lượng'],
      ['finance', 'Tài chính, ngân hàng'],
      ['trade', 'Thương mại, dịch vụ'],
      ['transport', 'Giao thông, vận tải'],
      ['telecom', 'Bưu chính, viễn thông'],
    ],
  },
] as const;

const bloc = 'DBK';

export const blocUnits: DemoUnit[] = [
  {
    code: bloc,
    name: 'Đảng bộ khối Doanh nghiệp tỉnh Thái Bình',
    shortName: 'Đảng bộ Khối',
    kind: 'bloc',
    validFrom: '2004-09-06',
    address: 'Thành phố Thái Bình, tỉnh Thái Bình',
  },
  {
    code: 'BCH',
    name: 'Ban Chấp hành Đảng bộ khối Doanh nghiệp tỉnh',
    shortName: 'BCH',
    kind: 'executive_committee',
    parent: bloc,
    validFrom: '2004-09-06',
    position: 1,
  },
  {
    code: 'BTV',
    name: 'Ban Thường vụ Đảng ủy Khối',
    shortName: 'BTV',
    kind: 'standing_committee',
    parent: 'BCH',
    validFrom: '2004-09-06',
  },
  {
    code: 'CQ-DUK',
    name: 'Cơ quan Đảng ủy Khối',
    shortName: 'Cơ quan ĐUK',
    kind: 'agency',
    parent: bloc,
    validFrom: '2004-09-06',
    position: 2,
  },
  {
    code: 'BTG',
    name: 'Ban Tuyên giáo Đảng ủy Khối',
    shortName: 'Ban TG',
    kind: 'board',
    parent: 'CQ-DUK',
    validFrom: '2004-09-06',
    position: 1,
  },
  {
    code: 'BTC',
    name: 'Ban Tổ chức Đảng ủy Khối',
    shortName: 'Ban TC',
    kind: 'board',
    parent: 'CQ-DUK',
    validFrom: '2004-09-06',
    position: 2,
  },
  {
    code: 'UBKT',
    name: 'Ủy ban Kiểm tra Đảng ủy Khối',
    shortName: 'UBKT',
    kind: 'inspection_commission',
    parent: 'CQ-DUK',
    validFrom: '2004-09-06',
    position: 3,
  },
  {
    code: 'BDV',
    name: 'Ban Dân vận Đảng ủy Khối',
    shortName: 'Ban DV',
    kind: 'board',
    parent: 'CQ-DUK',
    validFrom: '2004-09-06',
    position: 4,
  },
  {
    code: 'VP',
    name: 'Văn phòng Đảng ủy Khối',
    shortName: 'VP',
    kind: 'office',
    parent: 'CQ-DUK',
    validFrom: '2004-09-06',
    position: 5,
  },
  {
    code: 'CB-CQ',
    name: 'Chi bộ Cơ quan Đảng ủy Khối',
    shortName: 'CB Cơ quan',
    kind: 'grassroots_cell',
    parent: bloc,
    validFrom: '2004-09-06',
    position: 3,
  },
  {
    code: 'HDTDKT',
    name: 'Hội đồng thi đua khen thưởng Đảng ủy Khối',
    shortName: 'HĐTĐKT',
    kind: 'council',
    parent: bloc,
    validFrom: '2004-09-06',
    position: 4,
  },
  {
    code: 'CCB',
    name: 'Hội Cựu chiến binh khối Doanh nghiệp tỉnh',
    shortName: 'Hội CCB Khối',
    kind: 'mass_organisation',
    parent: bloc,
    validFrom: '2004-09-06',
    position: 5,
  },
  {
    code: 'DTN',
    name: 'Đoàn TNCS Hồ Chí Minh khối Doanh nghiệp tỉnh',
    shortName: 'Đoàn Khối',
    kind: 'mass_organisation',
    parent: bloc,
    validFrom: '2004-09-06',
    position: 6,
  },
];

/** Provincial bodies that receive the plan, the media, and the associations the plan names. */
export const outsideUnits: DemoUnit[] = [
  {
    code: 'TU',
    name: 'Tỉnh ủy Thái Bình',
    shortName: 'Tỉnh ủy',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 10,
  },
  {
    code: 'TU-BTV',
    name: 'Ban Thường vụ Tỉnh ủy',
    shortName: 'BTV Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 1,
  },
  {
    code: 'TU-TT',
    name: 'Thường trực Tỉnh ủy',
    shortName: 'TT Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 2,
  },
  {
    code: 'TU-VP',
    name: 'Văn phòng Tỉnh ủy',
    shortName: 'VP Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 3,
  },
  {
    code: 'TU-BTC',
    name: 'Ban Tổ chức Tỉnh ủy',
    shortName: 'Ban TC Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 4,
  },
  {
    code: 'TU-BTG',
    name: 'Ban Tuyên giáo Tỉnh ủy',
    shortName: 'Ban TG Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 5,
  },
  {
    code: 'TU-BDV',
    name: 'Ban Dân vận Tỉnh ủy',
    shortName: 'Ban DV Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 6,
  },
  {
    code: 'TU-BNC',
    name: 'Ban Nội chính Tỉnh ủy',
    shortName: 'Ban NC Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 7,
  },
  {
    code: 'TU-UBKT',
    name: 'Ủy ban Kiểm tra Tỉnh ủy',
    shortName: 'UBKT Tỉnh ủy',
    kind: 'outside_body',
    parent: 'TU',
    validFrom: '2000-01-01',
    position: 8,
  },
  { code: 'BAO-TB', name: 'Báo Thái Bình', kind: 'outside_body', validFrom: '2000-01-01', position: 11 },
  {
    code: 'DAI-TB',
    name: 'Đài Phát thanh - Truyền hình Thái Bình',
    shortName: 'Đài PT-TH Thái Bình',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 12,
  },
  {
    code: 'HHDN',
    name: 'Hiệp hội Doanh nghiệp tỉnh Thái Bình',
    shortName: 'Hiệp hội DN',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 13,
  },
  {
    code: 'HDNT',
    name: 'Hội Doanh nghiệp trẻ tỉnh Thái Bình',
    shortName: 'Hội DN trẻ',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 14,
  },
  {
    code: 'HNDN',
    name: 'Hội Nữ doanh nhân tỉnh Thái Bình',
    shortName: 'Hội Nữ doanh nhân',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 15,
  },
  {
    code: 'HLHTN',
    name: 'Hội Liên hiệp Thanh niên Việt Nam tỉnh Thái Bình',
    shortName: 'Hội LHTN VN tỉnh',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 16,
  },
  {
    code: 'TD-TP',
    name: 'Đoàn TNCS Hồ Chí Minh thành phố Thái Bình',
    shortName: 'Thành Đoàn Thái Bình',
    kind: 'outside_body',
    validFrom: '2000-01-01',
    position: 17,
  },
];

/** Invented grassroots Party organisations and the enterprises they sit in. */
export type DemoGrassroots = {
  code: string;
  party: string;
  kind: 'grassroots_committee' | 'grassroots_cell';
  enterprise: string;
  sector: string;
  ownership: string;
  workers: number;
  taxCode: string;
  validFrom: string;
  documentNumber?: string;
  documentDate?: string;
  cells?: string[];
};

export const grassroots: DemoGrassroots[] = [
  {
    code: 'CS01',
    party: 'Đảng bộ Công ty TNHH MTV Cấp nước Sông Trà',
    kind: 'grassroots_committee',
    enterprise: 'Công ty TNHH MTV Cấp nước Sông Trà',
    sector: 'utilities',
    ownership: 'state',
    workers: 420,
    taxCode: '1000000101',
    validFrom: '2004-09-06',
  },
  {
    code: 'CS02',
    party: 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh',
    kind: 'grassroots_committee',
    enterprise: 'Công ty Cổ phần May Kiến Xương Xanh',
    sector: 'textile',
    ownership: 'private',
    workers: 2100,
    taxCode: '1000000102',
    validFrom: '2006-03-15',
    cells: ['Chi bộ Phân xưởng May 1', 'Chi bộ Phân xưởng May 2', 'Chi bộ Khối Văn phòng'],
  },
  {
    code: 'CS03',
    party: 'Chi bộ Công ty TNHH Giày Hoa Lư Việt Nam',
    kind: 'grassroots_cell',
    enterprise: 'Công ty TNHH Giày Hoa Lư Việt Nam',
    sector: 'textile',
    ownership: 'fdi',
    workers: 3500,
    taxCode: '1000000103',
    validFrom: '2012-05-19',
  },
  {
    code: 'CS04',
    party: 'Đảng bộ Công ty Cổ phần Xây dựng Đông Hưng',
    kind: 'grassroots_committee',
    enterprise: 'Công ty Cổ phần Xây dựng Đông Hưng',
    sector: 'construction',
    ownership: 'equitized',
    workers: 350,
    taxCode: '1000000104',
    validFrom: '2004-09-06',
  },
  {
    code: 'CS05',
    party: 'Chi bộ Công ty Cổ phần Cơ khí Tiền Hải',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Cơ khí Tiền Hải',
    sector: 'manufacturing',
    ownership: 'private',
    workers: 180,
    taxCode: '1000000105',
    validFrom: '2008-02-03',
  },
  {
    code: 'CS06',
    party: 'Chi bộ Ngân hàng Hợp tác xã Vũ Thư',
    kind: 'grassroots_cell',
    enterprise: 'Ngân hàng Hợp tác xã Vũ Thư',
    sector: 'finance',
    ownership: 'other',
    workers: 45,
    taxCode: '1000000106',
    validFrom: '2010-10-10',
  },
  {
    code: 'CS07',
    party: 'Chi bộ Công ty Cổ phần Vận tải Hành khách Thái Thụy',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Vận tải Hành khách Thái Thụy',
    sector: 'transport',
    ownership: 'private',
    workers: 140,
    taxCode: '1000000107',
    validFrom: '2009-06-01',
  },
  {
    code: 'CS08',
    party: 'Đảng bộ Công ty TNHH MTV Khai thác Thủy lợi Bắc Thái',
    kind: 'grassroots_committee',
    enterprise: 'Công ty TNHH MTV Khai thác Thủy lợi Bắc Thái',
    sector: 'utilities',
    ownership: 'state',
    workers: 380,
    taxCode: '1000000108',
    validFrom: '2004-09-06',
  },
  {
    code: 'CS09',
    party: 'Chi bộ Công ty Cổ phần Thực phẩm Quỳnh Côi',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Thực phẩm Quỳnh Côi',
    sector: 'food',
    ownership: 'private',
    workers: 260,
    taxCode: '1000000109',
    validFrom: '2011-04-20',
  },
  {
    code: 'CS10',
    party: 'Chi bộ Công ty TNHH Điện tử Hưng Hà Việt Nam',
    kind: 'grassroots_cell',
    enterprise: 'Công ty TNHH Điện tử Hưng Hà Việt Nam',
    sector: 'manufacturing',
    ownership: 'fdi',
    workers: 1800,
    taxCode: '1000000110',
    validFrom: '2015-08-12',
  },
  {
    code: 'CS11',
    party: 'Đảng bộ Công ty Cổ phần Gốm sứ Thái Hưng',
    kind: 'grassroots_committee',
    enterprise: 'Công ty Cổ phần Gốm sứ Thái Hưng',
    sector: 'construction',
    ownership: 'private',
    workers: 900,
    taxCode: '1000000111',
    validFrom: '2007-07-07',
  },
  {
    code: 'CS12',
    party: 'Chi bộ Công ty Cổ phần Thương mại Vạn Xuân Thái Bình',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Thương mại Vạn Xuân Thái Bình',
    sector: 'trade',
    ownership: 'private',
    workers: 75,
    taxCode: '1000000112',
    validFrom: '2013-01-15',
  },
  {
    code: 'CS13',
    party: 'Chi bộ Công ty Cổ phần Môi trường Đô thị Kỳ Bá',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Môi trường Đô thị Kỳ Bá',
    sector: 'utilities',
    ownership: 'equitized',
    workers: 310,
    taxCode: '1000000113',
    validFrom: '2005-05-05',
  },
  {
    code: 'CS14',
    party: 'Đảng bộ Công ty Cổ phần Bia và Nước giải khát Trà Lý',
    kind: 'grassroots_committee',
    enterprise: 'Công ty Cổ phần Bia và Nước giải khát Trà Lý',
    sector: 'food',
    ownership: 'equitized',
    workers: 450,
    taxCode: '1000000114',
    validFrom: '2004-09-06',
  },
  {
    code: 'CS15',
    party: 'Chi bộ Công ty TNHH Sợi Phúc Khánh',
    kind: 'grassroots_cell',
    enterprise: 'Công ty TNHH Sợi Phúc Khánh',
    sector: 'textile',
    ownership: 'fdi',
    workers: 1200,
    taxCode: '1000000115',
    validFrom: '2016-09-01',
  },
  {
    code: 'CS16',
    party: 'Chi bộ Công ty Cổ phần Viễn thông Tiền Phong',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Viễn thông Tiền Phong',
    sector: 'telecom',
    ownership: 'private',
    workers: 90,
    taxCode: '1000000116',
    validFrom: '2014-03-26',
  },
  // The two new grassroots organisations the plan asks for (II.2: "at least 2").
  {
    code: 'CS17',
    party: 'Chi bộ Công ty TNHH May mặc Diêm Điền',
    kind: 'grassroots_cell',
    enterprise: 'Công ty TNHH May mặc Diêm Điền',
    sector: 'textile',
    ownership: 'fdi',
    workers: 1500,
    taxCode: '1000000117',
    validFrom: '2019-07-15',
    documentNumber: '125-QĐ/ĐUK',
    documentDate: '2019-07-12',
  },
  {
    code: 'CS18',
    party: 'Chi bộ Công ty Cổ phần Năng lượng Mặt trời Thái Thụy',
    kind: 'grassroots_cell',
    enterprise: 'Công ty Cổ phần Năng lượng Mặt trời Thái Thụy',
    sector: 'energy',
    ownership: 'private',
    workers: 60,
    taxCode: '1000000118',
    validFrom: '2019-08-20',
    documentNumber: '131-QĐ/ĐUK',
    documentDate: '2019-08-16',
  },
];

/** The Office's reorganisation under Project 09-ĐA/TU (illustrative: the Bloc's mass-mobilisation board merges into the Office). */
export const officeReorganisation = {
  unit: 'BDV',
  target: 'VP',
  effectiveOn: '2019-08-01',
  documentNumber: '09-ĐA/TU',
  documentDate: '2018-12-28',
  note: 'Sắp xếp tổ chức bộ máy Cơ quan Đảng ủy Khối theo Đề án 09-ĐA/TU ngày 28/12/2018 của Ban Thường vụ Tỉnh ủy (minh họa, dữ liệu mẫu).',
};

export type DemoPerson = {
  fullName: string;
  gender: 'male' | 'female';
  birthYear: number;
  partyJoinedOn: string;
  partyUnit: string;
  positions: { unit: string; title: string; rank: number; from: string }[];
};

const term = '2015-08-01';

/** The Bloc's leaders and officers. Trần Hữu Nam signed the plan; the others are invented. */
export const leaders: DemoPerson[] = [
  {
    fullName: 'Trần Hữu Nam',
    gender: 'male',
    birthYear: 1965,
    partyJoinedOn: '1987-05-19',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'BTV', title: 'Bí thư Đảng ủy Khối', rank: 10, from: term },
      { unit: 'BCH', title: 'Bí thư Đảng ủy Khối', rank: 10, from: term },
      { unit: 'HDTDKT', title: 'Chủ tịch Hội đồng', rank: 10, from: term },
    ],
  },
  {
    fullName: 'Nguyễn Văn Thành',
    gender: 'male',
    birthYear: 1968,
    partyJoinedOn: '1990-02-03',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'BTV', title: 'Phó Bí thư Thường trực Đảng ủy Khối', rank: 20, from: term },
      { unit: 'BCH', title: 'Phó Bí thư Thường trực Đảng ủy Khối', rank: 20, from: term },
      { unit: 'HDTDKT', title: 'Phó Chủ tịch Hội đồng', rank: 20, from: term },
    ],
  },
  {
    fullName: 'Phạm Thị Thu Hằng',
    gender: 'female',
    birthYear: 1972,
    partyJoinedOn: '1995-09-02',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'BTG', title: 'Trưởng Ban Tuyên giáo', rank: 10, from: term },
      { unit: 'BTV', title: 'Ủy viên Ban Thường vụ', rank: 30, from: term },
      { unit: 'BCH', title: 'Ủy viên Ban Chấp hành', rank: 30, from: term },
      { unit: 'HDTDKT', title: 'Phó Chủ tịch Thường trực Hội đồng', rank: 15, from: term },
    ],
  },
  {
    fullName: 'Vũ Đình Khoa',
    gender: 'male',
    birthYear: 1970,
    partyJoinedOn: '1993-03-26',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'BTC', title: 'Trưởng Ban Tổ chức', rank: 10, from: term },
      { unit: 'BTV', title: 'Ủy viên Ban Thường vụ', rank: 30, from: term },
      { unit: 'BCH', title: 'Ủy viên Ban Chấp hành', rank: 30, from: term },
      { unit: 'HDTDKT', title: 'Ủy viên Hội đồng', rank: 50, from: term },
    ],
  },
  {
    fullName: 'Đỗ Minh Tuấn',
    gender: 'male',
    birthYear: 1971,
    partyJoinedOn: '1994-12-22',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'UBKT', title: 'Chủ nhiệm Ủy ban Kiểm tra', rank: 10, from: term },
      { unit: 'BTV', title: 'Ủy viên Ban Thường vụ', rank: 30, from: term },
      { unit: 'BCH', title: 'Ủy viên Ban Chấp hành', rank: 30, from: term },
    ],
  },
  {
    fullName: 'Lê Thị Hồng Nhung',
    gender: 'female',
    birthYear: 1976,
    partyJoinedOn: '1999-05-19',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'VP', title: 'Chánh Văn phòng', rank: 10, from: term },
      { unit: 'BCH', title: 'Ủy viên Ban Chấp hành', rank: 40, from: term },
      { unit: 'HDTDKT', title: 'Ủy viên, Thư ký Hội đồng', rank: 40, from: term },
    ],
  },
  {
    fullName: 'Hoàng Văn Lợi',
    gender: 'male',
    birthYear: 1974,
    partyJoinedOn: '1997-07-27',
    partyUnit: 'CB-CQ',
    positions: [
      { unit: 'BDV', title: 'Trưởng Ban Dân vận', rank: 10, from: term },
      { unit: 'BCH', title: 'Ủy viên Ban Chấp hành', rank: 40, from: term },
    ],
  },
  {
    fullName: 'Bùi Văn Cường',
    gender: 'male',
    birthYear: 1958,
    partyJoinedOn: '1978-04-30',
    partyUnit: 'CB-CQ',
    positions: [{ unit: 'CCB', title: 'Chủ tịch Hội Cựu chiến binh Khối', rank: 10, from: term }],
  },
  {
    fullName: 'Ngô Thị Phương Thảo',
    gender: 'female',
    birthYear: 1988,
    partyJoinedOn: '2010-03-26',
    partyUnit: 'CB-CQ',
    positions: [{ unit: 'DTN', title: 'Bí thư Đoàn Khối', rank: 10, from: '2017-06-01' }],
  },
  {
    fullName: 'Đặng Quốc Huy',
    gender: 'male',
    birthYear: 1985,
    partyJoinedOn: '2008-09-02',
    partyUnit: 'CB-CQ',
    positions: [{ unit: 'BTG', title: 'Chuyên viên Ban Tuyên giáo', rank: 60, from: '2016-01-01' }],
  },
  {
    fullName: 'Trịnh Thị Mai Anh',
    gender: 'female',
    birthYear: 1990,
    partyJoinedOn: '2014-05-19',
    partyUnit: 'CB-CQ',
    positions: [{ unit: 'VP', title: 'Chuyên viên Văn phòng', rank: 60, from: '2016-01-01' }],
  },
  {
    fullName: 'Lương Văn Bình',
    gender: 'male',
    birthYear: 1983,
    partyJoinedOn: '2006-02-03',
    partyUnit: 'CB-CQ',
    positions: [{ unit: 'BTC', title: 'Chuyên viên Ban Tổ chức', rank: 60, from: '2016-01-01' }],
  },
];

/** Who is in charge of which grassroots units (III.7): member's name → unit codes. */
export const inCharge: Record<string, string[]> = {
  'Nguyễn Văn Thành': ['CS01', 'CS02', 'CS03'],
  'Phạm Thị Thu Hằng': ['CS04', 'CS05', 'CS06'],
  'Vũ Đình Khoa': ['CS07', 'CS08', 'CS09', 'CS17'],
  'Đỗ Minh Tuấn': ['CS10', 'CS11', 'CS12'],
  'Lê Thị Hồng Nhung': ['CS13', 'CS14'],
  'Hoàng Văn Lợi': ['CS15', 'CS16', 'CS18'],
};

const families = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đỗ',
  'Bùi',
  'Đặng',
  'Ngô',
  'Dương',
  'Lương',
  'Đinh',
  'Tạ',
  'Mai',
  'Phan',
];
const maleMiddle = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Xuân', 'Công', 'Thanh'];
const femaleMiddle = ['Thị', 'Thị Thu', 'Thị Hồng', 'Thị Minh', 'Thị Thanh', 'Ngọc'];
const maleGiven = [
  'An',
  'Bảo',
  'Cường',
  'Dũng',
  'Đạt',
  'Giang',
  'Hải',
  'Hiếu',
  'Hùng',
  'Khánh',
  'Long',
  'Mạnh',
  'Nghĩa',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thắng',
  'Trung',
  'Việt',
];
const femaleGiven = [
  'Ánh',
  'Chi',
  'Duyên',
  'Hà',
  'Hạnh',
  'Hoa',
  'Hương',
  'Lan',
  'Linh',
  'Loan',
  'Ngân',
  'Oanh',
  'Quyên',
  'Thủy',
  'Trang',
  'Yến',
];

/** Invented members of a grassroots organisation: a secretary, a deputy, members. */
export function grassrootsPeople(g: DemoGrassroots, index: number): DemoPerson[] {
  const size = 3 + ((index * 7) % 5);
  const people: DemoPerson[] = [];
  const cellTitle = g.kind === 'grassroots_committee' ? 'Đảng ủy' : 'Chi bộ';
  for (let i = 0; i < size; i++) {
    const n = index * 13 + i * 5;
    const female = (index + i) % 3 === 1;
    const fullName = [
      families[n % families.length],
      (female ? femaleMiddle : maleMiddle)[(n >> 1) % (female ? femaleMiddle.length : maleMiddle.length)],
      (female ? femaleGiven : maleGiven)[(n * 3 + i) % (female ? femaleGiven.length : maleGiven.length)],
    ].join(' ');
    const birthYear = 1962 + ((n * 7) % 30);
    const joined = `${birthYear + 22 + (n % 8)}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 27)).padStart(2, '0')}`;
    const title =
      i === 0
        ? `Bí thư ${cellTitle}`
        : i === 1
          ? `Phó Bí thư ${cellTitle}`
          : i === 2 && g.kind === 'grassroots_committee'
            ? 'Ủy viên Ban Chấp hành Đảng bộ'
            : 'Đảng viên';
    people.push({
      fullName,
      gender: female ? 'female' : 'male',
      birthYear,
      partyJoinedOn: joined < g.validFrom || i > 1 ? joined : g.validFrom,
      partyUnit: g.code,
      positions:
        title === 'Đảng viên'
          ? []
          : [
              {
                unit: g.code,
                title,
                rank: i === 0 ? 10 : i === 1 ? 20 : 50,
                from: g.validFrom > '2015-08-01' ? g.validFrom : '2015-08-01',
              },
            ],
    });
  }
  return people;
}

/** Grassroots secretaries who also sit on the Bloc Executive Committee. */
export const secretariesOnCommittee = ['CS02', 'CS14'];

/** One demo account per role, scoped to a sensible unit (by code; null: everywhere). */
export const demoAccounts: {
  username: string;
  displayName: string;
  role: string;
  unit: string | null;
  person?: string;
}[] = [
  { username: 'demo.quantri', displayName: 'Quản trị (mẫu)', role: 'system_admin', unit: null },
  { username: 'demo.lanhdao', displayName: 'Trần Hữu Nam', role: 'bloc_leader', unit: 'DBK', person: 'Trần Hữu Nam' },
  {
    username: 'demo.vanphong',
    displayName: 'Lê Thị Hồng Nhung',
    role: 'office_staff',
    unit: 'VP',
    person: 'Lê Thị Hồng Nhung',
  },
  {
    username: 'demo.tuyengiao',
    displayName: 'Đặng Quốc Huy',
    role: 'propaganda_staff',
    unit: 'BTG',
    person: 'Đặng Quốc Huy',
  },
  {
    // the Organisation Board restructures units and founds grassroots organisations across the Bloc
    username: 'demo.tochuc',
    displayName: 'Lương Văn Bình',
    role: 'organisation_staff',
    unit: 'DBK',
    person: 'Lương Văn Bình',
  },
  {
    // the Inspection Commission supervises and urges every grassroots organisation of the Bloc (III.3)
    username: 'demo.kiemtra',
    displayName: 'Đỗ Minh Tuấn',
    role: 'inspection_staff',
    unit: 'DBK',
    person: 'Đỗ Minh Tuấn',
  },
  {
    username: 'demo.coso',
    displayName: 'Bí thư Đảng ủy Công ty May Kiến Xương Xanh',
    role: 'unit_officer',
    unit: 'CS02',
    person: '@CS02',
  },
  {
    username: 'demo.hoidong',
    displayName: 'Phạm Thị Thu Hằng',
    role: 'council_member',
    unit: 'HDTDKT',
    person: 'Phạm Thị Thu Hằng',
  },
  {
    username: 'demo.giamkhao',
    displayName: 'Ngô Thị Phương Thảo',
    role: 'judge',
    unit: 'DTN',
    person: 'Ngô Thị Phương Thảo',
  },
  { username: 'demo.trongtai', displayName: 'Bùi Văn Cường', role: 'umpire', unit: 'CCB', person: 'Bùi Văn Cường' },
  {
    username: 'demo.bientap',
    displayName: 'Trịnh Thị Mai Anh',
    role: 'editor',
    unit: 'VP',
    person: 'Trịnh Thị Mai Anh',
  },
  { username: 'demo.xem', displayName: 'Người xem (mẫu)', role: 'viewer', unit: null },
];
