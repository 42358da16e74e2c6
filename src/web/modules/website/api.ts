import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  articleInput,
  articleListOut,
  articleOut,
  ArticleStatus,
  choicesOut,
  diffOut,
  imageOut,
} from '../../../server/modules/website/schema.ts';
import { api } from '../../app/api.ts';

/** The shapes of the website's editor API: the server's own schemas (ADR 14), types only. */
export type ArticleList = z.output<typeof articleListOut>;
export type ArticleSummary = ArticleList['items'][number];
export type Article = z.output<typeof articleOut>;
export type ArticleInput = z.input<typeof articleInput>;
export type Choices = z.output<typeof choicesOut>;
export type Diff = z.output<typeof diffOut>;
export type UploadedImage = z.output<typeof imageOut>;
export type { ArticleStatus };

export const websiteKeys = {
  all: ['website'] as const,
  list: (q: { status?: string; q?: string; page: number }) => ['website', 'list', q] as const,
  article: (id: string) => ['website', 'article', id] as const,
  diff: (id: string, from?: number, to?: number) => ['website', 'diff', id, from ?? null, to ?? null] as const,
  choices: ['website', 'choices'] as const,
};

export const useArticles = (q: { status?: ArticleStatus; q?: string; page: number }) =>
  useQuery({
    queryKey: websiteKeys.list(q),
    queryFn: ({ signal }) =>
      api<ArticleList>('/api/website/articles', { signal, query: { ...q, pageSize: 20 } as never }),
  });
export const useArticle = (id: string | null) =>
  useQuery({
    queryKey: websiteKeys.article(id ?? '-'),
    queryFn: ({ signal }) => api<Article>(`/api/website/articles/${id}`, { signal }),
    enabled: id !== null,
  });
export const useDiff = (id: string, from?: number, to?: number, enabled = true) =>
  useQuery({
    queryKey: websiteKeys.diff(id, from, to),
    queryFn: ({ signal }) =>
      api<Diff>(`/api/website/articles/${id}/diff`, {
        signal,
        query: { ...(from ? { from } : {}), ...(to ? { to } : {}) } as never,
      }),
    enabled,
  });
export const useChoices = () =>
  useQuery({
    queryKey: websiteKeys.choices,
    queryFn: ({ signal }) => api<Choices>('/api/website/choices', { signal }),
    staleTime: 5 * 60_000,
  });

function useWebsiteMutation<I, O>(send: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: websiteKeys.all }),
  });
}

export const useCreateArticle = () =>
  useWebsiteMutation((body: ArticleInput) => api<Article>('/api/website/articles', { method: 'POST', body }));
export const useSaveArticle = (id: string) =>
  useWebsiteMutation((body: ArticleInput) => api<Article>(`/api/website/articles/${id}`, { method: 'PUT', body }));
export type StepName = 'submit' | 'approve' | 'return' | 'schedule' | 'publish' | 'unpublish';
export const useStep = (id: string) =>
  useWebsiteMutation(({ step, body }: { step: StepName; body?: Record<string, string> }) =>
    api<Article>(`/api/website/articles/${id}/${step}`, {
      method: 'POST',
      body: body ?? (step === 'approve' ? {} : undefined),
    }),
  );

export function uploadArticleImage(file: File): Promise<UploadedImage> {
  return api<UploadedImage>('/api/website/images', {
    method: 'POST',
    query: { name: file.name },
    raw: { data: file, type: 'application/octet-stream' },
  });
}
