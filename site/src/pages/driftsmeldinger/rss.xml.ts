import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { allNotices, serviceNames } from '../../lib/content.ts';
import { SEVERITY } from '../../lib/notice-labels.ts';

/** Every published notice, newest first, so subscribers also see planned work and when it ended. */
export async function GET(context: APIContext) {
  const notices = await allNotices();
  const names = await serviceNames();
  return rss({
    title: 'Serviceportal – driftsmeldinger',
    description: 'Driftsforstyrrelser og planlagt vedlikehold for Nødnett og kontrollrommene i helsetjenesten.',
    site: context.site ?? 'http://localhost:4321',
    customData: '<language>nb</language>',
    items: notices.map((notice) => ({
      title: notice.data.title,
      link: `/driftsmeldinger/#${notice.id}`,
      pubDate: notice.data.start,
      description: `${SEVERITY[notice.data.severity].label}. ${notice.data.services.map((id) => names[id]).join(', ')}. ${notice.data.expectedEnd ? `Ventet slutt: ${notice.data.expectedEnd.toISOString()}. ` : ''}${(notice.body ?? '').replace(/^:::.*$/gm, '')}`.trim(),
    })),
  });
}
