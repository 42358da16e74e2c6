import { expect, it } from 'vitest';
import { describeEachDatabase } from '../../../../test/support/databases.ts';
import { useTestEnv } from '../../../../test/support/platform.ts';
import { publishedArticle, publishedArticles, searchPublishedArticles } from './index.ts';

/**
 * The website's demo: a dozen 2019 articles on the seed's activities, through the same services,
 * with covers drawn and uploaded (resized once); most published, one submitted, one draft, one
 * scheduled for 06/9/2019; loading again adds nothing.
 */
describeEachDatabase('website demo', (kind) => {
  const env = useTestEnv(kind, {}, { demo: ['organisation', 'plans'] });

  it('loads the seed’s publicity once, through the workflow', async () => {
    const { platform } = env();
    const { websiteDemo } = await import('./demo.ts');
    expect(await websiteDemo.load(platform)).toBe(12);
    expect(await websiteDemo.load(platform)).toBe(0);
    const rows = await platform.db
      .selectFrom('website_articles')
      .select(['slug', 'status', 'published_at', 'cover_image_id', 'activity_ids_json'])
      .execute();
    const by = (s: string) => rows.filter((r) => r.status === s).length;
    expect({
      published: by('published'),
      submitted: by('submitted'),
      draft: by('draft'),
      scheduled: by('scheduled'),
    }).toEqual({
      published: 9,
      submitted: 1,
      draft: 1,
      scheduled: 1,
    });
    for (const r of rows) {
      expect(r.cover_image_id).not.toBeNull();
      expect(JSON.parse(r.activity_ids_json).length).toBeGreaterThan(0);
      if (r.published_at)
        expect(r.published_at.slice(0, 7) >= '2019-06' && r.published_at.slice(0, 7) <= '2019-09').toBe(true);
    }
    const variants = await platform.db
      .selectFrom('website_image_variants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(variants.n)).toBe(12 * 6);
    const list = await publishedArticles(platform.db, { page: 1, pageSize: 5 });
    expect(list.total).toBe(9);
    expect(list.items[0].slug).toBe('hoi-nghi-bieu-duong-ky-niem-15-nam-thanh-lap-dang-bo-khoi');
    const tournament = (await publishedArticle(platform.db, 'giai-cau-long-cong-nhan-2019'))!;
    expect(tournament.cover!.sources[0].srcset).toMatch(
      /^\/anh\/[0-9a-f-]+\/480\.avif 480w, \/anh\/[0-9a-f-]+\/960\.avif 960w$/,
    );
    expect(
      (await searchPublishedArticles(platform.db, 'dem giao luu cap khoi', { page: 1, pageSize: 10 })).items.map(
        (i) => i.slug,
      ),
    ).toEqual(['lien-hoan-tieng-hat-thanh-nien-cong-nhan-2019']);
  }, 900_000);
});
