import type { SiteConfig } from '../../src/config.ts';
import { toParagraphsHtml } from '../../src/emit/html.ts';
import type { Article } from '../../src/model/article.ts';

/** A fresh copy of the sample publication's configuration (Global Times); spread to vary it. */
export function makeSite(overrides: Partial<SiteConfig> = {}): SiteConfig {
  return {
    name: 'Global Times',
    url: 'https://www.globaltimes.cn/',
    language: 'en',
    timeZone: 'Asia/Shanghai',
    logo: { url: 'https://www.globaltimes.cn/img/logo1.png', width: 600, height: 60 },
    copyright: { holder: 'Global Times', notice: 'Copyright Global Times. All rights reserved.' },
    feed: {
      title: 'Global Times',
      description: 'News and opinion from China and around the world by Global Times.',
      baseUrl: 'https://www.globaltimes.cn/syndication/',
      limit: 50,
    },
    permalink: '/page/{yyyy}{mm}/{id}.shtml',
    sectionPermalink: '/{path}/',
    guidPrefix: 'tag:globaltimes.cn,2024:article:',
    newsml: { provider: { name: 'Global Times', uri: 'https://www.globaltimes.cn/' } },
    mediaTopics: { Society: { qcode: 'medtop:14000000', name: 'society' } },
    ...overrides,
  };
}

/**
 * A fresh article shaped like the sample (no byline, one photo without URL); spread to vary it.
 * `bodyHtml` follows the given `paragraphs` (one `<p>` each, as wire copy) unless given itself.
 */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  const id = overrides.id ?? 'cyberspace-governance';
  const paragraphs = overrides.paragraphs ?? [
    'China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.',
    'Cyberspace surveillance, cyberattacks, and cyber terrorism have become global public nuisances, Li said.',
  ];
  return {
    id,
    guid: `tag:globaltimes.cn,2024:article:${id}`,
    source: `input/articles/${id}.txt`,
    url: `https://www.globaltimes.cn/page/202409/${id}.shtml`,
    headline: 'China plays greater role in global cyberspace governance, narrowing tech gap among countries: scholars',
    sections: ['China', 'Society'],
    datePublished: '2024-09-04T21:03:00+08:00',
    authors: [],
    keywords: [],
    description:
      'China is actively taking responsibility in addressing the challenges of cyberspace governance, playing a crucial role in narrowing the technological gap among countries, scholars attending a seminar in Beijing said on Tuesday.',
    paragraphs,
    bodyHtml: toParagraphsHtml(paragraphs),
    images: [
      {
        caption:
          "Scholars from China, South Korea, the UK, and Australia discuss how China's proposal to build a community of shared future in cyberspace has contributed to global cyberspace governance at a seminar themed around Advancing the Building of a Community With a Shared Future in Cyberspace to a New Stage.",
        credit: 'Liu Caiyu/GT',
      },
    ],
    language: 'en',
    ...overrides,
  };
}

/** A richer article: two bylines, an update time, a dateline, keywords and two photos with URLs. */
export function makeRichArticle(overrides: Partial<Article> = {}): Article {
  return makeArticle({
    id: 'rich-story',
    guid: 'tag:globaltimes.cn,2024:article:rich-story',
    source: 'input/articles/rich-story.txt',
    url: 'https://www.globaltimes.cn/page/202409/rich-story.shtml',
    headline: 'Tariffs & trade: "<b>" is not a tag — 关税 (Zölle) ☕',
    datePublished: '2024-09-05T08:30:00+08:00',
    dateModified: '2024-09-05T10:15:00+08:00',
    authors: [{ name: 'Liu Caiyu' }, { name: 'Zhang Han', url: 'https://www.globaltimes.cn/author/zhang-han' }],
    dateline: 'BEIJING',
    keywords: ['trade', 'tariffs'],
    images: [
      { url: 'https://www.globaltimes.cn/photo/a.jpg', width: 1200, height: 675, contentType: 'image/jpeg', caption: 'A port in Shanghai & ships <at> dawn.', credit: 'Li Hao/GT' },
      { url: 'https://www.globaltimes.cn/photo/b.png', width: 800, height: 800, contentType: 'image/png', caption: 'Second photo.' },
    ],
    ...overrides,
  });
}
