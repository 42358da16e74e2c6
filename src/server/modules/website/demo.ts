import { findUserByUsername } from '../../platform/auth/users.ts';
import type { DemoLoader } from '../../platform/modules.ts';
import type { Caller } from '../../platform/policy/caller.ts';
import type { Platform } from '../../platform/platform.ts';
import { unitByCode } from '../organisation/index.ts';
import { demoPlanId, SEED_DEMO_KEY, topLevelActivityRefs } from '../plans/index.ts';
import { createArticle } from './articles.ts';
import { uploadImage } from './images.ts';
import { escapeHtml } from './sanitize.ts';
import { approveArticle, publishArticle, scheduleArticle, submitArticle } from './workflow.ts';

/**
 * The seed's publicity as demo data (issue 17): a dozen articles from June to September 2019 on the
 * plan's activities — the launch of the drive, the units' own plans, the tournament CL2019, the
 * festival LHTH2019, the 45 honourees, the conference of 04/9/2019 — written by the website's
 * editor (demo.bientap) and reviewed by the Propaganda Board (demo.tuyengiao), each step on its
 * 2019 day through the same services as the screens. The covers are drawn here (an SVG banner
 * with the event's name, 1200 × 675, rendered by sharp) and go through the same upload: checked,
 * re-encoded, resized once (480 and 960 px, each as AVIF, WebP and JPEG). Most are published; one waits for review, one is a draft, one is scheduled for the
 * anniversary day (the job queue publishes it once that time has come).
 */
type DemoArticle = {
  title: string;
  slug: string;
  summary: string;
  paragraphs: string[];
  quote?: string;
  category: 'tin-hoat-dong' | 'guong-dien-hinh' | 'thong-bao' | 'van-hoa-the-thao';
  tags: string[];
  activities: string[];
  units: string[];
  cover: { line1: string; line2: string; colours: [string, string, string] };
  alt: string;
  caption: string;
  written: string;
  outcome: 'published' | 'submitted' | 'draft' | 'scheduled';
  publishAt?: string;
};

