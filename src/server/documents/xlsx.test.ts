import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fitRowHeights, toXlsx, type Sheet } from './xlsx.ts';

const timeline: Sheet = {
  name: 'Thời gian thực hiện',
  columns: [
    { header: 'TT', key: 'no', type: 'integer', width: 5 },
    { header: 'Nội dung', key: 'what' },
    { header: 'Đơn vị chủ trì', key: 'lead' },
    { header: 'Hoàn thành trước', key: 'due', type: 'date' },
  ],
  rows: [
    { no: 1, what: 'Triển khai Kế hoạch tới cơ sở', lead: 'Ban Tuyên giáo', due: '2019-06-10' },
    {
      no: 2,
      what: 'Bình chọn 45 tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu',
      lead: 'Hội đồng thi đua khen thưởng',
      due: '2019-07-30',
    },
    { no: 3, what: 'Hội nghị tôn vinh, tuyên dương', lead: 'Văn phòng Đảng ủy Khối', due: null },
  ],
};

describe('toXlsx', () => {
  it('round-trips through exceljs: bold frozen header, widths, Vietnamese text, real dates shown dd/mm/yyyy', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await toXlsx([timeline, { ...timeline, name: 'Thời gian thực hiện' }])) as unknown as ExcelJS.Buffer,
    );
    expect(book.worksheets.map((w) => w.name)).toEqual(['Thời gian thực hiện', 'Thời gian thực hiện (2)']);
    const ws = book.worksheets[0];
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(2).value).toBe('Nội dung');
    expect(ws.getRow(1).getCell(2).font?.bold).toBe(true);
    expect(ws.getColumn(1).width).toBe(5);
    expect(ws.getColumn(2).width).toBeGreaterThan('Bình chọn 45 tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu'.length);
    expect(ws.getRow(3).getCell(2).value).toBe('Bình chọn 45 tập thể, cá nhân, sản phẩm xuất sắc tiêu biểu');
    const due = ws.getRow(3).getCell(4);
    expect(due.value).toBeInstanceOf(Date);
    expect((due.value as Date).toISOString()).toBe('2019-07-30T00:00:00.000Z');
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(ws.getRow(4).getCell(4).value).toBeNull();
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.rowCount).toBe(4);
  });

  it('gives each row the height its wrapped text needs, and prints on A4 (portrait when the columns fit)', async () => {
    const long =
      'Chủ trì, tham mưu giúp Ban Thường vụ Đảng ủy Khối thực hiện việc củng cố và phát triển Mạng Văn phòng liên thông';
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await toXlsx([
        {
          name: 'Nhiệm vụ',
          columns: [
            { header: 'TT', key: 'no', type: 'integer', width: 5 },
            { header: 'Nội dung', key: 'what', width: 30 },
            { header: 'Ghi chú', key: 'note', width: 20 },
          ],
          rows: [
            { no: 1, what: 'Ngắn', note: null },
            { no: 2, what: long, note: 'một\nhai\nba' },
            { no: 3, what: 'Ngắn', note: 'một\nhai\nba\nbốn\nnăm' },
          ],
        },
      ])) as unknown as ExcelJS.Buffer,
    );
    const ws = book.getWorksheet('Nhiệm vụ')!;
    // 1 line; the long text over a 30-character column takes 4 lines (29 a line), more than the note's 3; 5 lines
    expect([2, 3, 4].map((r) => ws.getRow(r).height)).toEqual([15.75, 63, 78.75]);
    expect(ws.getRow(3).height).toBe(Math.ceil(long.length / 29) * 15.75);
    // 55 characters of columns fit A4 portrait
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('lies landscape when the columns are wider than A4 portrait, or as the sheet asks', async () => {
    const wide = (n: number): Sheet => ({
      name: 'Đơn vị',
      columns: Array.from({ length: n }, (_, i) => ({ header: `Cột ${i + 1}`, key: `c${i}`, width: 20 })),
      rows: [{ c0: 'một' }],
    });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await toXlsx([
        wide(4),
        wide(5),
        { ...wide(2), name: 'Sơ đồ', orientation: 'landscape' },
      ])) as unknown as ExcelJS.Buffer,
    );
    expect(book.worksheets.map((w) => [w.name, w.pageSetup.orientation])).toEqual([
      ['Đơn vị', 'portrait'],
      ['Đơn vị (2)', 'landscape'],
      ['Sơ đồ', 'landscape'],
    ]);
    expect(book.worksheets[1].pageSetup.margins).toMatchObject({ left: 0.79, right: 0.59, top: 0.79, bottom: 0.79 });
    expect(book.worksheets[1].headerFooter.oddFooter).toContain('&P/&N');
  });

  it('keeps sheet names within Excel’s rules', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await toXlsx([
        { ...timeline, name: 'Báo cáo: tháng 6/2019 [bản nháp] của các đơn vị trực thuộc' },
      ])) as unknown as ExcelJS.Buffer,
    );
    const name = book.worksheets[0].name;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
  });

  it('refuses a date column value that is not a date', async () => {
    await expect(toXlsx([{ ...timeline, rows: [{ no: 1, what: 'x', lead: 'y', due: '30/7/2019' }] }])).rejects.toThrow(
      /Hoàn thành trước/,
    );
  });
});

describe('fitRowHeights', () => {
  it('gives a sheet built by hand the heights of its wrapped text: merged cells span their columns, hidden ones count nothing, a taller row stays', () => {
    const ws = new ExcelJS.Workbook().addWorksheet('Tổng hợp');
    ws.columns = [{ width: 6 }, { width: 44 }, { width: 13 }, { width: 13 }, { width: 10, hidden: true }];
    const name = 'Đảng bộ Công ty Cổ phần May Kiến Xương Xanh';
    ws.getRow(1).values = [1, 'Chi bộ Cơ quan Đảng ủy Khối', 38, 3, '0190f3a2-7a3b-7c1d-9e2f-000000000000'];
    // wrapped after 38 characters on LibreOffice's page: two lines
    ws.getRow(2).values = [2, name, 113, 8];
    ws.getRow(3).values = [null, 'x', 'Quần chúng ưu tú được cử đi học lớp cảm tình đảng'];
    ws.mergeCells(3, 3, 3, 4);
    ws.getRow(4).values = [4, 'Ngắn'];
    ws.getRow(4).height = 48;
    fitRowHeights(ws, 1, 4);
    // one line is left as it is (the hidden id would have made it four)
    expect([1, 2, 4].map((r) => ws.getRow(r).height)).toEqual([undefined, 31.5, 48]);
    // 49 characters over two merged columns of 13: three lines, not the five of one column
    expect(ws.getRow(3).height).toBe(3 * 15.75);
  });
});
