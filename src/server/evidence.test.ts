/** Evidence files (证明材料): what a close request may cite and what may be removed. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, testEngines } from '../store/testing.ts';
import type { Session } from './testing.ts';
import { buildWorld, multipartFile, PDF, type World } from './world.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { attachEvidence, EVIDENCE_QUOTA, safeFilename, sniffContentType } from '../app/reports/attachEvidence.ts';
import { principalForUser } from '../app/auth/principal.ts';
import { getUser } from '../store/users.ts';

describe.each(testEngines())('evidence on %s', (engine) => {
  let w: World;
  let reporter: Session;
  beforeAll(async () => {
    w = await buildWorld(await openTestDb(engine));
    reporter = w.sessions.reporter as Session;
  });
  afterAll(async () => {
    await w?.app.close();
    await w?.db.close();
  });

  it('a close request cites only evidence of submitted or accepted reports, and cited evidence cannot be removed', async () => {
    const c = await w.commitment('own');
    const draftEvidence = await w.evidence(await w.report(c, 'draft', '2024-04'));
    const returnedEvidence = await w.evidence(await w.report(c, 'returned', '2024-05'));
    const submittedEvidence = await w.evidence(await w.report(c, 'submitted', '2024-06'));
    const close = (evidenceIds: string[], version: number) =>
      w.app.inject({ method: 'POST', url: `/api/commitments/${c.id}/request-close`, headers: reporter, payload: { version, summary: '全年目标已完成', evidenceIds } });
    for (const ev of [draftEvidence, returnedEvidence]) {
      const refused = await close([submittedEvidence, ev], c.version);
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error).toMatchObject({ code: 'evidence_not_submitted', zh: expect.stringContaining('已提交') });
    }
    const asked = await close([submittedEvidence], c.version);
    expect(asked.statusCode).toBe(200);
    expect(asked.json().state).toBe('closeRequested');
    // the draft's own file may still go; a cited one may not, even if its report were a draft again
    expect((await w.app.inject({ method: 'DELETE', url: `/api/evidence/${draftEvidence}`, headers: reporter })).statusCode).toBe(204);
    await w.db.query(`update progress_report set state = 'draft', submitted_at = null where id = (select report_id from evidence where id = $1)`, [submittedEvidence]);
    const kept = await w.app.inject({ method: 'DELETE', url: `/api/evidence/${submittedEvidence}`, headers: reporter });
    expect(kept.statusCode).toBe(409);
    expect(kept.json().error.code).toBe('evidence_cited');
    expect((await w.app.inject({ url: `/api/evidence/${submittedEvidence}`, headers: w.sessions.admin })).statusCode).toBe(200);
  });

  describe('uploads', () => {
    const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
    const upload = (reportId: string, name: string, type: string, data: Buffer) => {
      const m = multipartFile(name, type, data);
      return w.app.inject({ method: 'POST', url: `/api/reports/${reportId}/evidence`, payload: m.payload, headers: { ...m.headers, ...reporter } });
    };
    const draft = async () => (await w.report(await w.commitment('own'), 'draft')).id;

    it('the stored type is what the content is: an HTML page named .png is refused, a PNG sent as PDF is stored and served as PNG', async () => {
      const r = await draft();
      const html = await upload(r, 'photo.png', 'image/png', Buffer.from('<!doctype html><script>alert(document.cookie)</script>'));
      expect(html.statusCode).toBe(415);
      expect(html.json().error.code).toBe('file_content');
      const page = await upload(r, 'page.html', 'text/html', Buffer.from('<html><body>hi</body></html>'));
      expect(page.statusCode).toBe(415);
      expect(page.json().error.code).toBe('file_type');
      const png = await upload(r, '现场照片.pdf', 'application/pdf', PNG);
      expect(png.statusCode).toBe(201);
      const [stored] = png.json().items;
      expect(stored.contentType).toBe('image/png');
      const down = await w.app.inject({ url: `/api/evidence/${stored.id}`, headers: reporter });
      expect(down.headers['content-type']).toBe('image/png');
      expect(down.headers['x-content-type-options']).toBe('nosniff');
    });

    it('every accepted kind is recognised from its content: Word, Excel (new and old), OFD', async () => {
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('台账').addRow(['就业', 600]);
      const zip = new JSZip();
      zip.file('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>');
      const ole = Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(2048)]);
      const cases: [string, Buffer, string][] = [
        ['台账.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['说明.docx', await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('说明')] }] })), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
        ['批复.ofd', await zip.generateAsync({ type: 'nodebuffer' }), 'application/ofd'],
        ['旧表.xls', ole, 'application/vnd.ms-excel'],
        ['旧文.doc', ole, 'application/msword'],
      ];
      for (const [filename, data, type] of cases) expect(await sniffContentType({ filename, contentType: 'application/octet-stream', data }), filename).toBe(type);
      const plainZip = new JSZip();
      plainZip.file('run.js', 'alert(1)');
      const r = await draft();
      expect((await upload(r, '批复.ofd', 'application/ofd', await plainZip.generateAsync({ type: 'nodebuffer' }))).json().error.code).toBe('file_content');
    });

    it('control and bidi characters are removed from file names (U+202E would show "exe.pdf" as "fdp.exe")', async () => {
      const r = await draft();
      const res = await upload(r, '..\\台账\u202Efdp.exe\u0007\u200B\u2066.pdf', 'application/pdf', PDF);
      expect(res.statusCode).toBe(201);
      expect(res.json().items[0].filename).toBe('台账fdp.exe.pdf');
      expect(safeFilename('\u202E\u0000')).toBe('file');
    });

    it(`a report holds at most ${EVIDENCE_QUOTA.files} files and ${EVIDENCE_QUOTA.bytes / 1024 / 1024} MB of evidence`, async () => {
      const r = await draft();
      for (let i = 0; i < EVIDENCE_QUOTA.files; i++) expect((await upload(r, `台账${i}.pdf`, 'application/pdf', PDF)).statusCode).toBe(201);
      const over = await upload(r, '多一个.pdf', 'application/pdf', PDF);
      expect(over.statusCode).toBe(413);
      expect(over.json().error).toMatchObject({ code: 'evidence_quota', zh: expect.stringContaining(`至多${EVIDENCE_QUOTA.files}个`) });
      expect((await w.db.query('select id from evidence where report_id = $1', [r])).length).toBe(EVIDENCE_QUOTA.files);
      // bytes: with a small quota, the file that would pass it is refused and nothing of its batch is kept
      const other = await draft();
      const actor = await principalForUser(w.db, (await getUser(w.db, w.users.reporter))!);
      const files = (n: number) => Array.from({ length: n }, (_, i) => ({ filename: `f${i}.pdf`, contentType: 'application/pdf', data: PDF }));
      await attachEvidence(w.ctx, { actor, reportId: other, files: files(2), quota: { files: 20, bytes: PDF.length * 3 } });
      await expect(attachEvidence(w.ctx, { actor, reportId: other, files: files(2), quota: { files: 20, bytes: PDF.length * 3 } })).rejects.toMatchObject({ code: 'evidence_quota', status: 413 });
      expect((await w.db.query('select id from evidence where report_id = $1', [other])).length).toBe(2);
    });
  });
});
