import GithubSlugger from 'github-slugger';
import type { HastPluginDefinition, HastPluginEntry } from 'satteri';

/**
 * Web, mail and phone links, fragments, and links within the site. `//host/x` (and `/\\host/x`, which browsers read
 * the same way) is protocol-relative: another site that looks like a path, so it is refused with the other schemes.
 */
const SAFE_URL = /^(https?:|mailto:|tel:|#|\/(?![/\\])|\.{1,2}\/)/i;

/**
 * Markdown from editors may contain raw HTML and odd links. Raw HTML is dropped (editors write markdown, and a
 * <script> or style="" would also break the Content-Security-Policy), and only web, mail, phone and site-relative
 * links survive.
 */
export const sanitizePlugin: HastPluginDefinition = {
  name: 'serviceportal-sanitize',
  raw(node, ctx) {
    ctx.removeNode(node);
  },
  element: {
    filter: ['a', 'img'],
    visit(node, ctx) {
      const key = node.tagName === 'a' ? 'href' : 'src';
      const url = node.properties?.[key];
      if (typeof url === 'string' && !SAFE_URL.test(url.trim())) ctx.setProperty(node, key, undefined);
    },
  },
};

/** Heading ids that survive Astro's own pass (it keeps an existing id), plus a visible # link to each heading. */
export const headingAnchorsPlugin: HastPluginEntry = () => {
  const slugger = new GithubSlugger();
  return {
    name: 'serviceportal-heading-anchors',
    element: {
      filter: ['h2', 'h3', 'h4'],
      visit(node, ctx) {
        const id = typeof node.properties?.id === 'string' ? node.properties.id : slugger.slug(ctx.textContent(node));
        ctx.setProperty(node, 'id', id);
        ctx.appendChild(node, {
          type: 'element',
          tagName: 'a',
          properties: { className: ['ds-link', 'heading-anchor'], href: `#${id}`, ariaHidden: 'true', tabIndex: -1 },
          children: [{ type: 'text', value: '#' }],
        });
      },
    },
  };
};

/** Links that leave the site are marked, for screen readers too, and do not pass on the reader's page. */
export const externalLinksPlugin: HastPluginDefinition = {
  name: 'serviceportal-external-links',
  element: {
    filter: ['a'],
    visit(node, ctx) {
      const href = node.properties?.href;
      if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return;
      ctx.setProperty(node, 'rel', ['external', 'noopener', 'noreferrer']);
      ctx.setProperty(node, 'className', ['ds-link', 'external']);
      ctx.appendChild(node, {
        type: 'element',
        tagName: 'span',
        properties: { className: ['ds-sr-only'] },
        children: [{ type: 'text', value: ' (ekstern lenke)' }],
      });
    },
  },
};

/**
 * Designsystemet's look for what Markdown produces: tables and links. A table sits in a box that scrolls sideways
 * when a phone is too narrow for it, so the page itself never does (WCAG 1.4.10 allows it for tables).
 */
export const designsystemPlugin: HastPluginDefinition = {
  name: 'serviceportal-designsystem',
  element: {
    filter: ['table', 'a'],
    visit(node, ctx) {
      if (node.tagName === 'table') {
        ctx.setProperty(node, 'className', ['ds-table']);
        ctx.wrapNode(node, { type: 'element', tagName: 'div', properties: { className: ['table-scroll'] }, children: [] });
      } else if (!node.properties?.className) ctx.setProperty(node, 'className', ['ds-link']);
    },
  },
};
