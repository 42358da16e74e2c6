/** The site's own words (its menu, footer and common phrases), Vietnamese first. */
export type Lang = 'vi' | 'en';

export const siteWords = {
  vi: {
    portal: 'Cổng thông tin điện tử',
    skip: 'Bỏ qua, đến nội dung chính',
    menu: 'Các mục của trang',
    home: 'Trang chủ',
    news: 'Tin tức',
    events: 'Sự kiện',
    plan: 'Kế hoạch',
    honours: 'Vinh danh',
    press: 'Báo chí',
    documents: 'Văn bản',
    about: 'Giới thiệu',
    search: 'Tìm kiếm',
    searchPlaceholder: 'Tìm bài viết…',
    signIn: 'Đăng nhập hệ thống',
    language: 'Ngôn ngữ',
    feeds: 'Tin mới (RSS)',
    sitemap: 'Sơ đồ trang',
    notFound: 'Không tìm thấy trang',
    notFoundText: 'Trang bạn tìm không có hoặc đã được chuyển đi.',
    backHome: 'Về trang chủ',
    page: (n: number, total: number) => `Trang ${n}/${total}`,
    previous: '← Trang trước',
    next: 'Trang sau →',
    pages: 'Phân trang',
    contact: 'Liên hệ',
  },
  en: {
    portal: 'Web portal',
    skip: 'Skip to the main content',
    menu: 'Site sections',
    home: 'Home',
    news: 'News',
    events: 'Events',
    plan: 'Plan',
    honours: 'Honours',
    press: 'Press',
    documents: 'Documents',
    about: 'About',
    search: 'Search',
    searchPlaceholder: 'Search articles…',
    signIn: 'Sign in',
    language: 'Language',
    feeds: 'News feed (RSS)',
    sitemap: 'Site map',
    notFound: 'Page not found',
    notFoundText: 'The page you are looking for does not exist or has moved.',
    backHome: 'Back to the home page',
    page: (n: number, total: number) => `Page ${n} of ${total}`,
    previous: '← Previous',
    next: 'Next →',
    pages: 'Pages',
    contact: 'Contact',
  },
} as const;

export function langOf(value: string | undefined): Lang {
  return value === 'en' ? 'en' : 'vi';
}

/** A site path in the reader's language: English pages carry `?lang=en` (or `&lang=en`). */
export function href(path: string, lang: Lang): string {
  if (lang === 'vi') return path;
  return `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}
