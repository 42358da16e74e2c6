import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  FileButton,
  Group,
  Image,
  Modal,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Timeline,
  Title,
} from '@mantine/core';
import { IconDeviceFloppy, IconPhotoUp } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth.tsx';
import { formatDateTime } from '../../app/format.ts';
import { CenterLoader } from '../../ui/CenterLoader.tsx';
import { ErrorAlert, fieldError } from '../../ui/errors.tsx';
import { NoPermission } from '../../ui/NoPermission.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import {
  type Article,
  type ArticleInput,
  type StepName,
  uploadArticleImage,
  useArticle,
  useChoices,
  useCreateArticle,
  useSaveArticle,
  useStep,
} from './api.ts';
import { BodyEditor } from './BodyEditor.tsx';
import { History } from './History.tsx';
import { StatusBadge } from './StatusBadge.tsx';

type Form = {
  title: string;
  slug: string;
  summary: string;
  bodyHtml: string;
  categorySlug: string;
  tags: string[];
  author: string;
  cover: { imageId: string; src: string } | null;
  coverAlt: string;
  coverCaption: string;
  activityIds: string[];
  unitIds: string[];
};

const formOf = (a: Article | undefined, author: string): Form => ({
  title: a?.title ?? '',
  slug: a?.slug ?? '',
  summary: a?.summary ?? '',
  bodyHtml: a?.bodyHtml ?? '',
  categorySlug: a?.category.slug ?? 'tin-hoat-dong',
  tags: a?.tags.map((t) => t.name) ?? [],
  author: a?.author ?? author,
  cover: a?.cover ? { imageId: a.cover.imageId, src: a.cover.src } : null,
  coverAlt: a?.cover?.alt ?? '',
  coverCaption: a?.cover?.caption ?? '',
  activityIds: a?.activities.map((x) => x.id) ?? [],
  unitIds: a?.units.map((x) => x.id) ?? [],
});

const inputOf = (f: Form): ArticleInput => ({
  title: f.title,
  ...(f.slug ? { slug: f.slug } : {}),
  summary: f.summary,
  bodyHtml: f.bodyHtml,
  categorySlug: f.categorySlug,
  tags: f.tags,
  author: f.author,
  coverImageId: f.cover?.imageId ?? null,
  coverAlt: f.cover ? f.coverAlt : null,
  coverCaption: f.cover && f.coverCaption ? f.coverCaption : null,
  activityIds: f.activityIds,
  unitIds: f.unitIds,
});

/** Writing or reviewing one article: the form, the body editor, the workflow's buttons, the history. */
export function ArticlePage() {
  const { articleId } = useParams({ strict: false }) as { articleId?: string };
  const id = articleId ?? null;
  const auth = useAuth();
  const article = useArticle(id);
  if (!auth.can('website.read')) return <NoPermission />;
  if (id && article.isPending) return <CenterLoader />;
  if (id && article.error) return <ErrorAlert error={article.error} />;
  return (
    <Editor
      key={`${id ?? 'new'}:${article.data?.revision ?? 0}:${article.data?.status ?? ''}`}
      article={article.data}
    />
  );
}

