/**
 * Deterministic synthetic freelance marketplace.
 *
 * Shared by the offline evaluation of the task recommender and by the
 * benchmark seed, so both see the same kind of data without touching a
 * database or real users. It is a pure function of its options: the same seed
 * gives byte-identical output, which keeps evaluation numbers comparable
 * between runs and benchmark seeds reproducible.
 *
 * Why the model looks like this: behaviour is driven by hidden topics that a
 * recommender never sees, only their noisy traces (declared skills with gaps
 * and noise, free text sharing a topic vocabulary, categories that several
 * topics share, off-topic applications, popular tasks). Category alone is a
 * weak signal because topics of one category overlap in skills; skills and
 * words together are stronger; application history is strongest. Freshness
 * matters because people apply to recent tasks, as on a real marketplace, so
 * a recommender that ignores time is penalised. Popularity is skewed (Zipf
 * topics, lognormal task appeal) so that "recommend what is popular" is a
 * non-trivial baseline rather than a winning one.
 */

export type CatalogueSkill = { id: number; slug: string; name: string; categoryId: number };
export type SyntheticOptions = {
  seed: number;
  freelancers: number;
  clients: number;
  tasks: number;
  applicationsPerFreelancer: [min: number, max: number];
  now: Date;
  days: number;
};
export type SkillLevel = 'beginner' | 'intermediate' | 'expert';
export type SyntheticFreelancer = {
  key: number;
  username: string;
  firstName: string;
  lastName: string;
  bio: string;
  skills: { skillId: number; level: SkillLevel; yearsExperience: number }[];
  preferredCategoryIds: number[];
  hourlyRateMinor: number;
  topics: number[] /* hidden, for diagnostics only */;
};
export type SyntheticClient = { key: number; username: string; firstName: string; lastName: string };
export type SyntheticTask = {
  key: number;
  clientKey: number;
  title: string;
  description: string;
  categoryId: number;
  skillIds: number[];
  budgetMinor: number;
  currency: 'usd';
  remote: boolean;
  createdAt: Date;
  topic: number;
};
export type SyntheticApplication = {
  taskKey: number;
  freelancerKey: number;
  bidMinor: number;
  proposal: string;
  createdAt: Date;
};
export type SyntheticMarketplace = {
  clients: SyntheticClient[];
  freelancers: SyntheticFreelancer[];
  tasks: SyntheticTask[];
  applications: SyntheticApplication[] /* sorted by createdAt ascending */;
};

