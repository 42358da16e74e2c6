import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { signIn, type Client } from '../../../../test/support/client.ts';
import { systemCaller } from './access.ts';
import { createUnit } from './units.ts';
import { createGroup, createGroupSet } from './groups.ts';
import { XLSX_CONTENT_TYPE } from './excel.ts';
import { addPosition } from './people.ts';

const admin = systemCaller('test');

async function workbook(header: string[], rows: (string | number | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describeEachDatabase('organisation: Excel in and out', (kind) => {
  const env = useTestEnv(kind);
  let client: Client;
  let rootCode: string;

  async function upload(bytes: Uint8Array, what: 'units' | 'people') {
    return env().app.request(`/api/organisation/imports?kind=${what}&fileName=test.xlsx`, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': XLSX_CONTENT_TYPE },
      body: bytes as unknown as BodyInit,
    });
  }
  const unitCount = async () =>
    Number(
      (
        await env()
          .platform.db.selectFrom('units')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('sets up', async () => {
    const p = env().platform;
    const set = await createGroupSet(p, admin, { code: 'ownership', name: 'Loại hình sở hữu' });
    await createGroup(p, admin, set.id, { code: 'private', name: 'Tư nhân' });
    rootCode = `ROOT${Date.now() % 100000}`;
    await createUnit(p, admin, { code: rootCode, kind: 'bloc', name: 'Đảng bộ khối Thử', validFrom: '2004-09-06' });
    const u = await buildUser(p, { grants: [{ role: 'system_admin', unitId: null }] });
    client = await signIn(env().app, u.username, u.password);
  });

  it('serves a template that opens as .xlsx', async () => {
    const res = await client.get('/api/organisation/template.xlsx?kind=units');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_CONTENT_TYPE);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    expect(wb.worksheets[0].getRow(1).getCell(1).value).toBe('Mã đơn vị *');
    // built by the shared builder: A4, real dates, the help sheet named with its diacritics
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Đơn vị', 'Hướng dẫn']);
    expect(wb.worksheets[0].pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).map(String);
    const founded = wb.worksheets[0].getRow(2).getCell(headers.indexOf('Ngày thành lập'));
    expect((founded.value as Date).toISOString()).toBe('2019-07-15T00:00:00.000Z');
    expect(founded.numFmt).toBe('dd/mm/yyyy');
    // the template, filled in as it comes, imports (the example row read back, dates and all)
    const preview = await (await upload(bytes, 'units')).json();
    expect(preview.problems.filter((p: { code: string }) => p.code === 'bad_date')).toEqual([]);
  });

  it('names every row’s problem and imports nothing from a broken file', async () => {
    const before = await unitCount();
    const bytes = await workbook(
      ['Mã đơn vị', 'Tên đơn vị', 'Loại đơn vị', 'Mã đơn vị cấp trên', 'Ngày thành lập', 'Loại hình sở hữu'],
      [
        ['OK1', 'Chi bộ Công ty May Thử', 'Chi bộ cơ sở', rootCode, '15/07/2019', 'Tư nhân'],
        ['BAD1', 'Chi bộ Ngày Sai', 'Chi bộ cơ sở', rootCode, '31/02/2019', null],
        ['BAD2', null, 'Loại lạ', 'KHONGCO', null, 'Nhà nước ngoài hành tinh'],
        ['OK1', 'Chi bộ trùng mã', 'Chi bộ cơ sở', rootCode, null, null],
      ],
    );
    const res = await upload(bytes, 'units');
    expect(res.status).toBe(201);
    const preview = await res.json();
    expect(preview.valid).toBe(false);
    expect(preview.rowCount).toBe(4);
    const at = (row: number, code: string) =>
      preview.problems.find((p: { row: number; code: string }) => p.row === row && p.code === code);
    expect(at(3, 'bad_date')).toMatchObject({ column: 'E · Ngày thành lập' });
    expect(at(3, 'bad_date').messages.vi).toContain('31/02/2019');
    expect(at(4, 'required').column).toBe('B · Tên đơn vị');
    expect(at(4, 'unknown_kind').messages.en).toContain('Loại lạ');
    expect(at(4, 'unknown_parent')).toBeTruthy();
    expect(at(4, 'unknown_group')).toBeTruthy();
    expect(at(5, 'duplicate_code').messages.vi).toContain('dòng 2');
    const confirm = await client.post(`/api/organisation/imports/${preview.id}/confirm`);
    expect(confirm.status).toBe(409);
    expect((await confirm.json()).error.code).toBe('IMPORT_HAS_PROBLEMS');
    expect(await unitCount()).toBe(before);
  });

  it('refuses what is not an .xlsx', async () => {
    const res = await upload(new TextEncoder().encode('not a spreadsheet'), 'units');
    expect(res.status, await res.clone().text()).toBe(400);
    expect((await res.json()).error.code).toBe('NOT_XLSX');
    const json = await client.post('/api/organisation/imports?kind=units', { a: 1 });
    expect(json.status).toBe(415);
  });

  it('imports a good file (children before parents is fine) after the confirm, then its people', async () => {
    const before = await unitCount();
    const bytes = await workbook(
      [
        'Mã đơn vị',
        'Tên đơn vị',
        'Tên viết tắt',
        'Loại đơn vị',
        'Mã đơn vị cấp trên',
        'Ngày thành lập',
        'Số lao động',
        'Loại hình sở hữu',
      ],
      [
        ['GX-PX1', 'Chi bộ Phân xưởng Một', null, 'sub_cell', 'GX', new Date(Date.UTC(2019, 6, 20)), null, null],
        [
          'GX',
          'Đảng bộ Công ty Cổ phần Giày Xuất khẩu',
          'ĐB Giày XK',
          'Đảng bộ cơ sở',
          rootCode,
          '2019-07-15',
          1200,
          'tư nhân',
        ],
      ],
    );
    const preview = await (await upload(bytes, 'units')).json();
    expect(preview.problems).toEqual([]);
    expect(await unitCount()).toBe(before);
    const res = await client.post(`/api/organisation/imports/${preview.id}/confirm`);
    expect(res.status).toBe(201);
    expect((await res.json()).created).toBe(2);
    expect(await unitCount()).toBe(before + 2);
    const found = await (await client.get(`/api/units?q=${encodeURIComponent('giay xuat khau')}`)).json();
    expect(found.items[0]).toMatchObject({ code: 'GX', shortName: 'ĐB Giày XK', kind: 'grassroots_committee' });
    const detail = await (await client.get(`/api/units/${found.items[0].id}`)).json();
    expect(detail.children.map((c: { code: string }) => c.code)).toEqual(['GX-PX1']);
    expect(detail.groups[0].groupCode).toBe('private');
    expect(detail.workers).toBe(1200);
    expect((await client.post(`/api/organisation/imports/${preview.id}/confirm`)).status).toBe(409);

    const people = await workbook(
      [
        'Họ và tên',
        'Giới tính',
        'Năm sinh',
        'Ngày vào Đảng',
        'Mã đơn vị sinh hoạt Đảng',
        'Chức vụ',
        'Mã đơn vị công tác',
        'Giữ chức vụ từ ngày',
      ],
      [['Phạm Thị Hương', 'Nữ', 1980, '12/05/2005', 'GX', 'Bí thư Đảng ủy', 'GX', '20/07/2019']],
    );
    const pp = await (await upload(people, 'people')).json();
    expect(pp.problems).toEqual([]);
    expect((await client.post(`/api/organisation/imports/${pp.id}/confirm`)).status).toBe(201);
    const after = await (await client.get(`/api/units/${found.items[0].id}`)).json();
    expect(after.partyMembers.direct).toBe(1);
    expect(after.people[0]).toMatchObject({ fullName: 'Phạm Thị Hương', title: 'Bí thư Đảng ủy' });
  });

  it('exports the current view', async () => {
    const res = await client.get(`/api/organisation/export.xlsx?kind=units&q=${encodeURIComponent('giay')}`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    expect(ws.rowCount).toBe(2);
    expect(ws.getRow(2).getCell(1).value).toBe('GX');
    // the sheet's name with its diacritics, the dates stored as dates shown dd/mm/yyyy
    expect(ws.name).toBe('Đơn vị');
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const founded = headers.indexOf('Ngày thành lập');
    expect(founded).toBeGreaterThan(0);
    const day = ws.getRow(2).getCell(founded);
    expect(day.value).toBeInstanceOf(Date);
    expect(day.numFmt).toBe('dd/mm/yyyy');
    // printed on A4: the 15 columns lie landscape, fitted to the page's width, the header row on every page
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    });
    expect(ws.pageSetup.margins).toMatchObject({ left: 0.79, right: 0.59, top: 0.79, bottom: 0.79 });
    expect(ws.getRow(2).height).toBeGreaterThan(0);
    const { platform } = env();
    const huong = await platform.db
      .selectFrom('people')
      .select('id')
      .where('full_name', '=', 'Phạm Thị Hương')
      .executeTakeFirstOrThrow();
    const cell1 = await platform.db
      .selectFrom('units')
      .select('id')
      .where('code', '=', 'GX-PX1')
      .executeTakeFirstOrThrow();
    await addPosition(platform, admin, huong.id, {
      unitId: cell1.id,
      title: 'Bí thư Chi bộ',
      rank: 110,
      validFrom: '2019-08-01',
    });
    const people = await client.get('/api/organisation/export.xlsx?kind=people&q=huong');
    expect(people.status).toBe(200);
    const pwb = new ExcelJS.Workbook();
    await pwb.xlsx.load(Buffer.from(await people.arrayBuffer()) as never);
    const pws = pwb.worksheets[0];
    expect(pws.name).toBe('Nhân sự');
    const ph = (pws.getRow(1).values as unknown[]).map(String);
    const joined = pws.getRow(2).getCell(ph.indexOf('Ngày vào Đảng'));
    expect((joined.value as Date).toISOString()).toBe('2005-05-12T00:00:00.000Z');
    expect(joined.numFmt).toBe('dd/mm/yyyy');
    const born = pws.getRow(2).getCell(ph.indexOf('Năm sinh'));
    expect(born.value).toBe(1980);
    expect(born.numFmt).toBe('0');
    // the position she holds: its title, its unit's code and the day she took it, as the import reads them
    const cell = (name: string) => pws.getRow(2).getCell(ph.indexOf(name));
    expect(cell('Chức vụ').value).toBe('Bí thư Đảng ủy');
    expect(cell('Mã đơn vị công tác').value).toBe('GX');
    const since = cell('Giữ chức vụ từ ngày');
    expect((since.value as Date).toISOString()).toBe('2019-07-20T00:00:00.000Z');
    expect(since.numFmt).toBe('dd/mm/yyyy');
    // a second position, lower in rank, goes beside the first
    expect(cell('Chức vụ khác đang giữ').value).toBe('Bí thư Chi bộ (GX-PX1, từ 01/08/2019)');
    expect(pws.pageSetup).toMatchObject({ paperSize: 9, fitToWidth: 1, printTitlesRow: '1:1' });
  });
});
