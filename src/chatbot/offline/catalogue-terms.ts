/**
 * How the offline assistant recognises the catalogue in free text: each skill by its name, its
 * slug and the usual short forms of both; each category by the words of its name and
 * description, plus a few everyday words people use for that kind of work.
 */
import type { Category, Skill } from '../../contract/schemas.ts';

/** The catalogue as the contract writes it: the rows the assistant reads and answers with. */
export type Catalogue = { categories: Category[]; skills: Skill[] };

/** Everyday words for the curated categories; a category not listed here has its own words only. */
const EVERYDAY_WORDS: Record<string, string[]> = {
  design: ['logo', 'brand', 'poster', 'flyer', 'mockup', 'banner', 'icon', 'visual', 'graphic', 'packaging', 'wireframe', 'print', 'menu', 'layout'],
  writing: ['article', 'blog', 'copy', 'translate', 'proofread', 'edit', 'ebook', 'writer', 'manual', 'documentation'],
  'web-development': ['website', 'site', 'web', 'backend', 'frontend', 'crm', 'stripe', 'plugin', 'ecommerce', 'checkout', 'server', 'database'],
  'mobile-development': ['app', 'iphone', 'ipad', 'mobile', 'smartphone'],
  'data-science': ['data', 'dashboard', 'analysis', 'analyse', 'analyze', 'statistics', 'forecast', 'spreadsheet', 'report', 'prediction', 'dataset', 'scrape'],
  marketing: ['campaign', 'ads', 'leads', 'newsletter', 'instagram', 'facebook', 'tiktok', 'linkedin', 'audience', 'followers', 'promotion', 'traffic'],
};

/** Everyday words a short form of a skill's name must not be taken for. */
const COMMON_WORDS = new Set(['next', 'express', 'ember']);

const STOPWORDS = new Set(['and', 'the', 'for', 'with', 'from', 'into', 'our', 'your', 'their', 'other', 'that', 'this', 'apps']);

/** A light stemmer: enough for "logos" to meet "logo", "translation" to meet "translate". */
export function stem(word: string): string {
  const lower = word.toLowerCase();
  const rules: [string, string][] = [['isation', 'is'], ['ization', 'iz'], ['ation', 'at'], ['ions', ''], ['ion', ''], ['ing', ''], ['ers', ''], ['er', ''], ['es', ''], ['ed', ''], ['s', ''], ['e', '']];
  for (const [suffix, replacement] of rules) {
    if (lower.endsWith(suffix) && lower.length - suffix.length + replacement.length >= 3) return lower.slice(0, -suffix.length) + replacement;
  }
  return lower;
}

/** The words of a text, as stems. */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map(stem);
}

export type SkillTerm = { skill: Skill; pattern: RegExp; length: number };

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Ways of writing a skill: its name, its slug spelled out, the name without ".js", "&" parts, a singular. */
function skillAliases(skill: Skill): string[] {
  const name = skill.name.toLowerCase();
  const aliases = new Set([name, skill.slug.replace(/-/g, ' '), skill.slug]);
  // "Vue" for Vue.js, but not "next" for Next.js: "by next week" is not a skill.
  if (name.endsWith('.js')) aliases.add(name.replace('.', ''));
  if (name.endsWith('.js') && !COMMON_WORDS.has(name.slice(0, -3))) aliases.add(name.slice(0, -3));
  if (name.includes(' & ')) for (const part of name.split(' & ')) aliases.add(part);
  if (name.endsWith('s') && name.length > 4) aliases.add(name.slice(0, -1));
  if (name.startsWith('adobe ')) aliases.add(name.slice(6));
  if (name === 'machine learning') aliases.add('ml');
  if (name === 'social media marketing') aliases.add('social media');
  return [...aliases].filter((alias) => alias.length >= 2);
}

/**
 * An alias as a pattern: words of four letters or more match any ending of their stem, so that
 * "web scraper" finds Web Scraping and "logo designer" Logo Design; "X Translation" is also
 * "translated into X".
 */
function aliasPattern(alias: string): string {
  const words = alias.split(/\s+/);
  const pattern = words.length > 1 ? words.map((word) => (/^[\p{L}]{4,}$/u.test(word) ? `${escape(stem(word))}\\p{L}*` : escape(word))).join('\\s+') : escape(alias);
  const language = /^(\p{L}+) translation$/u.exec(alias);
  return language ? `${pattern}|translat\\p{L}*\\s+(?:\\p{L}+\\s+){0,4}?(?:in)?to\\s+${escape(language[1]!)}` : pattern;
}

/** One pattern per skill, longest first, so that "React Native" is found before "React". */
export function skillTerms(catalogue: Catalogue): SkillTerm[] {
  return catalogue.skills
    .map((skill) => {
      const aliases = skillAliases(skill).sort((a, b) => b.length - a.length);
      // Word edges that also hold around "node.js", "html & css" and "c++"-like names.
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${aliases.map(aliasPattern).join('|')})(?![\\p{L}\\p{N}]|\\.[\\p{L}])`, 'giu');
      return { skill, pattern, length: Math.max(...aliases.map((alias) => alias.length)) };
    })
    .sort((a, b) => b.length - a.length);
}

/** For each category, the stems that point to it (its name and description words, and everyday words). */
export function categoryStems(catalogue: Catalogue): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const category of catalogue.categories) {
    const words = [category.name, category.description, ...(EVERYDAY_WORDS[category.slug] ?? [])].join(' ');
    result.set(category.slug, new Set(stems(words).filter((word) => word.length >= 3 && !STOPWORDS.has(word))));
  }
  return result;
}
