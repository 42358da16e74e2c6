import { callerOf } from '../../platform/policy/caller.ts';
import type { z, OpenAPIHono } from '@hono/zod-openapi';
import { DOCX, PDF } from '../../documents/mediaTypes.ts';
import type { AppContext, AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { binaryBody, download } from '../../platform/http/files.ts';
import { castBallot, closeRound, getRound, myOpenRounds, openRound, setBallotKey, tallyRound } from './ballot.ts';
import { createCampaign, getCampaign, listCampaigns } from './campaigns.ts';
import {
  councilCandidates,
  createSession,
  declareConflict,
  getSession,
  listSessions,
  setAttendance,
} from './council.ts';
import { certificatesFile, decisionFile, minutesFile, proposalFile } from './documents.ts';
import { campaignResults, confirmResults } from './results.ts';
import {
  addDossierItem,
  createNomination,
  getNomination,
  listNominations,
  submitNomination,
  updateNomination,
} from './nominations.ts';
import {
  ballotOut,
  campaignOut,
  campaignPage,
  councilCandidatesOut,
  nominationOut,
  nominationPage,
  nomineeCandidatesOut,
  openRoundsOut,
  resultsOut,
  roundOut,
  sessionOut,
  sessionPage,
  pageQuery,
  attendanceInput,
  ballotInput,
  ballotKeyInput,
  tallyInput,
  campaignInput,
  confirmInput,
  conflictInput,
  proposalInput,
  dossierInput,
  idParam,
  listQuery,
  nominationInput,
  nomineeQuery,
  reasonInput,
  roundInput,
  screeningInput,
  sessionInput,
  updateNominationInput,
} from './schema.ts';
import { returnNomination, screenNomination } from './screening.ts';
import { nomineeCandidates } from './nominees.ts';

const tags = ['honours'];
const ok = <T extends z.ZodType>(schema: T, d: string) => ({ 200: jsonResponse(schema, d) });
const binary = (type: string, description: string) => ({ 200: binaryBody(type, description) });

const r = {
  campaigns: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns',
    tags,
    summary: 'Đợt tôn vinh / Honours campaigns',
    request: { query: listQuery.pick({ page: true, pageSize: true }) },
    responses: ok(campaignPage, 'A page of campaigns'),
  }),
  createCampaign: apiRoute('honours.manage', {
    method: 'post',
    path: '/api/honours/campaigns',
    tags,
    summary: 'Lập đợt tôn vinh / Create a campaign',
    description: 'Categories (collective, individual, product) with their quota and criteria.',
    request: { body: jsonBody(campaignInput) },
    responses: { 201: jsonResponse(campaignOut, 'The campaign') },
  }),
  nominees: apiRoute('honours.nominate', {
    method: 'get',
    path: '/api/honours/nominees',
    tags,
    summary: 'Tìm người, đơn vị được đề nghị / Whom a unit may nominate',
    description:
      'For a nominating unit (where the caller holds `honours.nominate`): units of its subtree (collective), Party members whose Party unit is in it (individual), or enterprises in it (product, the maker), searched by name.',
    request: { query: nomineeQuery },
    responses: ok(nomineeCandidatesOut, 'Candidates'),
  }),
  campaign: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}',
    tags,
    summary: 'Một đợt tôn vinh / One campaign',
    description: 'With the categories, their criteria, and the nominations counted by status against the quota.',
    request: { params: idParam },
    responses: ok(campaignOut, 'The campaign'),
  }),
  nominations: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}/nominations',
    tags,
    summary: 'Hồ sơ đề nghị / Nominations',
    description: "A unit sees its own and its subtree's; the Board and the Council see all.",
    request: { params: idParam, query: listQuery },
    responses: ok(nominationPage, 'A page of nominations'),
  }),
  nominate: apiRoute('honours.nominate', {
    method: 'post',
    path: '/api/honours/campaigns/{id}/nominations',
    tags,
    summary: 'Đề nghị tôn vinh / Nominate',
    request: { params: idParam, body: jsonBody(nominationInput) },
    responses: { 201: jsonResponse(nominationOut, 'The nomination (a draft)') },
  }),
  nomination: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/nominations/{id}',
    tags,
    summary: 'Một hồ sơ / One nomination',
    description: "With the dossier, what it lacks, its history, the screening, and the unit's emulation results.",
    request: { params: idParam },
    responses: ok(nominationOut, 'The nomination'),
  }),
  update: apiRoute('honours.nominate', {
    method: 'patch',
    path: '/api/honours/nominations/{id}',
    tags,
    summary: 'Sửa hồ sơ / Update a nomination',
    request: { params: idParam, body: jsonBody(updateNominationInput) },
    responses: ok(nominationOut, 'The nomination'),
  }),
  file: apiRoute('honours.nominate', {
    method: 'post',
    path: '/api/honours/nominations/{id}/dossier',
    tags,
    summary: 'Thêm tài liệu vào hồ sơ / Add a dossier file',
    description: 'A file uploaded first with POST /api/files.',
    request: { params: idParam, body: jsonBody(dossierInput) },
    responses: ok(nominationOut, 'The nomination'),
  }),
  submit: apiRoute('honours.nominate', {
    method: 'post',
    path: '/api/honours/nominations/{id}/submit',
    tags,
    summary: 'Gửi hồ sơ / Submit',
    description: 'Refused while the dossier lacks something, each lack named.',
    request: { params: idParam },
    responses: ok(nominationOut, 'The nomination'),
  }),
  screen: apiRoute('honours.screen', {
    method: 'post',
    path: '/api/honours/nominations/{id}/screening',
    tags,
    summary: 'Thẩm định / Screen',
    request: { params: idParam, body: jsonBody(screeningInput) },
    responses: ok(nominationOut, 'The nomination'),
  }),
  return: apiRoute('honours.screen', {
    method: 'post',
    path: '/api/honours/nominations/{id}/return',
    tags,
    summary: 'Trả lại hồ sơ / Return to the unit',
    request: { params: idParam, body: jsonBody(reasonInput) },
    responses: ok(nominationOut, 'The nomination'),
  }),
  createSession: apiRoute('honours.secretary', {
    method: 'post',
    path: '/api/honours/sessions',
    tags,
    summary: 'Phiên họp Hội đồng / Open a Council session',
    description:
      'The roster and the rules fixed beforehand: quorum, approval share and base, approve or rank, tie-break, written votes.',
    request: { body: jsonBody(sessionInput) },
    responses: { 201: jsonResponse(sessionOut, 'The session') },
  }),
  sessions: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}/sessions',
    tags,
    summary: "Các phiên họp Hội đồng / The campaign's Council sessions",
    description:
      'Newest first, with the quorum and the rounds counted. Those who judge see every session; others only those they sit on.',
    request: { params: idParam, query: pageQuery },
    responses: ok(sessionPage, 'A page of sessions'),
  }),
  councilMembers: apiRoute('honours.secretary', {
    method: 'get',
    path: '/api/honours/council-members',
    tags,
    summary: 'Tài khoản có thể tham gia Hội đồng / Accounts that may sit on the Council',
    description:
      'Active accounts that vote on the Council, and those who may be its secretary, in Vietnamese order: whom the secretary puts on a roster.',
    responses: ok(councilCandidatesOut, 'The accounts'),
  }),
  openRounds: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/rounds/open',
    tags,
    summary: 'Vòng bỏ phiếu đang chờ tôi / Rounds awaiting my ballot',
    description:
      'The open rounds of sessions where the caller sits, is recorded present and has not voted yet. Nothing about anyone else.',
    responses: ok(openRoundsOut, 'The rounds'),
  }),
  session: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/sessions/{id}',
    tags,
    summary: 'Một phiên họp / One session',
    request: { params: idParam },
    responses: ok(sessionOut, 'The session'),
  }),
  attendance: apiRoute('honours.secretary', {
    method: 'post',
    path: '/api/honours/sessions/{id}/attendance',
    tags,
    summary: 'Điểm danh / Attendance',
    request: { params: idParam, body: jsonBody(attendanceInput) },
    responses: ok(sessionOut, 'The session'),
  }),
  conflict: apiRoute('honours.vote', {
    method: 'post',
    path: '/api/honours/sessions/{id}/conflicts',
    tags,
    summary: 'Khai báo xung đột lợi ích / Declare a conflict of interest',
    request: { params: idParam, body: jsonBody(conflictInput) },
    responses: ok(sessionOut, 'The session'),
  }),
  openRound: apiRoute('honours.secretary', {
    method: 'post',
    path: '/api/honours/sessions/{id}/rounds',
    tags,
    summary: 'Mở vòng bỏ phiếu / Open a round',
    description: 'Needs the quorum present.',
    request: { params: idParam, body: jsonBody(roundInput) },
    responses: { 201: jsonResponse(roundOut, 'The round') },
  }),
  round: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/rounds/{id}',
    tags,
    summary: 'Vòng bỏ phiếu / A round',
    description: 'While open: how many have voted, never the counts. Closed: the tally and the outcome.',
    request: { params: idParam },
    responses: ok(roundOut, 'The round'),
  }),
  ballot: apiRoute('honours.read', {
    method: 'post',
    path: '/api/honours/rounds/{id}/ballots',
    tags,
    summary: 'Bỏ phiếu kín / Cast a secret ballot',
    description:
      "Once per member and round, by a member present (`honours.vote`), or an absent member's written vote entered by the secretary (`honours.secretary`, `onBehalfOf`) where the rules allow. Nothing links the member to the choices.",
    request: { params: idParam, body: jsonBody(ballotInput) },
    responses: ok(ballotOut, 'Voted'),
  }),
  confirm: apiRoute('honours.manage', {
    method: 'post',
    path: '/api/honours/campaigns/{id}/confirm',
    tags,
    summary: 'Xác nhận kết quả / Confirm the results',
    description:
      'The Standing Committee confirms the Council\'s selection by a decision (number and date): the campaign becomes "decided", the honourees are fixed and the sessions close.',
    request: { params: idParam, body: jsonBody(confirmInput) },
    responses: ok(resultsOut, 'The results'),
  }),
  results: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}/results',
    tags,
    summary: 'Kết quả bình chọn / Results',
    description:
      'Per category the honourees in order, counted against the quota, and the shortfall. Before the decision, only those who judge see it.',
    request: { params: idParam },
    responses: ok(resultsOut, 'The results'),
  }),
  decisionDocx: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}/decision.docx',
    tags,
    summary: 'Quyết định tôn vinh (.docx) / The decision',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  decisionPdf: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}/decision.pdf',
    tags,
    summary: 'Quyết định tôn vinh (.pdf) / The decision',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  certificates: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/campaigns/{id}/certificates.pdf',
    tags,
    summary: 'Giấy khen (.pdf) / Certificates',
    description: 'One Giấy khen per confirmed honouree, A4 landscape, one print-ready PDF.',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  proposalDocx: apiRoute('honours.manage', {
    method: 'post',
    path: '/api/honours/campaigns/{id}/proposal.docx',
    tags,
    summary: 'Tờ trình đề nghị cấp trên khen thưởng (.docx) / Proposal to a higher level',
    request: { params: idParam, body: jsonBody(proposalInput) },
    responses: binary(DOCX, 'Word document'),
  }),
  proposalPdf: apiRoute('honours.manage', {
    method: 'post',
    path: '/api/honours/campaigns/{id}/proposal.pdf',
    tags,
    summary: 'Tờ trình đề nghị cấp trên khen thưởng (.pdf) / Proposal to a higher level',
    request: { params: idParam, body: jsonBody(proposalInput) },
    responses: binary(PDF, 'PDF'),
  }),
  minutesDocx: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/sessions/{id}/minutes.docx',
    tags,
    summary: 'Biên bản phiên họp (.docx) / Minutes of the session',
    request: { params: idParam },
    responses: binary(DOCX, 'Word document'),
  }),
  minutesPdf: apiRoute('honours.read', {
    method: 'get',
    path: '/api/honours/sessions/{id}/minutes.pdf',
    tags,
    summary: 'Biên bản phiên họp (.pdf) / Minutes of the session',
    request: { params: idParam },
    responses: binary(PDF, 'PDF'),
  }),
  close: apiRoute('honours.secretary', {
    method: 'post',
    path: '/api/honours/rounds/{id}/close',
    tags,
    summary: 'Đóng hòm phiếu / Close the ballot box',
    description:
      'No more ballots; the round awaits its count (`counting`): the chair decrypts the totals on their own device.',
    request: { params: idParam },
    responses: ok(roundOut, 'The round, awaiting its count'),
  }),
  ballotKey: apiRoute('honours.vote', {
    method: 'post',
    path: '/api/honours/sessions/{id}/ballot-key',
    tags,
    summary: 'Khoá kiểm phiếu / The counting key',
    description:
      "The session's chair sets the public key made on their own device, with a proof that they hold its secret; the server never sees the secret. It may change while no round is open or awaiting its count.",
    request: { params: idParam, body: jsonBody(ballotKeyInput) },
    responses: ok(sessionOut, 'The session'),
  }),
  tally: apiRoute('honours.vote', {
    method: 'post',
    path: '/api/honours/rounds/{id}/tally',
    tags,
    summary: 'Công bố kết quả đã giải mã / Publish the decrypted totals',
    description:
      "The chair's device sends each total of a closed ballot box, decrypted, with a proof of correct decryption; the server checks every proof against the session's key and decides the round.",
    request: { params: idParam, body: jsonBody(tallyInput) },
    responses: ok(roundOut, 'The round with its tally'),
  }),
};