export const CATALOGUE_SKILLS: CatalogueSkill[] = [
  { id: 15, slug: 'figma', name: 'Figma', categoryId: 1 },
  { id: 19, slug: 'ui-design', name: 'UI Design', categoryId: 1 },
  { id: 20, slug: 'ux-research', name: 'UX Research', categoryId: 1 },
  { id: 21, slug: 'logo-design', name: 'Logo Design', categoryId: 1 },
  { id: 22, slug: 'illustration', name: 'Illustration', categoryId: 1 },
  { id: 23, slug: 'branding', name: 'Branding', categoryId: 1 },
  { id: 24, slug: 'photoshop', name: 'Adobe Photoshop', categoryId: 1 },
  { id: 25, slug: 'motion-graphics', name: 'Motion Graphics', categoryId: 1 },
  { id: 16, slug: 'copywriting', name: 'Copywriting', categoryId: 2 },
  { id: 26, slug: 'technical-writing', name: 'Technical Writing', categoryId: 2 },
  { id: 27, slug: 'arabic-translation', name: 'Arabic Translation', categoryId: 2 },
  { id: 28, slug: 'french-translation', name: 'French Translation', categoryId: 2 },
  { id: 29, slug: 'proofreading', name: 'Proofreading', categoryId: 2 },
  { id: 30, slug: 'blog-writing', name: 'Blog Writing', categoryId: 2 },
  { id: 31, slug: 'seo-writing', name: 'SEO Writing', categoryId: 2 },
  { id: 12, slug: 'typescript', name: 'TypeScript', categoryId: 3 },
  { id: 13, slug: 'react', name: 'React', categoryId: 3 },
  { id: 17, slug: 'rest-apis', name: 'REST APIs', categoryId: 3 },
  { id: 18, slug: 'django', name: 'Django', categoryId: 3 },
  { id: 32, slug: 'nodejs', name: 'Node.js', categoryId: 3 },
  { id: 33, slug: 'vue', name: 'Vue.js', categoryId: 3 },
  { id: 34, slug: 'php', name: 'PHP', categoryId: 3 },
  { id: 35, slug: 'wordpress', name: 'WordPress', categoryId: 3 },
  { id: 36, slug: 'graphql', name: 'GraphQL', categoryId: 3 },
  { id: 37, slug: 'html-css', name: 'HTML & CSS', categoryId: 3 },
  { id: 38, slug: 'nextjs', name: 'Next.js', categoryId: 3 },
  { id: 39, slug: 'shopify', name: 'Shopify', categoryId: 3 },
  { id: 40, slug: 'swift', name: 'Swift', categoryId: 4 },
  { id: 41, slug: 'kotlin', name: 'Kotlin', categoryId: 4 },
  { id: 42, slug: 'flutter', name: 'Flutter', categoryId: 4 },
  { id: 43, slug: 'react-native', name: 'React Native', categoryId: 4 },
  { id: 44, slug: 'ios', name: 'iOS', categoryId: 4 },
  { id: 45, slug: 'android', name: 'Android', categoryId: 4 },
  { id: 46, slug: 'firebase', name: 'Firebase', categoryId: 4 },
  { id: 11, slug: 'python', name: 'Python', categoryId: 5 },
  { id: 14, slug: 'postgresql', name: 'PostgreSQL', categoryId: 5 },
  { id: 47, slug: 'machine-learning', name: 'Machine Learning', categoryId: 5 },
  { id: 48, slug: 'pandas', name: 'pandas', categoryId: 5 },
  { id: 49, slug: 'sql', name: 'SQL', categoryId: 5 },
  { id: 50, slug: 'data-visualization', name: 'Data Visualization', categoryId: 5 },
  { id: 51, slug: 'web-scraping', name: 'Web Scraping', categoryId: 5 },
  { id: 52, slug: 'power-bi', name: 'Power BI', categoryId: 5 },
  { id: 53, slug: 'nlp', name: 'NLP', categoryId: 5 },
  { id: 54, slug: 'excel', name: 'Excel', categoryId: 5 },
  { id: 55, slug: 'seo', name: 'SEO', categoryId: 6 },
  { id: 56, slug: 'social-media', name: 'Social Media Marketing', categoryId: 6 },
  { id: 57, slug: 'google-ads', name: 'Google Ads', categoryId: 6 },
  { id: 58, slug: 'email-marketing', name: 'Email Marketing', categoryId: 6 },
  { id: 59, slug: 'content-strategy', name: 'Content Strategy', categoryId: 6 },
  { id: 60, slug: 'lead-generation', name: 'Lead Generation', categoryId: 6 },
  { id: 61, slug: 'google-analytics', name: 'Google Analytics', categoryId: 6 },
];

type Topic = {
  categoryId: number;
  role: string; // used in bios
  skills: number[]; // core skills; shared across topics of a category on purpose
  words: string[];
  titles: string[]; // {w} = a topic word
  budgetMedian: number; // minor units
};

