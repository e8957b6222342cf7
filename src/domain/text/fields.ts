/**
 * Default taxonomy of petition fields (lĩnh vực) and competent-level rules, as data: a council can
 * extend or replace both. Keywords are written with diacritics; matching also works on text typed
 * without accents (see classify.ts).
 */

export interface FieldDefinition {
  /** Stable code (English, snake case). */
  code: string;
  /** Vietnamese name shown to users. */
  name: string;
  keywords: string[];
}

export type CompetentLevel = 'central' | 'province' | 'district' | 'commune';

export const LEVEL_NAMES: Record<CompetentLevel, string> = {
  central: 'Trung ương',
  province: 'Tỉnh',
  district: 'Thị xã (cấp huyện)',
  commune: 'Xã, phường',
};

export interface LevelRule {
  level: CompetentLevel;
  /** Phrases that put a petition at this level ("quốc lộ" → central). */
  keywords: string[];
  /** Higher wins when several levels match (default: central 4, province 3, district 2, commune 1). */
  priority?: number;
}

export const DEFAULT_FIELDS: readonly FieldDefinition[] = [
  {
    code: 'land',
    name: 'Đất đai',
    keywords: [
      'đất', 'đất đai', 'đất ở', 'đất nông nghiệp', 'đất rừng', 'thửa đất', 'quyền sử dụng đất', 'giấy chứng nhận quyền sử dụng đất',
      'sổ đỏ', 'cấp giấy chứng nhận', 'cấp sổ', 'chuyển mục đích sử dụng đất', 'tranh chấp đất', 'lấn chiếm đất', 'đo đạc', 'địa chính',
      'bồi thường', 'giải phóng mặt bằng', 'thu hồi đất', 'tái định cư', 'giá đất', 'quy hoạch sử dụng đất', 'giao đất', 'tách thửa',
      'hợp thửa', 'đền bù', 'trích đo', 'ranh giới',
    ],
  },
  {
    code: 'transport',
    name: 'Giao thông',
    keywords: [
      'giao thông', 'quốc lộ', 'đường tỉnh', 'tỉnh lộ', 'đường huyện', 'đường giao thông', 'tuyến đường', 'mặt đường', 'nâng cấp đường',
      'sửa chữa đường', 'làm đường', 'mở rộng đường', 'ổ gà', 'ổ voi', 'xuống cấp', 'cầu', 'cống', 'cầu tràn', 'ngầm', 'đèn tín hiệu',
      'biển báo', 'gờ giảm tốc', 'vạch sơn', 'an toàn giao thông', 'hành lang an toàn giao thông', 'tai nạn giao thông', 'đường sắt',
      'cao tốc', 'xe tải', 'xe quá tải', 'xe khách', 'bến xe', 'điểm dừng', 'lối đi', 'đường bê tông', 'bê tông hóa', 'đường liên thôn',
      'đường liên xã', 'nút giao', 'cầu vượt', 'hầm chui', 'giải phân cách', 'vỉa hè', 'đèn đường', 'chiếu sáng',
    ],
  },
  {
    code: 'construction',
    name: 'Xây dựng',
    keywords: [
      'xây dựng', 'giấy phép xây dựng', 'cấp phép xây dựng', 'xây dựng trái phép', 'nhà ở', 'quy hoạch', 'quy hoạch chi tiết',
      'khu dân cư', 'khu đô thị', 'dự án', 'chậm tiến độ', 'treo', 'quy hoạch treo', 'dự án treo', 'chất lượng công trình',
      'công trình', 'nhà văn hóa', 'hạ tầng', 'thoát nước', 'mương thoát nước', 'ngập úng', 'ngập nước', 'hệ thống thoát nước',
      'cống thoát nước', 'nghĩa trang', 'trật tự đô thị', 'chỉnh trang đô thị', 'nhà đầu tư', 'nhà thầu', 'thi công',
    ],
  },
  {
    code: 'electricity',
    name: 'Điện',
    keywords: [
      'điện', 'lưới điện', 'điện lực', 'mất điện', 'cúp điện', 'cắt điện', 'điện áp', 'điện yếu', 'trạm biến áp', 'đường dây',
      'đường dây điện', 'cột điện', 'kéo điện', 'điện sinh hoạt', 'điện sản xuất', 'tiền điện', 'giá điện', 'hóa đơn điện', 'công tơ',
      'điện chiếu sáng', 'hạ thế', 'trung thế', 'quá tải điện', 'hành lang lưới điện', 'điện mặt trời',
    ],
  },
  {
    code: 'water',
    name: 'Nước sạch',
    keywords: [
      'nước sạch', 'nước sinh hoạt', 'cấp nước', 'nhà máy nước', 'đường ống', 'đường ống nước', 'ống nước', 'thiếu nước', 'nước máy',
      'giá nước', 'tiền nước', 'nước giếng', 'giếng', 'nhiễm mặn', 'nước nhiễm phèn', 'nhiễm phèn', 'công trình cấp nước',
      'hệ thống cấp nước', 'đấu nối', 'áp lực nước', 'nước đục', 'khan hiếm nước',
    ],
  },
  {
    code: 'environment',
    name: 'Môi trường',
    keywords: [
      'môi trường', 'ô nhiễm', 'ô nhiễm môi trường', 'rác', 'rác thải', 'thu gom rác', 'bãi rác', 'xử lý rác', 'nước thải', 'mùi hôi',
      'khói', 'bụi', 'tiếng ồn', 'chất thải', 'vệ sinh môi trường', 'xả thải', 'cá chết', 'sạt lở', 'xâm thực', 'khai thác cát',
      'khai thác khoáng sản', 'cát', 'sỏi', 'khoáng sản', 'lò', 'chăn nuôi heo', 'trại heo', 'bờ biển', 'rừng phòng hộ', 'cây xanh',
      'biến đổi khí hậu', 'thiên tai', 'ngập lụt', 'phòng chống thiên tai', 'kè', 'kè chắn sóng',
    ],
  },
  {
    code: 'health',
    name: 'Y tế',
    keywords: [
      'y tế', 'trạm y tế', 'bệnh viện', 'trung tâm y tế', 'bác sĩ', 'y bác sĩ', 'khám chữa bệnh', 'khám bệnh', 'chữa bệnh', 'thuốc',
      'bảo hiểm y tế', 'thẻ bảo hiểm y tế', 'dịch bệnh', 'sốt xuất huyết', 'tiêm chủng', 'vắc xin', 'an toàn thực phẩm',
      'vệ sinh an toàn thực phẩm', 'ngộ độc', 'cấp cứu', 'xe cứu thương', 'thái độ phục vụ', 'trang thiết bị y tế', 'dược',
    ],
  },
  {
    code: 'education',
    name: 'Giáo dục',
    keywords: [
      'giáo dục', 'trường', 'trường học', 'học sinh', 'giáo viên', 'phòng học', 'lớp học', 'mầm non', 'mẫu giáo', 'tiểu học',
      'trung học cơ sở', 'trung học phổ thông', 'học phí', 'các khoản thu', 'sách giáo khoa', 'bán trú', 'điểm trường', 'sáp nhập trường',
      'dạy thêm', 'học thêm', 'tuyển sinh', 'đào tạo', 'cơ sở vật chất trường', 'nhà vệ sinh trường', 'sân trường', 'bếp ăn',
    ],
  },
  {
    code: 'labour',
    name: 'Lao động – việc làm',
    keywords: [
      'lao động', 'việc làm', 'giải quyết việc làm', 'thất nghiệp', 'bảo hiểm thất nghiệp', 'xuất khẩu lao động', 'đào tạo nghề',
      'học nghề', 'công nhân', 'tiền lương', 'nợ lương', 'doanh nghiệp nợ', 'người lao động', 'hợp đồng lao động', 'khu công nghiệp',
      'tuyển dụng', 'lao động nông thôn', 'vay vốn giải quyết việc làm', 'an toàn lao động',
    ],
  },
  {
    code: 'social_policy',
    name: 'Chính sách xã hội',
    keywords: [
      'chính sách', 'chính sách xã hội', 'người có công', 'thương binh', 'liệt sĩ', 'bệnh binh', 'chất độc da cam', 'hộ nghèo',
      'cận nghèo', 'thoát nghèo', 'bảo trợ xã hội', 'trợ cấp', 'phụ cấp', 'người cao tuổi', 'người khuyết tật', 'khuyết tật',
      'trợ cấp xã hội', 'nhà tình nghĩa', 'nhà ở cho người có công', 'hỗ trợ nhà ở', 'ngân hàng chính sách xã hội', 'vay vốn',
      'bảo hiểm xã hội', 'lương hưu', 'hưu trí', 'chế độ', 'chế độ chính sách', 'mẹ việt nam anh hùng', 'thanh niên xung phong',
      'cựu chiến binh', 'kháng chiến', 'hỗ trợ', 'mất sức', 'trẻ em', 'bà mẹ',
    ],
  },
  {
    code: 'security',
    name: 'An ninh trật tự',
    keywords: [
      'an ninh', 'trật tự', 'an ninh trật tự', 'trộm cắp', 'trộm', 'ma túy', 'cờ bạc', 'đánh bạc', 'tệ nạn', 'tệ nạn xã hội',
      'công an', 'đua xe', 'gây rối', 'băng nhóm', 'tín dụng đen', 'cho vay nặng lãi', 'lừa đảo', 'mất trộm', 'camera an ninh',
      'trật tự an toàn xã hội', 'tụ tập', 'hát karaoke', 'karaoke', 'tiếng ồn karaoke', 'bạo lực', 'pháo', 'vũ khí',
    ],
  },
  {
    code: 'agriculture',
    name: 'Nông nghiệp',
    keywords: [
      'nông nghiệp', 'nông dân', 'cây trồng', 'vật nuôi', 'chăn nuôi', 'dịch bệnh gia súc', 'dịch tả', 'lở mồm long móng',
      'giống', 'phân bón', 'thuốc bảo vệ thực vật', 'lúa', 'mùa vụ', 'sản xuất nông nghiệp', 'khuyến nông', 'nông sản', 'tiêu thụ nông sản',
      'thủy sản', 'ngư dân', 'tàu cá', 'đánh bắt', 'nuôi trồng thủy sản', 'rừng', 'trồng rừng', 'keo', 'bò', 'heo', 'gà', 'tôm',
      'nông thôn mới', 'hợp tác xã', 'cánh đồng', 'dồn điền đổi thửa', 'bảo hiểm tàu cá', 'dầu', 'khai thác hải sản',
    ],
  },
  {
    code: 'irrigation',
    name: 'Thủy lợi',
    keywords: [
      'thủy lợi', 'kênh', 'kênh mương', 'mương', 'kênh thủy lợi', 'kiên cố hóa kênh mương', 'đập', 'hồ chứa', 'hồ thủy lợi', 'trạm bơm',
      'tưới', 'nước tưới', 'tiêu úng', 'đê', 'bờ bao', 'cống ngăn mặn', 'ngăn mặn', 'thạch nham', 'nạo vét', 'bồi lắng', 'khô hạn', 'hạn hán',
    ],
  },
  {
    code: 'culture',
    name: 'Văn hóa',
    keywords: [
      'văn hóa', 'nhà văn hóa', 'thể thao', 'sân thể thao', 'sân bóng', 'di tích', 'lễ hội', 'thiết chế văn hóa', 'khu vui chơi',
      'du lịch', 'gia đình văn hóa', 'văn nghệ', 'thư viện', 'đình', 'lăng', 'di tích lịch sử', 'bia tưởng niệm', 'tượng đài',
    ],
  },
  {
    code: 'communications',
    name: 'Thông tin truyền thông',
    keywords: [
      'thông tin', 'truyền thông', 'truyền thanh', 'loa', 'loa truyền thanh', 'đài truyền thanh', 'sóng', 'sóng điện thoại', 'internet',
      'mạng', 'viễn thông', 'cáp quang', 'bưu điện', 'báo chí', 'tuyên truyền', 'chuyển đổi số', 'dịch vụ công trực tuyến', 'sóng truyền hình',
    ],
  },
  {
    code: 'finance',
    name: 'Tài chính – ngân sách',
    keywords: [
      'tài chính', 'ngân sách', 'kinh phí', 'vốn', 'vốn đầu tư', 'phân bổ vốn', 'thuế', 'phí', 'lệ phí', 'thu ngân sách', 'chi ngân sách',
      'nợ đọng', 'quyết toán', 'thanh toán', 'đóng góp', 'huy động', 'giá', 'thu tiền', 'tiền sử dụng đất', 'xây dựng cơ bản',
    ],
  },
  {
    code: 'home_affairs',
    name: 'Nội vụ',
    keywords: [
      'nội vụ', 'cán bộ', 'công chức', 'viên chức', 'cán bộ không chuyên trách', 'không chuyên trách', 'biên chế', 'tinh giản biên chế',
      'sáp nhập', 'sắp xếp', 'đơn vị hành chính', 'sắp xếp đơn vị hành chính', 'thôn', 'tổ dân phố', 'trưởng thôn', 'phụ cấp cán bộ',
      'thủ tục hành chính', 'cải cách hành chính', 'một cửa', 'con dấu', 'thi đua khen thưởng', 'khen thưởng', 'địa giới hành chính',
      'căn cước công dân', 'hộ tịch', 'hộ khẩu', 'đăng ký thường trú', 'định danh điện tử',
    ],
  },
  {
    code: 'religion',
    name: 'Tôn giáo',
    keywords: [
      'tôn giáo', 'tín ngưỡng', 'chùa', 'nhà thờ', 'giáo xứ', 'tịnh xá', 'cơ sở tôn giáo', 'hoạt động tôn giáo', 'phật giáo', 'công giáo',
      'tin lành', 'cao đài', 'đạo', 'miếu', 'lăng vạn', 'cơ sở thờ tự', 'thờ tự',
    ],
  },
];

