import { type OpenAPIHono, z } from '@hono/zod-openapi';
import { text } from '../../../common/schemas.ts';
import type { AppEnv } from '../../platform/http/context.ts';
import { apiRoute, jsonBody, jsonResponse } from '../../platform/http/route.ts';
import { callerOf } from '../../platform/policy/caller.ts';
import { createArticle, diffRevisions, editorChoices, getArticle, listArticles, updateArticle } from './articles.ts';
import { uploadImage } from './images.ts';
import {
  articleInput,
  articleListOut,
  articleOut,
  choicesOut,
  commentInput,
  diffOut,
  diffQuery,
  idParam,
  imageOut,
  listQuery,
  returnInput,
  scheduleInput,
} from './schema.ts';
import {
  approveArticle,
  publishArticle,
  returnArticle,
  scheduleArticle,
  submitArticle,
  unpublishArticle,
} from './workflow.ts';

const tags = ['website'];
const base = '/api/website';

const step = (access: 'website.write' | 'website.review', name: string, summary: string, description: string) =>
  apiRoute(access, {
    method: 'post',
    path: `${base}/articles/{id}/${name}`,
    tags,
    summary,
    description,
    request: { params: idParam },
    responses: { 200: jsonResponse(articleOut, 'The article after the step') },
  });
const r = {
  choices: apiRoute('website.read', {
    method: 'get',
    path: `${base}/choices`,
    tags,
    summary: 'Chuyên mục, hoạt động, đơn vị để chọn / Categories, activities and units to pick',
    responses: { 200: jsonResponse(choicesOut, 'What an article may name') },
  }),
  list: apiRoute('website.read', {
    method: 'get',
    path: `${base}/articles`,
    tags,
    summary: 'Danh sách bài viết / Articles',
    description:
      'The Office, the Propaganda Board and the Bloc’s leaders see every article; a writer sees their own. Search reads title, summary, body and tags, with or without diacritics.',
    request: { query: listQuery },
    responses: { 200: jsonResponse(articleListOut, 'Articles, latest change first') },
  }),
  create: apiRoute('website.write', {
    method: 'post',
    path: `${base}/articles`,
    tags,
    summary: 'Viết bài mới / Write an article',
    description: 'Saved as a draft (revision 1); the body is sanitised by the allow-list of ADR 24.',
    request: { body: jsonBody(articleInput) },
    responses: { 201: jsonResponse(articleOut, 'The article') },
  }),
  get: apiRoute('website.read', {
    method: 'get',
    path: `${base}/articles/{id}`,
    tags,
    summary: 'Một bài viết / One article',
    request: { params: idParam },
    responses: { 200: jsonResponse(articleOut, 'The article with its revisions, steps and what the caller may do') },
  }),
  update: apiRoute('website.write', {
    method: 'put',
    path: `${base}/articles/{id}`,
    tags,
    summary: 'Lưu bài (phiên bản mới) / Save the article (a new revision)',
    request: { params: idParam, body: jsonBody(articleInput) },
    responses: { 200: jsonResponse(articleOut, 'The article') },
  }),
  diff: apiRoute('website.read', {
    method: 'get',
    path: `${base}/articles/{id}/diff`,
    tags,
    summary: 'So sánh hai phiên bản / Compare two revisions',
    description: 'Word by word: title, summary and body text. Without `from`, since the last approval.',
    request: { params: idParam, query: diffQuery },
    responses: { 200: jsonResponse(diffOut, 'What changed') },
  }),
  submit: step(
    'website.write',
    'submit',
    'Gửi duyệt / Submit for review',
    'The Propaganda Board’s reviewers are notified.',
  ),
  approve: apiRoute('website.review', {
    method: 'post',
    path: `${base}/articles/{id}/approve`,
    tags,
    summary: 'Duyệt bài / Approve',
    description: 'Propaganda Board only.',
    request: { params: idParam, body: jsonBody(commentInput) },
    responses: { 200: jsonResponse(articleOut, 'The article after the step') },
  }),
  return: apiRoute('website.review', {
    method: 'post',
    path: `${base}/articles/{id}/return`,
    tags,
    summary: 'Trả lại để sửa / Return for changes',
    description: 'With a comment; the writer is notified.',
    request: { params: idParam, body: jsonBody(returnInput) },
    responses: { 200: jsonResponse(articleOut, 'The article after the step') },
  }),
  schedule: apiRoute('website.review', {
    method: 'post',
    path: `${base}/articles/{id}/schedule`,
    tags,
    summary: 'Hẹn giờ đăng / Schedule publication',
    description: 'Published by the job queue at that time, once, however many processes run.',
    request: { params: idParam, body: jsonBody(scheduleInput) },
    responses: { 200: jsonResponse(articleOut, 'The article after the step') },
  }),
  publish: step('website.review', 'publish', 'Đăng ngay / Publish now', 'Propaganda Board only.'),
  unpublish: step('website.review', 'unpublish', 'Gỡ bài / Unpublish', 'Propaganda Board only.'),
  upload: apiRoute('website.write', {
    method: 'post',
    path: `${base}/images`,
    tags,
    summary: 'Tải ảnh lên cho bài viết / Upload an image for an article',
    description:
      'The body is the image (PNG, JPEG or WebP, read from the bytes; at most 10 MB). It is decoded and written again without metadata, then made once into widths 480, 960 and 1600 as AVIF, WebP and JPEG, served at /anh/{id}/{width}.{avif|webp|jpg}.',
    request: {
      query: z.object({ name: text(300).optional() }),
      body: {
        required: true,
        content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } },
      },
    },
    responses: { 201: jsonResponse(imageOut, 'The image') },
  }),
};

export function registerWebsiteRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(r.choices, async (c) => c.json(await editorChoices(c.get('platform')), 200));
  app.openapi(r.list, async (c) =>
    c.json(await listArticles(c.get('platform'), callerOf(c), c.req.valid('query')), 200),
  );
  app.openapi(r.create, async (c) =>
    c.json(await createArticle(c.get('platform'), callerOf(c), c.req.valid('json')), 201),
  );
  app.openapi(r.get, async (c) =>
    c.json(await getArticle(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.update, async (c) =>
    c.json(await updateArticle(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  );
  app.openapi(r.diff, async (c) =>
    c.json(await diffRevisions(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('query')), 200),
  );
  app.openapi(r.submit, async (c) =>
    c.json(await submitArticle(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.approve, async (c) =>
    c.json(
      await approveArticle(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').comment),
      200,
    ),
  );
  app.openapi(r.return, async (c) =>
    c.json(
      await returnArticle(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').comment),
      200,
    ),
  );
  app.openapi(r.schedule, async (c) =>
    c.json(
      await scheduleArticle(c.get('platform'), callerOf(c), c.req.valid('param').id, c.req.valid('json').publishAt),
      200,
    ),
  );
  app.openapi(r.publish, async (c) =>
    c.json(await publishArticle(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.unpublish, async (c) =>
    c.json(await unpublishArticle(c.get('platform'), callerOf(c), c.req.valid('param').id), 200),
  );
  app.openapi(r.upload, async (c) => {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    return c.json(await uploadImage(c.get('platform'), callerOf(c), bytes, c.req.valid('query').name ?? null), 201);
  });
}