const articles: DemoArticle[] = [
  {
    title: 'Ban hành Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm thành lập Đảng bộ Khối',
    slug: 'ban-hanh-ke-hoach-ky-niem-15-nam-thanh-lap-dang-bo-khoi',
    summary:
      'Ngày 10/6/2019, Ban Thường vụ Đảng ủy Khối Doanh nghiệp tỉnh Thái Bình ban hành Kế hoạch tổ chức các hoạt động kỷ niệm 15 năm Ngày thành lập Đảng bộ Khối (06/9/2004 – 06/9/2019).',
    paragraphs: [
      'Kế hoạch xác định việc kỷ niệm là dịp khẳng định vai trò của tổ chức đảng trong các doanh nghiệp, khơi dậy truyền thống đoàn kết, lao động sáng tạo và phát động phong trào thi đua mới trong cán bộ, đảng viên, người lao động.',
      'Theo Kế hoạch, các hoạt động gồm: phát động đợt thi đua cao điểm từ 15/6 đến 30/8/2019; củng cố, kiện toàn tổ chức đảng; tổ chức Giải cầu lông và Liên hoan Tiếng hát thanh niên công nhân; bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu và tổ chức Hội nghị biểu dương dự kiến ngày 04/9/2019.',
      'Ban Tuyên giáo Đảng ủy Khối được giao chủ trì tham mưu, phối hợp với Báo Thái Bình, Đài Phát thanh – Truyền hình tỉnh và Ban biên tập website của Khối tuyên truyền về các hoạt động.',
    ],
    quote: 'Các hoạt động phải thiết thực, hiệu quả, tránh phô trương, hình thức, lãng phí.',
    category: 'thong-bao',
    tags: ['Kỷ niệm 15 năm', 'Kế hoạch'],
    activities: ['A13'],
    units: ['BTG'],
    cover: {
      line1: 'KẾ HOẠCH KỶ NIỆM',
      line2: '15 năm thành lập Đảng bộ Khối',
      colours: ['#8e1b1b', '#c0392b', '#f4d03f'],
    },
    alt: 'Băng rôn đỏ với dòng chữ Kế hoạch kỷ niệm 15 năm thành lập Đảng bộ Khối',
    caption: 'Kế hoạch được ban hành ngày 10/6/2019.',
    written: '2019-06-10T08:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Phát động đợt thi đua cao điểm chào mừng 15 năm thành lập Đảng bộ Khối',
    slug: 'phat-dong-dot-thi-dua-cao-diem-chao-mung-15-nam',
    summary:
      'Từ ngày 15/6 đến 30/8/2019, các tổ chức cơ sở đảng trong Khối phát động đợt thi đua cao điểm nâng cao năng suất, chất lượng, hiệu quả sản xuất kinh doanh.',
    paragraphs: [
      'Hưởng ứng Kế hoạch của Ban Thường vụ Đảng ủy Khối, các đảng bộ, chi bộ cơ sở đồng loạt phát động đợt thi đua cao điểm trong cán bộ, đảng viên và người lao động.',
      'Nhiều doanh nghiệp đăng ký chỉ tiêu cụ thể về năng suất lao động, sáng kiến cải tiến kỹ thuật và chăm lo đời sống công nhân. Kết quả thi đua được các cơ sở tổng hợp, đánh giá và báo cáo Ban Thường vụ Đảng ủy Khối.',
    ],
    category: 'tin-hoat-dong',
    tags: ['Thi đua', 'Kỷ niệm 15 năm'],
    activities: ['A1'],
    units: ['CS02'],
    cover: { line1: 'THI ĐUA CAO ĐIỂM', line2: '15/6 – 30/8/2019', colours: ['#0b5345', '#148f77', '#f9e79f'] },
    alt: 'Biểu ngữ xanh ghi Thi đua cao điểm từ 15/6 đến 30/8/2019',
    caption: 'Đợt thi đua cao điểm kéo dài hơn hai tháng.',
    written: '2019-06-15T07:30:00Z',
    outcome: 'published',
  },
  {
    title: 'Các cơ sở đảng xây dựng kế hoạch riêng triển khai hoạt động kỷ niệm',
    slug: 'cac-co-so-dang-xay-dung-ke-hoach-trien-khai-hoat-dong-ky-niem',
    summary:
      'Trên cơ sở Kế hoạch của Đảng ủy Khối, các tổ chức cơ sở đảng xây dựng kế hoạch, chương trình cụ thể phù hợp với điều kiện sản xuất của đơn vị.',
    paragraphs: [
      'Đến giữa tháng 6/2019, phần lớn các đảng bộ, chi bộ cơ sở đã ban hành kế hoạch của đơn vị mình, phân công rõ người, rõ việc, rõ thời hạn.',
      'Các tiểu ban giúp việc do Ban Tuyên giáo tham mưu thành lập cũng đã đi vào hoạt động, thường xuyên đôn đốc, nắm tình hình triển khai ở cơ sở.',
    ],
    category: 'tin-hoat-dong',
    tags: ['Kế hoạch', 'Cơ sở đảng'],
    activities: ['A14'],
    units: ['BTG', 'CS02'],
    cover: {
      line1: 'TRIỂN KHAI KẾ HOẠCH',
      line2: 'tại các tổ chức cơ sở đảng',
      colours: ['#1b2631', '#2e4053', '#f5b041'],
    },
    alt: 'Hình trang trí nền xanh đậm với dòng chữ Triển khai kế hoạch tại các tổ chức cơ sở đảng',
    caption: 'Các cơ sở cụ thể hóa kế hoạch của Đảng ủy Khối.',
    written: '2019-06-20T03:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Khai mạc Giải cầu lông công nhân, viên chức, lao động năm 2019',
    slug: 'giai-cau-long-cong-nhan-2019',
    summary:
      'Giải cầu lông chào mừng 15 năm thành lập Đảng bộ Khối (CL2019) quy tụ các vận động viên đến từ 16 doanh nghiệp, thi đấu các nội dung đơn nam, đơn nữ, đôi nam và đôi nam nữ.',
    paragraphs: [
      'Giải do Hội Cựu chiến binh Khối chủ trì, phối hợp với Đoàn Thanh niên Khối tổ chức, là một trong những hoạt động văn hóa, thể thao gắn với kỷ niệm Cách mạng Tháng Tám và Quốc khánh 2/9.',
      'Các trận đấu được điều hành theo Luật cầu lông, kết quả cập nhật trực tiếp trên hệ thống. Ban tổ chức trao giải cho các nội dung và giải toàn đoàn.',
    ],
    category: 'van-hoa-the-thao',
    tags: ['Cầu lông', 'CL2019', 'Thể thao'],
    activities: ['A9'],
    units: ['CCB', 'DTN'],
    cover: {
      line1: 'GIẢI CẦU LÔNG CL2019',
      line2: 'Chào mừng 15 năm Đảng bộ Khối',
      colours: ['#154360', '#2874a6', '#f7dc6f'],
    },
    alt: 'Băng rôn xanh dương với quả cầu lông cách điệu và dòng chữ Giải cầu lông CL2019',
    caption: 'Giải cầu lông công nhân năm 2019.',
    written: '2019-07-20T02:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Bế mạc Giải cầu lông: 16 doanh nghiệp tham gia, nhiều trận đấu hấp dẫn',
    slug: 'be-mac-giai-cau-long-cong-nhan-2019',
    summary: 'Ngày 18/8/2019, Giải cầu lông công nhân năm 2019 bế mạc sau những ngày thi đấu sôi nổi, trung thực.',
    paragraphs: [
      'Ban tổ chức đánh giá giải đấu diễn ra an toàn, đúng điều lệ, thể hiện tinh thần giao lưu, đoàn kết giữa công nhân, viên chức, lao động các doanh nghiệp trong Khối.',
      'Kết quả giải là căn cứ để Ban Chỉ đạo đánh giá hoàn thành nội dung hoạt động thể thao trong Kế hoạch kỷ niệm.',
    ],
    category: 'van-hoa-the-thao',
    tags: ['Cầu lông', 'CL2019'],
    activities: ['A9'],
    units: ['CCB'],
    cover: { line1: 'BẾ MẠC GIẢI CẦU LÔNG', line2: '18/8/2019', colours: ['#17202a', '#1f618d', '#f4d03f'] },
    alt: 'Nền xanh thẫm với dòng chữ Bế mạc giải cầu lông ngày 18/8/2019',
    caption: 'Lễ bế mạc và trao giải.',
    written: '2019-08-18T11:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Liên hoan Tiếng hát thanh niên công nhân LHTH2019 thành công tốt đẹp',
    slug: 'lien-hoan-tieng-hat-thanh-nien-cong-nhan-2019',
    summary:
      'Tối 19/8/2019, đêm giao lưu cấp Khối của Liên hoan Tiếng hát thanh niên công nhân diễn ra sôi nổi; Ban Giám khảo chọn các tiết mục tiêu biểu biểu diễn tại Hội nghị biểu dương.',
    paragraphs: [
      'Liên hoan do Đoàn Thanh niên Khối phối hợp với Thành đoàn tổ chức, gồm các vòng sơ khảo tại cơ sở và đêm giao lưu cấp Khối.',
      'Kết quả chấm thi được Ban Giám khảo công bố công khai. Năm tiết mục xuất sắc được chọn biểu diễn phục vụ Hội nghị biểu dương ngày 04/9/2019.',
    ],
    quote: 'Tiếng hát của thanh niên công nhân là niềm tự hào của các doanh nghiệp trong Khối.',
    category: 'van-hoa-the-thao',
    tags: ['Liên hoan', 'LHTH2019', 'Thanh niên'],
    activities: ['A10'],
    units: ['DTN'],
    cover: {
      line1: 'LIÊN HOAN TIẾNG HÁT',
      line2: 'Thanh niên công nhân 2019',
      colours: ['#4a235a', '#7d3c98', '#f8c471'],
    },
    alt: 'Băng rôn tím với nốt nhạc cách điệu và dòng chữ Liên hoan tiếng hát thanh niên công nhân 2019',
    caption: 'Đêm giao lưu cấp Khối tối 19/8/2019.',
    written: '2019-08-20T01:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Bình chọn 45 tập thể, cá nhân, sản phẩm tiêu biểu',
    slug: 'binh-chon-45-tap-the-ca-nhan-san-pham-tieu-bieu',
    summary:
      'Hội đồng Thi đua – Khen thưởng Khối đã bình chọn đủ 15 tập thể, 15 cá nhân và 15 sản phẩm tiêu biểu, hoàn thành trước thời hạn 30/7/2019.',
    paragraphs: [
      'Việc bình chọn được thực hiện công khai, đúng tiêu chí, qua các vòng xét hồ sơ và bỏ phiếu kín của Hội đồng.',
      'Danh sách các tập thể, cá nhân, sản phẩm được tôn vinh sẽ được biểu dương tại Hội nghị kỷ niệm 15 năm thành lập Đảng bộ Khối.',
    ],
    category: 'guong-dien-hinh',
    tags: ['Vinh danh', 'Thi đua khen thưởng'],
    activities: ['A11'],
    units: ['HDTDKT'],
    cover: {
      line1: '45 ĐIỂN HÌNH TIÊU BIỂU',
      line2: '15 tập thể · 15 cá nhân · 15 sản phẩm',
      colours: ['#7b241c', '#b03a2e', '#fad7a0'],
    },
    alt: 'Biểu trưng ngôi sao trên nền đỏ với dòng chữ 45 điển hình tiêu biểu',
    caption: 'Kết quả bình chọn của Hội đồng Thi đua – Khen thưởng.',
    written: '2019-07-30T09:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Gương sáng người thợ may giỏi của Công ty May Kiến Xương Xanh',
    slug: 'guong-sang-nguoi-tho-may-gioi-kien-xuong-xanh',
    summary:
      'Là một trong 15 cá nhân tiêu biểu được tôn vinh, chị là tấm gương về tay nghề, sáng kiến và tinh thần tương trợ đồng nghiệp.',
    paragraphs: [
      'Hơn mười năm gắn bó với dây chuyền may, chị luôn dẫn đầu tổ về năng suất và là tác giả của nhiều sáng kiến cải tiến thao tác được doanh nghiệp áp dụng.',
      'Đảng ủy công ty đánh giá chị là đảng viên tiêu biểu, tích cực trong phong trào thi đua và trong hoạt động công đoàn, đoàn thanh niên.',
    ],
    category: 'guong-dien-hinh',
    tags: ['Vinh danh', 'Gương điển hình'],
    activities: ['A11'],
    units: ['CS02'],
    cover: { line1: 'GƯƠNG ĐIỂN HÌNH', line2: 'Người thợ may giỏi', colours: ['#1e8449', '#27ae60', '#fcf3cf'] },
    alt: 'Nền xanh lá với hình cuộn chỉ cách điệu và dòng chữ Gương điển hình người thợ may giỏi',
    caption: 'Một trong 15 cá nhân tiêu biểu năm 2019.',
    written: '2019-08-26T03:00:00Z',
    outcome: 'published',
  },
  {
    title: 'Long trọng Hội nghị biểu dương kỷ niệm 15 năm thành lập Đảng bộ Khối',
    slug: 'hoi-nghi-bieu-duong-ky-niem-15-nam-thanh-lap-dang-bo-khoi',
    summary:
      'Tối 04/9/2019, Đảng ủy Khối tổ chức Hội nghị kỷ niệm 15 năm thành lập Đảng bộ và biểu dương 45 tập thể, cá nhân, sản phẩm tiêu biểu theo hình thức sân khấu hóa.',
    paragraphs: [
      'Hội nghị được tổ chức vào buổi tối để phù hợp với thời gian làm việc của các doanh nghiệp; báo cáo thành tích kết hợp diễn văn kỷ niệm.',
      'Lãnh đạo tỉnh và các sở, ngành được mời phát biểu và trao tặng danh hiệu cho các tập thể, cá nhân, sản phẩm tiêu biểu. Xen giữa chương trình là các tiết mục chọn từ Liên hoan Tiếng hát thanh niên công nhân.',
    ],
    quote: 'Mười lăm năm qua, Đảng bộ Khối không ngừng lớn mạnh cùng sự phát triển của các doanh nghiệp.',
    category: 'tin-hoat-dong',
    tags: ['Hội nghị biểu dương', 'Kỷ niệm 15 năm', 'Vinh danh'],
    activities: ['A12'],
    units: ['BTG', 'VP'],
    cover: { line1: 'HỘI NGHỊ BIỂU DƯƠNG', line2: 'Tối 04/9/2019', colours: ['#641e16', '#a93226', '#f7dc6f'] },
    alt: 'Sân khấu cách điệu nền đỏ với dòng chữ Hội nghị biểu dương tối 04/9/2019',
    caption: 'Hội nghị kỷ niệm và biểu dương tối 04/9/2019.',
    written: '2019-09-04T15:30:00Z',
    outcome: 'published',
  },
  {
    title: '15 năm Đảng bộ Khối Doanh nghiệp tỉnh Thái Bình: vững bước cùng doanh nghiệp',
    slug: '15-nam-dang-bo-khoi-doanh-nghiep-vung-buoc-cung-doanh-nghiep',
    summary:
      'Nhân kỷ niệm 15 năm Ngày thành lập (06/9/2004 – 06/9/2019), nhìn lại chặng đường xây dựng và phát triển của Đảng bộ Khối.',
    paragraphs: [
      'Từ những ngày đầu thành lập, Đảng bộ Khối đã không ngừng củng cố tổ chức, phát triển đảng viên trong các doanh nghiệp, nhất là doanh nghiệp ngoài nhà nước.',
      'Trong giai đoạn tới, Đảng bộ tiếp tục đổi mới phương thức lãnh đạo, nâng cao năng lực của tổ chức cơ sở đảng trong doanh nghiệp.',
    ],
    category: 'tin-hoat-dong',
    tags: ['Kỷ niệm 15 năm'],
    activities: ['A12'],
    units: ['BTG'],
    cover: { line1: '06/9/2004 – 06/9/2019', line2: '15 năm Đảng bộ Khối', colours: ['#922b21', '#cb4335', '#f9e79f'] },
    alt: 'Nền đỏ với số 15 cách điệu và dòng chữ 06/9/2004 – 06/9/2019',
    caption: 'Mười lăm năm xây dựng và trưởng thành.',
    written: '2019-09-03T02:00:00Z',
    outcome: 'scheduled',
    publishAt: '2019-09-06T00:00:00Z',
  },
  {
    title: 'Thành lập mới tổ chức cơ sở đảng trong doanh nghiệp ngoài nhà nước',
    slug: 'thanh-lap-moi-to-chuc-co-so-dang-doanh-nghiep-ngoai-nha-nuoc',
    summary:
      'Thực hiện Kế hoạch, Ban Tổ chức Đảng ủy Khối tham mưu thành lập mới các tổ chức cơ sở đảng trong năm 2019.',
    paragraphs: [
      'Công tác tạo nguồn, phát triển đảng viên tại các doanh nghiệp chưa có tổ chức đảng được chú trọng, làm cơ sở thành lập tổ chức đảng mới.',
      'Ban Tổ chức tiếp tục phối hợp với các doanh nghiệp để hoàn thiện hồ sơ, thủ tục theo quy định.',
    ],
    category: 'tin-hoat-dong',
    tags: ['Xây dựng Đảng'],
    activities: ['A5'],
    units: ['BTC'],
    cover: { line1: 'XÂY DỰNG TỔ CHỨC ĐẢNG', line2: 'trong doanh nghiệp', colours: ['#21618c', '#2e86c1', '#fdebd0'] },
    alt: 'Nền xanh dương với dòng chữ Xây dựng tổ chức đảng trong doanh nghiệp',
    caption: 'Phát triển tổ chức đảng trong doanh nghiệp ngoài nhà nước.',
    written: '2019-08-28T02:00:00Z',
    outcome: 'submitted',
  },
  {
    title: 'Nghị quyết chuyên đề về phối hợp giữa Đảng ủy Khối và các hiệp hội doanh nghiệp',
    slug: 'nghi-quyet-chuyen-de-phoi-hop-dang-uy-khoi-va-cac-hiep-hoi',
    summary: 'Dự thảo Nghị quyết chuyên đề đang được lấy ý kiến các cơ sở trước khi trình Ban Chấp hành.',
    paragraphs: [
      'Dự thảo tập trung vào cơ chế phối hợp giữa Đảng ủy Khối với Hiệp hội Doanh nghiệp, Hội Doanh nghiệp trẻ, Hội Nữ doanh nhân và Hội Liên hiệp thanh niên tỉnh.',
    ],
    category: 'tin-hoat-dong',
    tags: ['Nghị quyết'],
    activities: ['A6'],
    units: ['BTC'],
    cover: { line1: 'NGHỊ QUYẾT CHUYÊN ĐỀ', line2: 'Dự thảo lấy ý kiến', colours: ['#4d5656', '#717d7e', '#f8f9f9'] },
    alt: 'Nền xám với dòng chữ Nghị quyết chuyên đề, dự thảo lấy ý kiến',
    caption: 'Dự thảo đang được lấy ý kiến.',
    written: '2019-08-29T02:00:00Z',
    outcome: 'draft',
  },
];