function Editor({ article }: { article: Article | undefined }) {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const navigate = useNavigate();
  const choices = useChoices();
  const [form, setForm] = useState<Form>(() => formOf(article, auth.me?.user.displayName ?? ''));
  const [dirty, setDirty] = useState(false);
  const [coverError, setCoverError] = useState<string | null>(null);
  const [uploadingCover, setUploadingCover] = useState(false);
  const create = useCreateArticle();
  const save = useSaveArticle(article?.id ?? '-');
  const step = useStep(article?.id ?? '-');
  const [dialog, setDialog] = useState<null | 'return' | 'schedule' | 'approve'>(null);
  const [comment, setComment] = useState('');
  const [when, setWhen] = useState('');
  const set = <K extends keyof Form>(k: K, v: Form[K]) => {
    setForm((f) => ({ ...f, [k]: v }));
    setDirty(true);
  };
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  const may = article?.may;
  const editable = !article || may?.edit;
  const saving = create.isPending || save.isPending;
  const error = create.error ?? save.error;
  const err = (path: string) => fieldError(error, path, i18n.language);
  const onSave = async () => {
    if (article) {
      await save.mutateAsync(inputOf(form));
      setDirty(false);
    } else {
      const made = await create.mutateAsync(inputOf(form));
      setDirty(false);
      await navigate({ to: `/website/articles/${made.id}` });
    }
  };
  const run = async (name: StepName, body?: Record<string, string>) => {
    await step.mutateAsync({ step: name, body });
    setDialog(null);
  };
  const onCover = async (file: File | null) => {
    if (!file) return;
    setCoverError(null);
    setUploadingCover(true);
    try {
      const image = await uploadArticleImage(file);
      set('cover', { imageId: image.id, src: image.src.replace(/\/\d+\.jpg$/, `/${image.widths[0]}.jpg`) });
    } catch (e) {
      setCoverError(e instanceof Error ? e.message : String(e));
    } finally {
      setUploadingCover(false);
    }
  };
  const categories = (choices.data?.categories ?? []).map((c) => ({ value: c.slug, label: c.name }));
  const activities = [
    ...(choices.data?.activities ?? []),
    ...(article?.activities ?? []).filter((a) => !choices.data?.activities.some((c) => c.id === a.id)),
  ].map((a) => ({ value: a.id, label: a.name }));
  const units = [
    ...(choices.data?.units ?? []),
    ...(article?.units ?? []).filter((a) => !choices.data?.units.some((c) => c.id === a.id)),
  ].map((a) => ({ value: a.id, label: a.name }));

  return (
    <>
      <PageHeader
        title={article ? article.title : t('website.editor.newTitle')}
        description={
          article ? (
            <Group gap="xs" component="span">
              <StatusBadge status={article.status} />
              <span>
                {t('website.editor.revision', { n: article.revision })}
                {article.scheduledFor
                  ? ` · ${t('website.list.scheduledFor', { date: formatDateTime(article.scheduledFor) })}`
                  : ''}
                {article.publishedAt && article.status === 'published'
                  ? ` · ${t('website.list.publishedOn', { date: formatDateTime(article.publishedAt) })}`
                  : ''}
              </span>
            </Group>
          ) : (
            t('website.editor.newDescription')
          )
        }
      />
      {article?.reviewComment && article.status === 'returned' ? (
        <Alert color="orange" mb="md" title={t('website.editor.returnedTitle')} data-testid="website-review-comment">
          {article.reviewComment}
        </Alert>
      ) : null}
      {article ? (
        <Group gap="xs" mb="md" data-testid="website-actions">
          {may?.submit ? (
            <Button
              onClick={() => run('submit')}
              loading={step.isPending}
              disabled={dirty}
              data-testid="website-submit"
            >
              {t('website.actions.submit')}
            </Button>
          ) : null}
          {may?.approve ? (
            <Button
              color="teal"
              onClick={() => {
                setComment('');
                setDialog('approve');
              }}
              disabled={dirty}
              data-testid="website-approve"
            >
              {t('website.actions.approve')}
            </Button>
          ) : null}
          {may?.return ? (
            <Button
              color="orange"
              variant="light"
              onClick={() => {
                setComment('');
                setDialog('return');
              }}
              disabled={dirty}
              data-testid="website-return"
            >
              {t('website.actions.return')}
            </Button>
          ) : null}
          {may?.schedule ? (
            <Button
              variant="light"
              onClick={() => {
                setWhen('');
                setDialog('schedule');
              }}
              disabled={dirty}
              data-testid="website-schedule"
            >
              {t('website.actions.schedule')}
            </Button>
          ) : null}
          {may?.publish ? (
            <Button
              color="green"
              onClick={() => run('publish')}
              loading={step.isPending}
              disabled={dirty}
              data-testid="website-publish"
            >
              {t('website.actions.publish')}
            </Button>
          ) : null}
          {may?.unpublish ? (
            <Button
              color="dark"
              variant="light"
              onClick={() => run('unpublish')}
              loading={step.isPending}
              data-testid="website-unpublish"
            >
              {t('website.actions.unpublish')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {step.error ? <ErrorAlert error={step.error} /> : null}
      <Stack gap="md">
        <TextInput
          label={t('website.editor.title')}
          value={form.title}
          onChange={(e) => set('title', e.currentTarget.value)}
          required
          readOnly={!editable}
          error={err('title')}
          data-testid="website-title"
        />
        <TextInput
          label={t('website.editor.slug')}
          description={article?.slugLocked ? t('website.editor.slugLocked') : t('website.editor.slugHint')}
          value={form.slug}
          onChange={(e) => set('slug', e.currentTarget.value)}
          readOnly={!editable || article?.slugLocked}
          error={err('slug')}
        />
        <Textarea
          label={t('website.editor.summary')}
          value={form.summary}
          onChange={(e) => set('summary', e.currentTarget.value)}
          autosize
          minRows={2}
          readOnly={!editable}
          error={err('summary')}
          data-testid="website-summary"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label={t('website.editor.category')}
            data={categories}
            value={form.categorySlug}
            onChange={(v) => v && set('categorySlug', v)}
            readOnly={!editable}
            allowDeselect={false}
            error={err('categorySlug')}
          />
          <TextInput
            label={t('website.editor.author')}
            value={form.author}
            onChange={(e) => set('author', e.currentTarget.value)}
            readOnly={!editable}
            required
            error={err('author')}
          />
        </SimpleGrid>
        <TagsInput
          label={t('website.editor.tags')}
          description={t('website.editor.tagsHint')}
          value={form.tags}
          onChange={(v) => set('tags', v)}
          maxTags={12}
          readOnly={!editable}
          error={err('tags')}
        />
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Text fw={600} size="sm">
              {t('website.editor.cover')}
            </Text>
            {form.cover ? <Image src={form.cover.src} alt={form.coverAlt} maw={480} radius="sm" /> : null}
            {editable ? (
              <Group gap="xs">
                <FileButton onChange={onCover} accept="image/png,image/jpeg,image/webp">
                  {(props) => (
                    <Button
                      {...props}
                      variant="default"
                      leftSection={<IconPhotoUp size={16} />}
                      loading={uploadingCover}
                      data-testid="website-cover-upload"
                    >
                      {form.cover ? t('website.editor.coverReplace') : t('website.editor.coverUpload')}
                    </Button>
                  )}
                </FileButton>
                {form.cover ? (
                  <Button variant="subtle" color="red" onClick={() => set('cover', null)}>
                    {t('website.editor.coverRemove')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
            {coverError ? (
              <Text c="red" size="sm" role="alert">
                {coverError}
              </Text>
            ) : null}
            {form.cover ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('website.editor.alt')}
                  description={t('website.editor.altHint')}
                  value={form.coverAlt}
                  onChange={(e) => set('coverAlt', e.currentTarget.value)}
                  required
                  readOnly={!editable}
                  error={err('coverAlt')}
                  data-testid="website-cover-alt"
                />
                <TextInput
                  label={t('website.editor.caption')}
                  value={form.coverCaption}
                  onChange={(e) => set('coverCaption', e.currentTarget.value)}
                  readOnly={!editable}
                  error={err('coverCaption')}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
        </Card>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <MultiSelect
            label={t('website.editor.activities')}
            data={activities}
            value={form.activityIds}
            onChange={(v) => set('activityIds', v)}
            searchable
            readOnly={!editable}
            error={err('activityIds')}
            data-testid="website-activities"
          />
          <MultiSelect
            label={t('website.editor.units')}
            data={units}
            value={form.unitIds}
            onChange={(v) => set('unitIds', v)}
            searchable
            readOnly={!editable}
            error={err('unitIds')}
          />
        </SimpleGrid>
        <div>
          <Text fw={500} size="sm" mb={4}>
            {t('website.editor.body')}
          </Text>
          {editable ? (
            <BodyEditor initial={form.bodyHtml} onChange={(html) => set('bodyHtml', html)} />
          ) : (
            <Card withBorder>
              {/* the body as the server stored it: sanitised by its allow-list (ADR 24) */}
              <div className="website-body-preview" dangerouslySetInnerHTML={{ __html: form.bodyHtml }} />
            </Card>
          )}
          {err('bodyHtml') ? (
            <Text c="red" size="sm">
              {err('bodyHtml')}
            </Text>
          ) : null}
        </div>
        {error &&
        ![
          'title',
          'slug',
          'summary',
          'categorySlug',
          'author',
          'tags',
          'coverAlt',
          'coverCaption',
          'activityIds',
          'unitIds',
          'bodyHtml',
        ].some((p) => err(p)) ? (
          <ErrorAlert error={error} />
        ) : null}
        {editable ? (
          <Group justify="flex-end">
            <Button
              onClick={onSave}
              loading={saving}
              leftSection={<IconDeviceFloppy size={16} />}
              data-testid="website-save"
            >
              {article ? t('website.editor.save') : t('website.editor.create')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {article ? (
        <>
          <Title order={3} mt="xl" mb="sm">
            {t('website.history.title')}
          </Title>
          <History article={article} />
          <Title order={4} mt="lg" mb="sm">
            {t('website.history.steps')}
          </Title>
          <Timeline bulletSize={14} lineWidth={2}>
            {article.events.map((e) => (
              <Timeline.Item
                key={`${e.at}-${e.action}`}
                title={t(`website.step.${e.action as 'save'}`, { defaultValue: e.action })}
              >
                <Text size="xs" c="dimmed">
                  {formatDateTime(e.at)} · {e.actor} · {t('website.editor.revision', { n: e.revision })}
                </Text>
                {e.comment ? <Text size="sm">{e.comment}</Text> : null}
              </Timeline.Item>
            ))}
          </Timeline>
        </>
      ) : null}
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        title={dialog ? t(`website.actions.${dialog}`) : ''}
      >
        {dialog === 'schedule' ? (
          <Stack>
            <TextInput
              type="datetime-local"
              label={t('website.actions.when')}
              value={when}
              onChange={(e) => setWhen(e.currentTarget.value)}
              data-testid="website-schedule-at"
            />
            {step.error ? <ErrorAlert error={step.error} /> : null}
            <Button
              disabled={!when}
              onClick={() => run('schedule', { publishAt: new Date(when).toISOString() })}
              loading={step.isPending}
            >
              {t('website.actions.schedule')}
            </Button>
          </Stack>
        ) : (
          <Stack>
            <Textarea
              label={t('website.actions.comment')}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
              autosize
              minRows={3}
              required={dialog === 'return'}
              data-testid="website-comment"
            />
            {step.error ? <ErrorAlert error={step.error} /> : null}
            <Button
              disabled={dialog === 'return' && !comment.trim()}
              onClick={() => run(dialog === 'return' ? 'return' : 'approve', { comment })}
              loading={step.isPending}
              data-testid="website-confirm"
            >
              {dialog ? t(`website.actions.${dialog}`) : ''}
            </Button>
          </Stack>
        )}
      </Modal>
    </>
  );
}
