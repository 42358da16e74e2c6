import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { buildUser, useTestEnv } from '../../../../test/support/platform.ts';
import { type Answer, signIn, type Client } from '../../../../test/support/client.ts';
import { XLSX } from '../../documents/mediaTypes.ts';
import { DRIVE_CODE, MONTHLY_CODE } from './demo.ts';
import type { FieldProblem } from '../../platform/http/errors.ts';
import { numberFromText, type previewFormXlsx } from './excel.ts';
import type { totalsOf } from './rollup.ts';
import type { getForm } from './submissions.ts';

/**
 * Reporting's Excel on both databases: the form downloaded, filled in with exceljs as a person
 * would in Excel, previewed (every problem named by its row, nothing saved), confirmed (saved as
 * a draft through the same path as the screen: values, history, audit); files of another unit or
 * period and locked reports refused; the totals workbook holding the numbers of GET /totals.
 */
describeEachDatabase('reporting: Excel in and out', (kind) => {
  const env = useTestEnv(
    kind,
    { sessionIdleMinutes: 525_600, sessionMaxHours: 8_760 },
    { demo: ['organisation', 'reporting'] },
  );
  const unit = new Map<string, string>();
  let monthly = '';
  let drive = '';
  let cs05: Client;
  let admin: Client;
  let leader: Client;

  beforeAll(async () => {
    const { platform, app, clock } = env();
    clock.set(new Date('2019-09-10T03:00:00Z')); // September (15/8–14/9) is open; June–August are the demo's
    for (const u of await platform.db.selectFrom('units').select(['id', 'code']).execute()) unit.set(u.code, u.id);
    for (const t of await platform.db.selectFrom('report_templates').select(['id', 'code']).execute()) {
      if (t.code === MONTHLY_CODE) monthly = t.id;
      if (t.code === DRIVE_CODE) drive = t.id;
    }
    const as = async (role: 'unit_officer' | 'bloc_leader' | 'system_admin', code: string | null) => {
      const u = await buildUser(platform, { grants: [{ role, unitId: code ? unit.get(code)! : null }] });
      return signIn(app, u.username, u.password);
    };
    cs05 = await as('unit_officer', 'CS05');
    admin = await as('system_admin', null);
    leader = await as('bloc_leader', 'DBK');
  }, 120_000);

  const json = async (res: Response, status = 200) => {
    const body = (await res.json()) as any;
    expect(res.status, JSON.stringify(body).slice(0, 600)).toBe(status);
    return body;
  };
  const q = (code: string, periodId: string, templateId = monthly) =>
    `templateId=${templateId}&unitId=${unit.get(code)}&periodId=${encodeURIComponent(periodId)}`;
  const download = async (client: Client, code: string, periodId: string) => {
    const res = await client.get(`/api/reporting/form.xlsx?${q(code, periodId)}`);
    expect(res.status, res.status === 200 ? '' : await res.clone().text()).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".*\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    return wb;
  };
  const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
  const upload = (client: Client, step: 'preview' | 'confirm', query: string, bytes: Uint8Array, type = XLSX) =>
    env().app.request(`/api/reporting/form.xlsx/${step}?${query}`, {
      method: 'POST',
      headers: { cookie: client.cookie!, 'x-csrf-token': client.csrfToken!, 'content-type': type },
      body: bytes as unknown as BodyInit,
    });
  /** The sheet row of an indicator cell, found by its visible code and breakdown label. */
  const rowOf = (ws: ExcelJS.Worksheet, code: string, label: string | null = null) => {
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      if (row.getCell(2).value === code && (row.getCell(4).value ?? null) === label) return r;
    }
    throw new Error(`no row for ${code} ${label ?? ''}`);
  };
  const submissionOf = (code: string, periodId: string) =>
    env()
      .platform.db.selectFrom('report_submissions')
      .selectAll()
      .where('template_id', '=', monthly)
      .where('unit_id', '=', unit.get(code)!)
      .where('period_id', '=', periodId)
      .executeTakeFirst();

  it('downloads the form of a unit and period: title block, a row per indicator cell, validation, protected labels, hidden ids', async () => {
    const wb = await download(cs05, 'CS05', '2019-09');
    const ws = wb.worksheets.find((w) => w.name === 'Báo cáo')!;
    expect(ws).toBeDefined();
    const title = [1, 2, 3, 4].map((r) => String(ws.getRow(r).getCell(1).value));
    expect(title[0]).toBe('Báo cáo tháng của tổ chức cơ sở đảng');
    expect(title[1]).toBe('Đơn vị: Chi bộ Công ty Cổ phần Cơ khí Tiền Hải');
    expect(title[2]).toBe('Kỳ báo cáo: Tháng 9/2019 (số liệu từ ngày 15/08/2019 đến ngày 14/09/2019)');
    expect(title[3]).toMatch(/^Hạn nộp: 19\/09\/2019 · Khóa sổ từ ngày 14\/10\/2019$/);
    const members = rowOf(ws, 'DV_TONG');
    expect(ws.getRow(members).getCell(3).value).toBe('Tổng số đảng viên');
    expect(ws.getRow(members).getCell(5).value).toBe('người');
    expect(ws.getRow(members).getCell(6).value).toBe('Có');
    expect(rowOf(ws, 'DV_MOI', 'Nữ')).toBe(rowOf(ws, 'DV_MOI', 'Nam') + 1);
    expect(ws.getRow(members).getCell(7).dataValidation).toMatchObject({ type: 'whole' });
    expect(ws.getRow(rowOf(ws, 'TL_DU_SH')).getCell(7).dataValidation).toMatchObject({
      type: 'decimal',
      formulae: [0, 100],
    });
    expect(ws.getRow(rowOf(ws, 'SH_CHUYEN_DE')).getCell(7).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"Có,Không"'],
    });
    expect(ws.getRow(members).getCell(7).protection?.locked).toBe(false);
    expect(ws.getRow(members).getCell(3).protection?.locked).not.toBe(false);
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getColumn(9).hidden).toBe(true);
    expect(ws.getRow(members).getCell(9).value).toMatch(/^[0-9a-f-]{36}$/);
    expect(wb.getWorksheet('kyniem')?.state).toBe('veryHidden');
    // the drive's form: its campaign period
    const res = await cs05.get(`/api/reporting/form.xlsx?${q('CS05', `campaign:${DRIVE_CODE}`, drive)}`);
    expect(res.status).toBe(200);
    const driveForm = new ExcelJS.Workbook();
    await driveForm.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    expect(driveForm.worksheets[0].getRow(3).getCell(1).value).toBe(
      'Kỳ báo cáo: 15/06/2019 – 30/08/2019 (số liệu từ ngày 15/06/2019 đến ngày 30/08/2019)',
    );
    expect(rowOf(driveForm.worksheets[0], 'TD_DE_NGHI_KT', 'Cá nhân')).toBeGreaterThan(0);
    // a unit officer cannot download another unit's form
    expect((await cs05.get(`/api/reporting/form.xlsx?${q('CS02', '2019-09')}`)).status).toBe(404);
  });

  it('previews a filled form: every problem named by its row, nothing saved; confirms the corrected file as a draft with its history', async () => {
    const { platform } = env();
    const wb = await download(cs05, 'CS05', '2019-09');
    const ws = wb.worksheets[0];
    const set = (code: string, label: string | null, value: ExcelJS.CellValue, comment?: string) => {
      const row = ws.getRow(rowOf(ws, code, label));
      row.getCell(7).value = value;
      if (comment !== undefined) row.getCell(8).value = comment;
    };
    set('DV_TONG', null, 0);
    set('DV_MOI', 'Nam', 'hai');
    set('DV_MOI', 'Nữ', 1);
    set('SH_CHI_BO', null, 2);
    set('TL_DU_SH', null, 120);
    set('SH_CHUYEN_DE', null, 'Có');
    set('GHI_CHU', null, 'Sinh hoạt chuyên đề về Nghị quyết Trung ương 4.');
    const stray = ws.rowCount + 2;
    ws.getRow(stray).getCell(7).value = 99;
    const bad = await bytesOf(wb);
    const preview: Answer<typeof previewFormXlsx> = await json(
      await upload(cs05, 'preview', q('CS05', '2019-09'), bad),
    );
    expect(preview.valid).toBe(false);
    const at = (code: string) => preview.problems.filter((p) => p.code === code).map((p) => p.row);
    expect(at('invalid_value')).toEqual([rowOf(ws, 'DV_MOI', 'Nam'), rowOf(ws, 'TL_DU_SH')]);
    expect(preview.problems.find((p) => p.row === rowOf(ws, 'DV_MOI', 'Nam'))!.messages.vi).toMatch(
      /Đảng viên mới kết nạp \(Nam\): "hai" không phải là số/,
    );
    expect(preview.problems.find((p) => p.row === rowOf(ws, 'TL_DU_SH'))!.messages.vi).toMatch(/từ 0 đến 100/);
    expect(preview.problems.find((p) => p.row === rowOf(ws, 'TL_DU_SH'))!.column).toBe('G · Số liệu');
    expect(at('unknown_row')).toEqual([stray]);
    // the rule between indicators (new members ≤ all members) is a warning: a draft may break it
    expect(preview.problems.find((p) => p.code === 'rule')).toMatchObject({
      severity: 'warning',
      row: rowOf(ws, 'DV_MOI', 'Nam'),
    });
    expect(preview.rows.find((r) => r.code === 'DV_TONG')).toMatchObject({
      current: null,
      value: 0,
      changed: true,
    });
    expect(await submissionOf('CS05', '2019-09')).toBeUndefined();
    const refused = await json(await upload(cs05, 'confirm', q('CS05', '2019-09'), bad), 400);
    expect(refused.error.code).toBe('XLSX_HAS_PROBLEMS');
    expect((refused.error.details as FieldProblem[]).map((d) => d.path)).toContain(
      `row ${rowOf(ws, 'TL_DU_SH')} · G · Số liệu`,
    );
    expect(await submissionOf('CS05', '2019-09')).toBeUndefined();

    // corrected as a person would: numbers typed as Vietnamese text too, the stray row cleared
    set('DV_TONG', null, 46);
    set('DV_MOI', 'Nam', '2');
    // 95,5% typed into Excel: stored as 0.955 in a cell formatted as a percentage
    set('TL_DU_SH', null, 0.955, 'Hai đồng chí đi công tác');
    ws.getRow(rowOf(ws, 'TL_DU_SH')).getCell(7).numFmt = '0.0%';
    ws.getRow(stray).getCell(7).value = null;
    const good = await bytesOf(wb);
    const ok = await json(await upload(cs05, 'preview', q('CS05', '2019-09'), good));
    expect(ok.problems).toEqual([]);
    expect(ok).toMatchObject({ valid: true, currentVersion: 0, changed: 7 });
    expect(await submissionOf('CS05', '2019-09')).toBeUndefined();
    const form: Answer<typeof getForm> = await json(
      await upload(cs05, 'confirm', `${q('CS05', '2019-09')}&version=${ok.currentVersion}`, good),
    );
    expect(form.submission).toMatchObject({ status: 'draft', version: 1 });
    const value = (code: string, key = '') =>
      form.values.find(
        (v) => v.indicatorId === form.indicators.find((i) => i.code === code)!.id && v.breakdownKey === key,
      )!;
    expect(value('DV_TONG').value).toBe(46);
    expect(value('DV_MOI', 'nam').value).toBe(2);
    expect(value('TL_DU_SH')).toMatchObject({ value: 95.5, comment: 'Hai đồng chí đi công tác' });
    expect(value('SH_CHUYEN_DE').value).toBe(1);
    expect(value('GHI_CHU').value).toBe('Sinh hoạt chuyên đề về Nghị quyết Trung ương 4.');
    const history = await platform.db
      .selectFrom('report_value_history')
      .selectAll()
      .where('submission_id', '=', form.submission!.id)
      .execute();
    expect(history).toHaveLength(7);
    expect(history.find((h) => h.new_value === '95.5')).toBeTruthy();
    const audit = await platform.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', form.submission!.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['report.save']);

    // the form downloaded again holds the values
    const again = (await download(cs05, 'CS05', '2019-09')).worksheets[0];
    expect(again.getRow(rowOf(again, 'DV_TONG')).getCell(7).value).toBe(46);
    expect(again.getRow(rowOf(again, 'SH_CHUYEN_DE')).getCell(7).value).toBe('Có');

    // the old file (version 0) after the save: the preview says so, and a stale confirm is refused
    const stale: Answer<typeof previewFormXlsx> = await json(await upload(cs05, 'preview', q('CS05', '2019-09'), bad));
    expect(stale.problems.find((p) => p.code === 'changed_since_download')).toMatchObject({
      severity: 'warning',
      row: null,
    });
    expect(stale.rows.find((r) => r.code === 'DV_TONG')).toMatchObject({ current: 46, value: 0 });
    const conflict = await json(await upload(cs05, 'confirm', `${q('CS05', '2019-09')}&version=0`, good), 409);
    expect(conflict.error.code).toBe('REPORT_CHANGED');
  });

  it('refuses a file of another unit, another period or template, a locked or submitted report, and what is not a form', async () => {
    const wb = await download(admin, 'CS05', '2019-09');
    const bytes = await bytesOf(wb);
    const otherUnit = await json(await upload(admin, 'preview', q('CS03', '2019-09'), bytes));
    expect(otherUnit.valid).toBe(false);
    expect(otherUnit.problems).toEqual([expect.objectContaining({ row: null, code: 'other_unit', severity: 'error' })]);
    expect(otherUnit.problems[0].messages.vi).toBe(
      'Tệp là báo cáo của đơn vị khác (Chi bộ Công ty Cổ phần Cơ khí Tiền Hải), không phải của Chi bộ Công ty TNHH Giày Hoa Lư Việt Nam.',
    );
    const otherPeriod: Answer<typeof previewFormXlsx> = await json(
      await upload(admin, 'preview', q('CS05', '2019-10'), bytes),
    );
    expect(otherPeriod.problems.map((p) => p.code)).toEqual(['other_period']);
    expect(otherPeriod.problems[0].messages.vi).toMatch(/kỳ Tháng 9\/2019, không phải kỳ Tháng 10\/2019/);
    const otherTemplate: Answer<typeof previewFormXlsx> = await json(
      await upload(
        admin,
        'preview',
        `templateId=${drive}&unitId=${unit.get('CS05')}&periodId=campaign:${DRIVE_CODE}`,
        bytes,
      ),
    );
    expect(otherTemplate.problems.map((p) => p.code)).toEqual(['other_template']);
    for (const query of [q('CS03', '2019-09'), q('CS05', '2019-10')]) {
      expect((await json(await upload(admin, 'confirm', query, bytes), 400)).error.code).toBe('XLSX_HAS_PROBLEMS');
    }
    expect(await submissionOf('CS03', '2019-09')).toBeUndefined();
    expect(await submissionOf('CS05', '2019-10')).toBeUndefined();

    // June locked on 14/7; a submitted August report waits for approval
    const june: Answer<typeof previewFormXlsx> = await json(
      await upload(admin, 'preview', q('CS05', '2019-06'), await bytesOf(await download(admin, 'CS05', '2019-06'))),
    );
    expect(june.problems.filter((p) => p.severity === 'error').map((p) => p.code)).toEqual([
      expect.stringMatching(/^(PERIOD_LOCKED|REPORT_APPROVED)$/),
    ]);
    const submitted = await env()
      .platform.db.selectFrom('report_submissions')
      .innerJoin('units', 'units.id', 'report_submissions.unit_id')
      .select('units.code')
      .where('template_id', '=', monthly)
      .where('period_id', '=', '2019-08')
      .where('status', '=', 'submitted')
      .executeTakeFirstOrThrow();
    const aug: Answer<typeof previewFormXlsx> = await json(
      await upload(
        admin,
        'preview',
        q(submitted.code, '2019-08'),
        await bytesOf(await download(admin, submitted.code, '2019-08')),
      ),
    );
    expect(aug.problems.map((p) => p.code)).toContain('REPORT_SUBMITTED');
    expect(aug.valid).toBe(false);

    // not an .xlsx, not our form, the wrong content type, another unit's form for a unit officer
    expect(
      (
        await json(
          await upload(cs05, 'preview', q('CS05', '2019-09'), new TextEncoder().encode('not a spreadsheet')),
          400,
        )
      ).error.code,
    ).toBe('NOT_XLSX');
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['Mã chỉ tiêu', 'Số liệu']);
    const notOurs: Answer<typeof previewFormXlsx> = await json(
      await upload(cs05, 'preview', q('CS05', '2019-09'), await bytesOf(plain)),
    );
    expect(notOurs.problems.map((p) => p.code)).toEqual(['not_a_form']);
    expect((await upload(cs05, 'preview', q('CS05', '2019-09'), bytes, 'text/plain')).status).toBe(415);
    expect((await upload(cs05, 'preview', q('CS02', '2019-09'), bytes)).status).toBe(404);
  });

  it('reads numbers as a Vietnamese writes them', () => {
    expect(numberFromText('1.234,5')).toBe(1234.5);
    expect(numberFromText('12,5')).toBe(12.5);
    expect(numberFromText('12.5')).toBe(12.5);
    expect(numberFromText('1.234')).toBe(1234);
    expect(numberFromText(' 46 ')).toBe(46);
    expect(numberFromText('hai')).toBeNull();
    expect(numberFromText('1,2,3')).toBeNull();
  });

  it('exports the totals with the numbers of GET /api/reporting/totals, and the child units for the range', async () => {
    const labels: Record<string, Record<string, string>> = {
      DV_MOI: { nam: 'Nam', nu: 'Nữ' },
      TD_DE_NGHI_KT: { tap_the: 'Tập thể', ca_nhan: 'Cá nhân' },
    };
    for (const [templateId, from, to] of [
      [monthly, '2019-06', '2019-08'],
      [monthly, '2019-08', '2019-08'],
      [drive, `campaign:${DRIVE_CODE}`, `campaign:${DRIVE_CODE}`],
    ]) {
      const query = `templateId=${templateId}&unitId=${unit.get('DBK')}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
      const totals: Answer<typeof totalsOf> = await json(await leader.get(`/api/reporting/totals?${query}`));
      const res = await leader.get(`/api/reporting/totals.xlsx?${query}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(XLSX);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
      const [sheet, children] = wb.worksheets;
      expect(sheet.name).toBe('Tổng hợp');
      expect(children.name).toBe('Theo đơn vị');
      const headerRow = [...Array(12).keys()]
        .map((i) => i + 1)
        .find((r) => sheet.getRow(r).getCell(1).value === 'STT')!;
      const heads = (sheet.getRow(headerRow).values as unknown[]).slice(1);
      expect(heads.slice(0, 6)).toEqual(['STT', 'Mã chỉ tiêu', 'Chỉ tiêu', 'Đơn vị tính', 'Cách tổng hợp', 'Tổng số']);
      let compared = 0;
      for (const t of totals.indicators.filter((i) => i.aggregation !== 'none')) {
        let r = headerRow + 1;
        while (sheet.getRow(r).getCell(2).value !== t.code) r++;
        const row = sheet.getRow(r);
        const total = row.getCell(6);
        if (t.value === null) expect(total.value).toBeNull();
        else expect(total.value as number).toBeCloseTo(t.value, 9);
        expect(total.alignment?.horizontal).toBe('right');
        expect(total.numFmt).toMatch(/#,##0/);
        for (const b of t.breakdown)
          expect(row.getCell(heads.indexOf(labels[t.code][b.key]) + 1).value, `${t.code} ${b.key}`).toBe(b.value);
        expect(row.getCell(heads.length).value).toBe(
          t.breakdown.length ? Math.max(...t.breakdown.map((b) => b.count)) : t.count,
        );
        compared++;
      }
      expect(compared).toBeGreaterThan(4);
      // the drill-down: a row per child unit, the subtree's total last
      const names = (children.getColumn(2).values as unknown[]).filter((v): v is string => typeof v === 'string');
      expect(names).toContain('Chi bộ Công ty Cổ phần Cơ khí Tiền Hải');
      expect(names.at(-1)).toBe('Tổng cộng Đảng bộ Khối');
      const last = children.getRow(children.rowCount);
      const firstTotalled = totals.indicators.find((i) => i.aggregation !== 'none')!;
      expect(last.getCell(3).value as number).toBeCloseTo(firstTotalled.value!, 9);
      // printed as a clerk would have it: a name LibreOffice wraps (after 38 characters in its
      // column of 44) stands in a row two lines high instead of running over the next; the codes
      // are whole on one line
      const wrapped = children
        .getColumn(2)
        .values.findIndex((v) => v === 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh');
      expect(wrapped).toBeGreaterThan(0);
      expect(children.getRow(wrapped).height).toBeGreaterThanOrEqual(31.5);
      const codes = totals.indicators.map((t) => t.code);
      expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(Math.max(...codes.map((c) => c.length * 1.3)));
    }
  });
});