export const DEFAULT_LEVEL_RULES: readonly LevelRule[] = [
  {
    level: 'central',
    priority: 4,
    keywords: [
      'quốc lộ', 'cao tốc', 'đường sắt', 'nghị định', 'chính phủ', 'thủ tướng', 'quốc hội', 'luật', 'thông tư', 'trung ương',
      'bộ y tế', 'bộ nội vụ', 'bộ công thương', 'bộ tài nguyên và môi trường', 'bộ nông nghiệp', 'bộ giáo dục', 'bộ tài chính', 'bộ giao thông vận tải', 'bộ lao động', 'lương hưu', 'mức lương cơ sở',
      'chính sách tiền lương', 'bảo hiểm xã hội việt nam', 'tập đoàn điện lực việt nam', 'tổng cục', 'đường hồ chí minh', 'toàn quốc', 'cả nước',
    ],
  },
  {
    level: 'province',
    priority: 3,
    keywords: [
      'tỉnh', 'đường tỉnh', 'tỉnh lộ', 'ủy ban nhân dân tỉnh', 'sở giao thông vận tải', 'sở tài nguyên và môi trường',
      'sở y tế', 'sở giáo dục và đào tạo', 'sở lao động thương binh và xã hội', 'sở xây dựng', 'sở nông nghiệp và phát triển nông thôn',
      'sở tài chính', 'sở công thương', 'sở nội vụ', 'hội đồng nhân dân tỉnh', 'nghị quyết hội đồng nhân dân tỉnh',
      'bệnh viện tỉnh', 'bệnh viện đa khoa tỉnh', 'điện lực', 'công ty điện lực', 'trung học phổ thông', 'kênh thạch nham',
      'công ty khai thác công trình thủy lợi', 'ban quản lý dự án tỉnh', 'khu kinh tế', 'dung quất', 'cấp tỉnh',
    ],
  },
  {
    level: 'district',
    priority: 2,
    keywords: [
      'thị xã', 'ủy ban nhân dân thị xã', 'đường huyện', 'trung tâm y tế thị xã', 'phòng tài nguyên và môi trường', 'phòng kinh tế',
      'phòng quản lý đô thị', 'phòng lao động thương binh và xã hội', 'phòng giáo dục và đào tạo', 'phòng nội vụ', 'trung học cơ sở',
      'giấy chứng nhận quyền sử dụng đất', 'bồi thường', 'giải phóng mặt bằng', 'thu hồi đất', 'tái định cư', 'cấp thị xã',
      'văn phòng đăng ký đất đai', 'ban quản lý dự án', 'cụm công nghiệp', 'thu gom rác', 'quy hoạch', 'giấy phép xây dựng',
    ],
  },
  {
    level: 'commune',
    priority: 1,
    keywords: [
      'thôn', 'tổ dân phố', 'xóm', 'đường thôn', 'đường liên thôn', 'đường bê tông', 'nhà văn hóa thôn', 'trạm y tế', 'mầm non',
      'mẫu giáo', 'ủy ban nhân dân xã', 'ủy ban nhân dân phường', 'cấp xã', 'công an xã', 'trưởng thôn', 'đèn đường', 'kiệt', 'hẻm',
      'mương nội đồng', 'kênh nội đồng', 'xác nhận',
    ],
  },
];