/** A banner drawn for the demo: shapes in the event's colours and its name, as PNG. */
export async function demoBanner(line1: string, line2: string, colours: [string, string, string]): Promise<Uint8Array> {
  const [dark, mid, light] = colours;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1600 900">
  <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${dark}"/><stop offset="1" stop-color="${mid}"/></linearGradient></defs>
  <rect width="1600" height="900" fill="url(#g)"/>
  <circle cx="1350" cy="180" r="260" fill="${light}" fill-opacity="0.18"/>
  <circle cx="1480" cy="760" r="180" fill="${light}" fill-opacity="0.12"/>
  <polygon points="0,900 0,640 520,900" fill="${light}" fill-opacity="0.2"/>
  <polygon points="140,170 162,228 224,228 174,264 192,322 140,286 88,322 106,264 56,228 118,228" fill="${light}"/>
  <rect x="120" y="380" width="140" height="10" fill="${light}"/>
  <text x="120" y="500" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="84" fill="#ffffff">${escapeHtml(line1)}</text>
  <text x="120" y="600" font-family="DejaVu Sans, sans-serif" font-size="52" fill="${light}">${escapeHtml(line2)}</text>
  <text x="120" y="820" font-family="DejaVu Sans, sans-serif" font-size="30" fill="#ffffff" fill-opacity="0.85">Đảng bộ Khối Doanh nghiệp tỉnh Thái Bình · 2004 – 2019</text>
</svg>`;
  const { default: sharp } = await import('sharp');
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

function at(platform: Platform, iso: string): Platform {
  let t = Date.parse(iso);
  return { ...platform, clock: () => new Date((t += 1000)) };
}

async function loadWebsite(platform: Platform): Promise<number> {
  const existing = await platform.db
    .selectFrom('website_articles')
    .select('slug')
    .where(
      'slug',
      'in',
      articles.map((a) => a.slug),
    )
    .execute();
  const done = new Set(existing.map((r) => r.slug));
  if (done.size === articles.length) return 0;
  const editorUser = await findUserByUsername(platform.db, 'demo.bientap');
  const boardUser = await findUserByUsername(platform.db, 'demo.tuyengiao');
  if (!editorUser || !boardUser) return 0;
  // The loader acts with every permission, in the names of the website's editor and the Propaganda Board.
  const editor: Caller = {
    actor: { userId: editorUser.id, name: editorUser.display_name },
    grants: [{ role: 'system_admin', unitId: null }],
  };
  const board: Caller = {
    actor: { userId: boardUser.id, name: boardUser.display_name },
    grants: [{ role: 'system_admin', unitId: null }],
  };
  const planId = await demoPlanId(platform, SEED_DEMO_KEY);
  const refs = new Map(
    (await topLevelActivityRefs(platform.db, 1000)).filter((a) => a.planId === planId).map((a) => [a.ref, a.id]),
  );
  let added = 0;
  for (const a of articles) {
    if (done.has(a.slug)) continue;
    const p = at(platform, a.written);
    const image = await uploadImage(
      p,
      editor,
      await demoBanner(a.cover.line1, a.cover.line2, a.cover.colours),
      `${a.slug}.png`,
    );
    const units: string[] = [];
    for (const code of a.units) {
      const u = await unitByCode(platform.db, code);
      if (u) units.push(u.id);
    }
    const body = [
      `<p>${escapeHtml(a.paragraphs[0])}</p>`,
      ...(a.quote ? [`<blockquote><p>${escapeHtml(a.quote)}</p></blockquote>`] : []),
      ...a.paragraphs.slice(1).map((x) => `<p>${escapeHtml(x)}</p>`),
    ].join('');
    const made = await createArticle(p, editor, {
      title: a.title,
      slug: a.slug,
      summary: a.summary,
      bodyHtml: body,
      categorySlug: a.category,
      tags: a.tags,
      author: editorUser.display_name,
      coverImageId: image.id,
      coverAlt: a.alt,
      coverCaption: a.caption,
      activityIds: a.activities.map((r) => refs.get(r)).filter((x): x is string => Boolean(x)),
      unitIds: units,
    });
    added++;
    if (a.outcome === 'draft') continue;
    await submitArticle(p, editor, made.id);
    if (a.outcome === 'submitted') continue;
    await approveArticle(p, board, made.id, 'Đồng ý đăng.');
    if (a.outcome === 'scheduled') await scheduleArticle(p, board, made.id, a.publishAt!);
    else await publishArticle(p, board, made.id);
  }
  return added;
}

export const websiteDemo: DemoLoader = { name: 'website', load: loadWebsite };
