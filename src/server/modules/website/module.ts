import type {} from './tables.ts';
import { defineModule } from '../../platform/modules.ts';
import { registerFileOwner } from '../../platform/files/store.ts';
import { holdsAnywhere } from '../../platform/policy/policy.ts';
import * as m0018 from './migrations/0018_website.ts';

import { websiteDemo } from './demo.ts';
import { IMAGE_FILES, registerImageRoute } from './images.ts';
import { registerWebsiteRoutes } from './routes.ts';
import { registerWebsiteJobs } from './workflow.ts';
import { registerSiteFrame } from '../../site/frame.ts';
import { loadSiteFrame } from './site/frame.ts';
import { registerPublicSite } from './site/publicSite.tsx';

/** The Bloc's website: articles written, reviewed by the Propaganda Board and published on schedule (issue 17, ADR 24). */
export const website = defineModule({
  name: 'website',
  permissions: {
    'website.read': { vi: 'Xem bài viết của website (chưa đăng)', en: 'Read the website’s articles (unpublished too)' },
    'website.write': { vi: 'Viết, sửa và gửi duyệt bài viết', en: 'Write, edit and submit articles' },
    'website.oversee': {
      vi: 'Xem mọi bài viết (Văn phòng, Ban Tuyên giáo, lãnh đạo Khối)',
      en: 'See every article (the Office, the Propaganda Board, the Bloc’s leaders)',
    },
    'website.review': {
      vi: 'Duyệt, hẹn giờ, đăng và gỡ bài (Ban Tuyên giáo)',
      en: 'Review, schedule, publish and unpublish articles (Propaganda Board)',
    },
  },
  grants: {
    editor: ['website.read', 'website.write'],
    board_staff: ['website.read', 'website.write'],
    propaganda_staff: ['website.oversee', 'website.review'],
    office_staff: ['website.oversee'],
    bloc_leader: ['website.read', 'website.oversee'],
  },
  migrations: { '0018_website': m0018 },
  routes: [registerWebsiteRoutes],
  site: [registerImageRoute as never, registerPublicSite],
  demo: websiteDemo,

  setup(platform) {
    registerSiteFrame(loadSiteFrame);
    registerWebsiteJobs(platform);
    registerFileOwner({
      type: IMAGE_FILES,
      label: { vi: 'Ảnh bài viết', en: 'Article image' },
      mayRead: async (_p, reader) =>
        holdsAnywhere(reader.grants, 'website.read') || holdsAnywhere(reader.grants, 'website.write'),
    });
  },
  overview: [
    {
      key: 'websiteArticles',
      label: { vi: 'Bài viết website', en: 'Website articles' },
      permission: 'website.read',
      path: '/website/articles',
      count: async (p) =>
        Number(
          (
            await p.db
              .selectFrom('website_articles')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('status', '=', 'published')
              .executeTakeFirstOrThrow()
          ).n,
        ),
    },
  ],
});