const TOPICS: Topic[] = [
  // 1 design
  {
    categoryId: 1, role: 'brand designer', skills: [23, 21, 22, 24], budgetMedian: 40000,
    words: ['logo', 'brand identity', 'brand guidelines', 'color palette', 'wordmark', 'typography', 'visual identity', 'rebrand', 'business cards', 'mascot', 'style guide', 'icon set'],
    titles: ['Design a {w} for our new company', 'Need {w} and {w} for a startup', '{w} refresh: {w} needed', 'Looking for a designer to create our {w}'],
  },
  {
    categoryId: 1, role: 'product designer', skills: [15, 19, 20, 37], budgetMedian: 60000,
    words: ['dashboard mockups', 'wireframes', 'design system', 'user flows', 'clickable prototype', 'usability testing', 'onboarding screens', 'component library', 'app screens', 'user interviews', 'high-fidelity mockups', 'information architecture'],
    titles: ['Figma {w} for a SaaS product', 'Need {w} and {w}', 'Product designer for {w}', 'Redesign our {w}'],
  },
  {
    categoryId: 1, role: 'motion designer', skills: [25, 22, 24, 56], budgetMedian: 50000,
    words: ['animated explainer', 'lottie animations', 'intro animation', 'storyboard', 'after effects', 'kinetic typography', 'animated logo', 'short reels', 'transitions', 'explainer video', '2d animation', 'lower thirds'],
    titles: ['Create a 60 second {w}', 'Motion designer for {w}', 'Need {w} with {w}', '{w} for product launch'],
  },
  {
    categoryId: 1, role: 'graphic designer', skills: [24, 22, 23, 56], budgetMedian: 15000,
    words: ['banner ads', 'instagram posts', 'youtube thumbnails', 'flyers', 'packaging design', 'poster', 'photo retouching', 'ad creatives', 'print ready files', 'infographic', 'social media graphics', 'brochure'],
    titles: ['Design {w} for our campaign', 'Need a set of {w}', 'Quick {w} job', '{w} and {w} for a small business'],
  },
  // 2 writing
  {
    categoryId: 2, role: 'technical writer', skills: [26, 17, 29, 12], budgetMedian: 45000,
    words: ['api documentation', 'developer guide', 'user manual', 'readme', 'sdk reference', 'how-to guides', 'release notes', 'docs site', 'endpoint reference', 'tutorials', 'knowledge base', 'changelog'],
    titles: ['Write {w} for our platform', 'Technical writer for {w}', 'Improve our {w} and {w}', 'Need {w} for a developer tool'],
  },
  {
    categoryId: 2, role: 'translator', skills: [27, 28, 29], budgetMedian: 20000,
    words: ['translate', 'localization', 'native speaker', 'bilingual', 'subtitles', 'legal documents', 'website localization', 'certified translation', 'glossary', 'transcreation', 'app strings', 'terminology'],
    titles: ['{w} of a 5000 word document', 'Native speaker for {w}', 'Need {w} and {w}', '{w} project, ongoing'],
  },
  {
    categoryId: 2, role: 'content writer', skills: [30, 31, 16, 59], budgetMedian: 18000,
    words: ['blog posts', 'articles', 'keyword research', 'long-form guides', 'listicles', 'evergreen content', 'editorial calendar', 'ghostwriting', 'pillar pages', 'content briefs', 'thought leadership', 'newsletter issues'],
    titles: ['Write 10 {w} per month', 'Writer for {w}', 'Need {w} for a SaaS blog', '{w} and {w} for our site'],
  },
  {
    categoryId: 2, role: 'copywriter', skills: [16, 58, 31, 29], budgetMedian: 25000,
    words: ['landing page copy', 'sales page', 'product descriptions', 'headlines', 'call to action', 'taglines', 'conversion copy', 'brand voice', 'ad copy', 'email sequence', 'value proposition', 'microcopy'],
    titles: ['Copywriter for {w}', 'Rewrite our {w}', 'Need punchy {w} and {w}', '{w} for a product launch'],
  },
  // 3 web development
  {
    categoryId: 3, role: 'frontend developer', skills: [13, 12, 37, 38], budgetMedian: 120000,
    words: ['single page app', 'frontend', 'reusable components', 'responsive layout', 'state management', 'react hooks', 'tailwind', 'admin dashboard', 'redux', 'pixel perfect', 'figma to code', 'server side rendering'],
    titles: ['Build a {w} in React', 'Frontend developer for {w}', 'Fix {w} issues in our app', 'Convert {w} to a {w}'],
  },
  {
    categoryId: 3, role: 'backend developer', skills: [32, 17, 12, 14, 36], budgetMedian: 150000,
    words: ['backend', 'api server', 'microservice', 'authentication', 'express', 'webhooks', 'jwt', 'rate limiting', 'background jobs', 'database schema', 'third party integration', 'graphql api'],
    titles: ['Build a Node.js {w}', 'Backend developer for {w} and {w}', 'Add {w} to our API', 'Need help with {w}'],
  },
  {
    categoryId: 3, role: 'WordPress developer', skills: [35, 34, 37], budgetMedian: 40000,
    words: ['wordpress theme', 'custom plugin', 'elementor', 'woocommerce', 'child theme', 'site migration', 'page builder', 'custom post types', 'speed optimization', 'hosting setup', 'contact form', 'malware cleanup'],
    titles: ['WordPress expert for {w}', 'Fix our {w}', 'Need {w} and {w}', 'Build a site with {w}'],
  },
  {
    categoryId: 3, role: 'ecommerce developer', skills: [39, 37, 35, 55], budgetMedian: 60000,
    words: ['online store', 'storefront', 'checkout', 'product catalog', 'shopify theme', 'liquid templates', 'payment gateway', 'inventory sync', 'cart', 'dropshipping', 'store setup', 'product pages'],
    titles: ['Set up a Shopify {w}', 'Customize our {w}', 'Ecommerce developer for {w} and {w}', 'Fix {w} on our store'],
  },
  {
    categoryId: 3, role: 'Django developer', skills: [18, 11, 14, 17], budgetMedian: 130000,
    words: ['django admin', 'orm models', 'django rest framework', 'celery tasks', 'saas platform', 'multi-tenant', 'crud app', 'database migrations', 'user roles', 'python backend', 'web portal', 'stripe billing'],
    titles: ['Django developer for a {w}', 'Build a {w} with {w}', 'Extend our {w}', 'Need {w} in Django'],
  },
  {
    categoryId: 3, role: 'full-stack developer', skills: [33, 34, 37, 36], budgetMedian: 80000,
    words: ['laravel', 'vue components', 'legacy codebase', 'refactor', 'admin panel', 'nuxt', 'blade templates', 'bug fixes', 'framework upgrade', 'pinia store', 'internal tool', 'maintenance'],
    titles: ['Vue and PHP developer for {w}', '{w} of a {w}', 'Ongoing {w} for our web app', 'Build an {w} with Vue'],
  },
  // 4 mobile development
  {
    categoryId: 4, role: 'iOS developer', skills: [40, 44, 46], budgetMedian: 200000,
    words: ['iphone app', 'swiftui', 'app store release', 'testflight', 'push notifications', 'in-app purchases', 'apple watch', 'core data', 'home screen widgets', 'ipad layout', 'xcode', 'app review'],
    titles: ['Build an {w}', 'iOS developer for {w} and {w}', 'Add {w} to our iPhone app', 'Fix {w} crash'],
  },
  {
    categoryId: 4, role: 'Android developer', skills: [41, 45, 46], budgetMedian: 180000,
    words: ['android app', 'jetpack compose', 'play store release', 'material design', 'google play billing', 'room database', 'coroutines', 'apk', 'foreground service', 'tablet layout', 'gradle build', 'crash fixes'],
    titles: ['Build an {w} in Kotlin', 'Android developer for {w}', 'Need {w} and {w}', 'Migrate to {w}'],
  },
  {
    categoryId: 4, role: 'mobile developer', skills: [42, 43, 46, 44, 45], budgetMedian: 220000,
    words: ['cross-platform app', 'flutter widgets', 'expo', 'ios and android', 'mvp', 'offline sync', 'maps integration', 'in-app chat', 'delivery app', 'booking app', 'single codebase', 'app prototype'],
    titles: ['Build a {w} for {w}', 'Mobile developer for a {w}', '{w} with {w}', 'Need a {w} in 8 weeks'],
  },
  // 5 data science
  {
    categoryId: 5, role: 'scraping engineer', skills: [11, 51, 14, 17], budgetMedian: 35000,
    words: ['scraper', 'crawler', 'competitor prices', 'scrapy', 'selenium', 'rotating proxies', 'data extraction', 'product listings', 'headless browser', 'captcha', 'daily scrape', 'price monitoring'],
    titles: ['Build a {w} for {w}', 'Need a {w} for an ecommerce site', '{w} and {w} pipeline', 'Fix our {w}'],
  },
  {
    categoryId: 5, role: 'machine learning engineer', skills: [11, 47, 53, 48], budgetMedian: 250000,
    words: ['machine learning model', 'classifier', 'churn prediction', 'training data', 'fine-tune', 'sentiment analysis', 'text classification', 'feature engineering', 'scikit-learn', 'demand forecasting', 'chatbot', 'embeddings'],
    titles: ['Train a {w}', 'ML engineer for {w}', 'Build {w} with {w}', 'Improve our {w}'],
  },
  {
    categoryId: 5, role: 'BI analyst', skills: [52, 49, 50, 54], budgetMedian: 70000,
    words: ['kpi dashboard', 'power bi report', 'dax measures', 'data model', 'sales report', 'interactive visuals', 'drill-down', 'tableau', 'monthly reporting', 'data warehouse', 'executive summary', 'row level security'],
    titles: ['Build a {w}', 'Power BI expert for {w}', '{w} and {w} for management', 'Automate {w}'],
  },
  {
    categoryId: 5, role: 'data analyst', skills: [54, 48, 49, 50], budgetMedian: 12000,
    words: ['spreadsheet', 'vlookup', 'pivot tables', 'macros', 'vba', 'data cleaning', 'csv files', 'formulas', 'google sheets', 'financial model', 'data entry', 'charts'],
    titles: ['Excel help with {w}', 'Clean up {w}', 'Build a {w} with {w}', 'Quick {w} task'],
  },
  {
    categoryId: 5, role: 'database engineer', skills: [14, 49, 11, 32], budgetMedian: 90000,
    words: ['query optimization', 'slow queries', 'indexes', 'database migration', 'schema design', 'stored procedures', 'etl', 'replication', 'backups', 'data pipeline', 'reporting queries', 'postgres tuning'],
    titles: ['Postgres expert for {w}', 'Fix {w} in production', '{w} and {w}', 'Help with {w}'],
  },
  // 6 marketing
  {
    categoryId: 6, role: 'SEO specialist', skills: [55, 61, 31, 59], budgetMedian: 30000,
    words: ['seo audit', 'rankings', 'organic traffic', 'keyword gaps', 'on-page seo', 'technical seo', 'site speed', 'search console', 'meta tags', 'link building', 'local seo', 'serp features'],
    titles: ['Full {w} for our website', 'Improve {w}', 'SEO specialist for {w} and {w}', 'Need {w}'],
  },
  {
    categoryId: 6, role: 'PPC specialist', skills: [57, 61, 60], budgetMedian: 50000,
    words: ['ppc campaigns', 'google ads account', 'cost per click', 'conversion tracking', 'ad groups', 'roas', 'retargeting', 'ad spend', 'negative keywords', 'bidding strategy', 'quality score', 'campaign setup'],
    titles: ['Manage our {w}', 'Google Ads expert for {w}', 'Fix {w} and {w}', 'Audit our {w}'],
  },
  {
    categoryId: 6, role: 'social media marketer', skills: [56, 58, 59, 60], budgetMedian: 25000,
    words: ['instagram growth', 'content calendar', 'tiktok', 'engagement', 'newsletter', 'mailchimp', 'followers', 'community management', 'email automation', 'influencer outreach', 'linkedin posts', 'drip campaign'],
    titles: ['Social media manager for {w}', 'Grow our {w}', 'Set up {w} and {w}', 'Need help with {w}'],
  },
  {
    categoryId: 6, role: 'lead generation specialist', skills: [60, 54, 58, 51], budgetMedian: 20000,
    words: ['b2b leads', 'prospect list', 'cold email', 'linkedin outreach', 'contact lists', 'crm', 'verified emails', 'decision makers', 'appointment setting', 'outreach campaign', 'lead list', 'hubspot'],
    titles: ['Build a {w} of 500 contacts', 'Lead generation for {w}', '{w} and {w} for a B2B startup', 'Need {w}'],
  },
];