export function registerHonoursRoutes(app: OpenAPIHono<AppEnv>) {
  const p = (c: AppContext) => c.get('platform');
  app.openapi(r.campaigns, async (c) => c.json(await listCampaigns(p(c), c.req.valid('query')), 200));
  app.openapi(r.createCampaign, async (c) => c.json(await createCampaign(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.nominees, async (c) => c.json(await nomineeCandidates(p(c), callerOf(c), c.req.valid('query')), 200));
  app.openapi(r.campaign, async (c) => c.json(await getCampaign(p(c), c.req.valid('param').id), 200));
  app.openapi(r.nominations, async (c) =>
    c.json(await listNominations(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.nominate, async (c) =>
    c.json(await createNomination(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  app.openapi(r.nomination, async (c) => c.json(await getNomination(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.update, async (c) =>
    c.json(await updateNomination(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.file, async (c) => {
    const b = c.req.valid('json');
    return c.json(await addDossierItem(p(c), callerOf(c), c.req.valid('param').id, b.fileId, b.kind), 200);
  });
  app.openapi(r.submit, async (c) => c.json(await submitNomination(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.screen, async (c) =>
    c.json(await screenNomination(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.return, async (c) =>
    c.json(await returnNomination(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').reason), 200),
  );
  app.openapi(r.createSession, async (c) => c.json(await createSession(p(c), callerOf(c), c.req.valid('json')), 201));
  app.openapi(r.sessions, async (c) =>
    c.json(await listSessions(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.councilMembers, async (c) => c.json(await councilCandidates(p(c), callerOf(c)), 200));
  app.openapi(r.session, async (c) => c.json(await getSession(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.attendance, async (c) =>
    c.json(await setAttendance(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json').attendance), 200),
  );
  app.openapi(r.conflict, async (c) => {
    const b = c.req.valid('json');
    return c.json(await declareConflict(p(c), callerOf(c), c.req.valid('param').id, b.nominationId, b.note), 200);
  });
  app.openapi(r.openRound, async (c) =>
    c.json(await openRound(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 201),
  );
  // before /rounds/{id}, so that "open" is not read as an id
  app.openapi(r.openRounds, async (c) => c.json(await myOpenRounds(p(c), callerOf(c)), 200));
  app.openapi(r.round, async (c) => c.json(await getRound(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.ballot, async (c) =>
    c.json(await castBallot(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.close, async (c) => c.json(await closeRound(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(r.tally, async (c) =>
    c.json(await tallyRound(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.ballotKey, async (c) => {
    const id = c.req.valid('param').id;
    await setBallotKey(p(c), callerOf(c), id, c.req.valid('json'));
    return c.json(await getSession(p(c), callerOf(c), id), 200);
  });
  app.openapi(r.confirm, async (c) =>
    c.json(
      await confirmResults(p(c), callerOf(c), c.req.valid('param').id, {
        number: c.req.valid('json').decisionNumber,
        date: c.req.valid('json').decidedOn,
      }),
      200,
    ),
  );
  app.openapi(r.results, async (c) => c.json(await campaignResults(p(c), callerOf(c), c.req.valid('param').id), 200));
  app.openapi(
    r.decisionDocx,
    async (c) =>
      download(await decisionFile(p(c), c.req.valid('param').id, 'docx'), DOCX, 'quyet-dinh-ton-vinh.docx') as never,
  );
  app.openapi(
    r.decisionPdf,
    async (c) =>
      download(await decisionFile(p(c), c.req.valid('param').id, 'pdf'), PDF, 'quyet-dinh-ton-vinh.pdf') as never,
  );
  app.openapi(
    r.certificates,
    async (c) => download(await certificatesFile(p(c), c.req.valid('param').id), PDF, 'giay-khen.pdf') as never,
  );
  app.openapi(
    r.proposalDocx,
    async (c) =>
      download(
        await proposalFile(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json'), 'docx'),
        DOCX,
        'to-trinh.docx',
      ) as never,
  );
  app.openapi(
    r.proposalPdf,
    async (c) =>
      download(
        await proposalFile(p(c), callerOf(c), c.req.valid('param').id, c.req.valid('json'), 'pdf'),
        PDF,
        'to-trinh.pdf',
      ) as never,
  );
  app.openapi(
    r.minutesDocx,
    async (c) =>
      download(await minutesFile(p(c), callerOf(c), c.req.valid('param').id, 'docx'), DOCX, 'bien-ban.docx') as never,
  );
  app.openapi(
    r.minutesPdf,
    async (c) =>
      download(await minutesFile(p(c), callerOf(c), c.req.valid('param').id, 'pdf'), PDF, 'bien-ban.pdf') as never,
  );
}
