import { defineModule } from '../../platform/modules.ts';
import { registerSiteFrame } from '../../site/frame.ts';
import { loadSiteFrame } from './site/frame.ts';
import { registerPublicSite } from './site/publicSite.tsx';

/** The Bloc's public website (issue 17): the public pages at `/`, and the articles its editors write. */
export const website = defineModule({
  name: 'website',
  site: [registerPublicSite],
  setup: () => registerSiteFrame(loadSiteFrame),
});