const FILLER = ['long term', 'ongoing', 'small business', 'startup', 'fast turnaround', 'clear communication', 'weekly updates', 'milestones', 'flexible schedule', 'quality work', 'tight deadline', 'detail oriented', 'our team', 'next month', 'existing setup', 'simple process'];

const DESCRIPTION_SENTENCES = [
  'We need someone to help with {w} and {w}.',
  'The project involves {w}, {g} and some {w}.',
  'Ideally you have done {w} before.',
  'Please share examples of previous {w} work.',
  'This is a {g} project with {g}.',
  'We are a {g} looking for help with {w}.',
  'Experience with {s} is required.',
  'Bonus points for {w} and {s}.',
  'Expect {g} and {g}.',
  'Scope covers {w} plus {w}.',
];

const BIO_FIRST = ['{lvl} {role} focused on {w} and {w}.', '{role} with a track record in {w}.', 'I am a {lvl} {role} who loves {w}.', '{role}: {w}, {w} and {w}.'];
const BIO_SECOND = ['I also do {w}.', 'Recently worked on {w} for a {g}.', 'Happy to help with {w}.', 'I value {g} and {g}.'];
const PROPOSALS = [
  'Hi, I have done similar {w} work and can start right away.',
  'I can deliver the {w} with {g}.',
  'Experienced with {w}; happy to discuss details.',
  'I have handled {w} for several clients and offer {g}.',
  'Interested in your {w} project, available now.',
];

const FIRST_NAMES = ['Amina', 'Omar', 'Lina', 'Youssef', 'Sara', 'Karim', 'Nadia', 'Hassan', 'Leila', 'Rami', 'Emma', 'Lucas', 'Chloe', 'Hugo', 'Ines', 'Louis', 'Alice', 'Noah', 'Maya', 'Adam', 'Olivia', 'Liam', 'Sofia', 'Ethan', 'Zara', 'Ali', 'Fatima', 'Mehdi', 'Yasmin', 'Tariq', 'Julia', 'Marco', 'Elena', 'Daniel', 'Priya', 'Arjun', 'Mei', 'Kenji', 'Ana', 'Diego'];
const LAST_NAMES = ['Haddad', 'Khalil', 'Mansour', 'Nasser', 'Saleh', 'Farah', 'Aziz', 'Bakr', 'Dubois', 'Martin', 'Bernard', 'Moreau', 'Laurent', 'Garcia', 'Smith', 'Johnson', 'Brown', 'Taylor', 'Wilson', 'Rossi', 'Silva', 'Kumar', 'Sharma', 'Chen', 'Tanaka', 'Novak', 'Kowalski', 'Ivanova', 'Hassan', 'Ibrahim', 'Youssef', 'Amrani'];

const DAY_MS = 86_400_000;
const FRESH_WINDOW_MS = 30 * DAY_MS;
const LEVEL_CUM = new Float64Array([0, 0.3, 0.8, 1]); // beginner 30%, intermediate 50%, expert 20%

const SKILL_NAME = new Map(CATALOGUE_SKILLS.map((s) => [s.id, s.name]));
const ALL_SKILL_IDS = CATALOGUE_SKILLS.map((s) => s.id);

type Rng = () => number;

function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Separate streams per entity kind so that changing e.g. the application count
// does not reshuffle the tasks generated for the same seed.
function stream(seed: number, salt: number): Rng {
  return mulberry32(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 1, 0xc2b2ae35));
}

function int(rng: Rng, min: number, max: number): number {
  return min + Math.floor(rng() * (max - min + 1));
}

function pick<T>(rng: Rng, arr: readonly T[]): T {
  return arr[Math.floor(rng() * arr.length)]!;
}

function normal(rng: Rng): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function lognormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * normal(rng));
}

function round100(x: number, min: number): number {
  return Math.max(min, Math.round(x / 100) * 100);
}

function shuffled<T>(rng: Rng, arr: readonly T[]): T[] {
  const out = arr.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const tmp = out[i]!;
    out[i] = out[j]!;
    out[j] = tmp;
  }
  return out;
}

/** Index of the first element of sorted `arr` in [lo, hi) with value >= x. */
function lowerBound(arr: Float64Array, x: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Weighted index from cumulative weights `cum` (cum[i] = sum of weights < i). */
function sampleCumulative(rng: Rng, cum: Float64Array, lo: number, hi: number): number {
  const base = cum[lo]!;
  const target = base + rng() * (cum[hi]! - base);
  // first i in (lo, hi] with cum[i] > target, minus one
  let a = lo + 1;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (cum[mid]! > target) b = mid;
    else a = mid + 1;
  }
  return a - 1;
}

function fill(rng: Rng, template: string, words: readonly string[], skills: readonly number[], extra: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => {
    if (k === 'w') return pick(rng, words);
    if (k === 'g') return pick(rng, FILLER);
    if (k === 's') return SKILL_NAME.get(pick(rng, skills)) ?? 'the stack';
    return extra[k] ?? '';
  });
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function name(rng: Rng): { firstName: string; lastName: string } {
  return { firstName: pick(rng, FIRST_NAMES), lastName: pick(rng, LAST_NAMES) };
}

export function generateMarketplace(options: SyntheticOptions): SyntheticMarketplace {
  const { seed, now, days } = options;
  const nowMs = now.getTime();
  const spanMs = Math.max(1, Math.round(days * DAY_MS));
  const startMs = nowMs - spanMs;
  const [appMin, appMax] = options.applicationsPerFreelancer;
  const T = TOPICS.length;

  // Topic popularity: Zipf over a seed-dependent ranking, so no topic is
  // "always the popular one" across seeds but each seed is skewed.
  const rankRng = stream(seed, 0);
  const ranking = shuffled(rankRng, TOPICS.map((_, i) => i));
  const demand = new Float64Array(T);
  ranking.forEach((topic, rank) => (demand[topic] = 1 / Math.pow(rank + 1, 0.9)));
  // Supply is flatter than demand: crowded niches and under-served ones.
  const supply = demand.map((d) => Math.sqrt(d));
  const cumOf = (w: Float64Array): Float64Array => {
    const c = new Float64Array(w.length + 1);
    for (let i = 0; i < w.length; i++) c[i + 1] = c[i]! + w[i]!;
    return c;
  };
  const demandCum = cumOf(demand);
  const supplyCum = cumOf(supply);

  // ---- clients
  const clientRng = stream(seed, 1);
  const clients: SyntheticClient[] = [];
  for (let i = 1; i <= options.clients; i++) {
    clients.push({ key: i, username: `client_${String(i).padStart(4, '0')}`, ...name(clientRng) });
  }

  // ---- tasks (keys ascending with createdAt, like real serial ids)
  const taskRng = stream(seed, 2);
  const nTasks = options.tasks;
  const times = new Float64Array(nTasks);
  for (let i = 0; i < nTasks; i++) times[i] = startMs + Math.floor(taskRng() * spanMs);
  times.sort();
  const tasks = new Array<SyntheticTask>(nTasks);
  const appeal = new Float64Array(nTasks);
  const taskTopic = new Int32Array(nTasks);
  for (let i = 0; i < nTasks; i++) {
    const topicIdx = sampleCumulative(taskRng, demandCum, 0, T);
    const topic = TOPICS[topicIdx]!;
    const k = int(taskRng, 2, 4);
    const addRandom = taskRng() < 0.2;
    const skillIds = shuffled(taskRng, topic.skills).slice(0, addRandom ? k - 1 : k);
    while (addRandom) {
      const s = pick(taskRng, ALL_SKILL_IDS);
      if (!skillIds.includes(s)) {
        skillIds.push(s);
        break;
      }
    }
    const title = capitalise(fill(taskRng, pick(taskRng, topic.titles), topic.words, skillIds));
    const nSentences = int(taskRng, 2, 4);
    const sentences: string[] = [];
    for (let s = 0; s < nSentences; s++) sentences.push(capitalise(fill(taskRng, pick(taskRng, DESCRIPTION_SENTENCES), topic.words, skillIds)));
    const clientKey = options.clients > 0 ? 1 + Math.floor(Math.pow(taskRng(), 1.3) * options.clients) : 0;
    appeal[i] = lognormal(taskRng, 1, 0.8);
    taskTopic[i] = topicIdx;
    tasks[i] = {
      key: i + 1,
      clientKey,
      title,
      description: sentences.join(' '),
      categoryId: topic.categoryId,
      skillIds,
      budgetMinor: round100(lognormal(taskRng, topic.budgetMedian, 0.5), 1000),
      currency: 'usd',
      remote: taskRng() < 0.85,
      createdAt: new Date(times[i]!),
      topic: topicIdx,
    };
  }

  // Per-topic time-sorted index with cumulative appeal, plus a global one for
  // the epsilon (off-topic) part of the mixture.
  const globalCum = cumOf(appeal);
  const byTopicIdx: Int32Array[] = [];
  const byTopicTimes: Float64Array[] = [];
  const byTopicCum: Float64Array[] = [];
  {
    const counts = new Int32Array(T);
    for (let i = 0; i < nTasks; i++) counts[taskTopic[i]!]!++;
    for (let t = 0; t < T; t++) {
      byTopicIdx.push(new Int32Array(counts[t]!));
      byTopicTimes.push(new Float64Array(counts[t]!));
    }
    const fillPos = new Int32Array(T);
    for (let i = 0; i < nTasks; i++) {
      const t = taskTopic[i]!;
      const p = fillPos[t]!++;
      byTopicIdx[t]![p] = i;
      byTopicTimes[t]![p] = times[i]!;
    }
    for (let t = 0; t < T; t++) {
      const idx = byTopicIdx[t]!;
      const cum = new Float64Array(idx.length + 1);
      for (let p = 0; p < idx.length; p++) cum[p + 1] = cum[p]! + appeal[idx[p]!]!;
      byTopicCum.push(cum);
    }
  }

  // ---- freelancers
  const flRng = stream(seed, 3);
  const freelancers: SyntheticFreelancer[] = [];
  const flWeights: number[][] = [];
  const levels: SkillLevel[] = ['beginner', 'intermediate', 'expert'];
  for (let i = 1; i <= options.freelancers; i++) {
    const first = sampleCumulative(flRng, supplyCum, 0, T);
    const topics = [first];
    let weights = [1];
    if (flRng() < 0.4) {
      // Second interests are usually adjacent (same category) but not always.
      const sameCat = TOPICS.map((tp, ti) => (tp.categoryId === TOPICS[first]!.categoryId && ti !== first ? ti : -1)).filter((x) => x >= 0);
      const second = flRng() < 0.6 && sameCat.length > 0 ? pick(flRng, sameCat) : sampleCumulative(flRng, supplyCum, 0, T);
      if (second !== first) {
        topics.push(second);
        const w = 0.55 + 0.3 * flRng();
        weights = [w, 1 - w];
      }
    }
    const skillSet: number[] = [];
    for (const ti of topics) {
      const core = TOPICS[ti]!.skills;
      let kept = 0;
      for (const s of core) {
        if (flRng() < 0.75) {
          kept++;
          if (!skillSet.includes(s)) skillSet.push(s);
        }
      }
      if (kept === 0) {
        const s = pick(flRng, core);
        if (!skillSet.includes(s)) skillSet.push(s);
      }
    }
    const noise = flRng() < 0.7 ? 1 : flRng() < 0.3 ? 2 : 0;
    for (let n = 0; n < noise; n++) {
      const s = pick(flRng, ALL_SKILL_IDS);
      if (!skillSet.includes(s)) skillSet.push(s);
    }
    const skills = skillSet.map((skillId) => {
      const level = levels[sampleCumulative(flRng, LEVEL_CUM, 0, 3)]!;
      const base = level === 'beginner' ? 0 : level === 'intermediate' ? 2 : 5;
      return { skillId, level, yearsExperience: base + int(flRng, 0, level === 'expert' ? 10 : 3) };
    });
    const main = TOPICS[topics[0]!]!;
    const allWords = topics.flatMap((ti) => TOPICS[ti]!.words);
    const lvl = pick(flRng, ['senior', 'seasoned', 'freelance', 'junior', 'certified']);
    let bio = capitalise(fill(flRng, pick(flRng, BIO_FIRST), main.words, skillSet, { lvl, role: main.role }));
    if (flRng() < 0.6) bio += ' ' + capitalise(fill(flRng, pick(flRng, BIO_SECOND), allWords, skillSet));
    const preferredCategoryIds = flRng() < 0.3 ? [] : [...new Set(topics.map((ti) => TOPICS[ti]!.categoryId))];
    freelancers.push({
      key: i,
      username: `freelancer_${String(i).padStart(5, '0')}`,
      ...name(flRng),
      bio,
      skills,
      preferredCategoryIds,
      hourlyRateMinor: round100(lognormal(flRng, 2000 + main.budgetMedian / 50, 0.35), 500),
      topics,
    });
    flWeights.push(weights);
  }

  // ---- applications
  // P(task) ∝ affinity(topic) × appeal(task) over fresh tasks, computed as a
  // mixture: EPSILON × appeal over all fresh tasks + (w_k − EPSILON) × appeal
  // over fresh tasks of each own topic. Only 1–2 own topics, so each draw is a
  // handful of binary searches instead of a scan.
  const EPSILON = 0.004;
  const appRng = stream(seed, 4);
  const applications: SyntheticApplication[] = [];
  if (nTasks > 0) {
    for (let f = 0; f < freelancers.length; f++) {
      const fl = freelancers[f]!;
      const weights = flWeights[f]!;
      const n = int(appRng, appMin, appMax);
      const seen = new Set<number>();
      let made = 0;
      for (let attempt = 0; made < n && attempt < n * 20; attempt++) {
        const at = startMs + 1 + Math.floor(appRng() * (spanMs - 1));
        const gHi = lowerBound(times, at, 0, nTasks);
        const gLo = lowerBound(times, at - FRESH_WINDOW_MS, 0, gHi);
        const globalMass = EPSILON * (globalCum[gHi]! - globalCum[gLo]!);
        let total = globalMass;
        const ranges: [number, number, number][] = [];
        for (let k = 0; k < fl.topics.length; k++) {
          const t = fl.topics[k]!;
          const tt = byTopicTimes[t]!;
          const hi = lowerBound(tt, at, 0, tt.length);
          const lo = lowerBound(tt, at - FRESH_WINDOW_MS, 0, hi);
          const cum = byTopicCum[t]!;
          const mass = (weights[k]! - EPSILON) * (cum[hi]! - cum[lo]!);
          ranges.push([lo, hi, mass]);
          total += mass;
        }
        if (total <= 0) continue;
        let r = appRng() * total;
        let taskIdx: number;
        if (r < globalMass) {
          taskIdx = sampleCumulative(appRng, globalCum, gLo, gHi);
        } else {
          r -= globalMass;
          let k = 0;
          while (k < ranges.length - 1 && r >= ranges[k]![2]) r -= ranges[k++]![2];
          const [lo, hi] = ranges[k]!;
          if (hi <= lo) continue;
          const t = fl.topics[k]!;
          taskIdx = byTopicIdx[t]![sampleCumulative(appRng, byTopicCum[t]!, lo, hi)]!;
        }
        if (seen.has(taskIdx)) continue;
        seen.add(taskIdx);
        made++;
        const task = tasks[taskIdx]!;
        const topic = TOPICS[task.topic]!;
        applications.push({
          taskKey: task.key,
          freelancerKey: fl.key,
          bidMinor: round100(task.budgetMinor * (0.7 + 0.6 * appRng()), 100),
          proposal: fill(appRng, pick(appRng, PROPOSALS), topic.words, task.skillIds),
          createdAt: new Date(at),
        });
      }
    }
  }
  applications.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.freelancerKey - b.freelancerKey || a.taskKey - b.taskKey);

  return { clients, freelancers, tasks, applications };
}
