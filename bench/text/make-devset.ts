/**
 * Generates bench/data/opinions.jsonl: voter opinions in the style of contact-meeting minutes of
 * the Đức Phổ area (Quảng Ngãi). Written by the project's engineers: the issues and phrasings are
 * hand-written below, the people are invented, commune/ward and road names are real, hamlet names
 * are partly invented. Run: node bench/text/make-devset.ts
 *
 * Each concept has several hand-written phrasings (different voters say it differently) and one
 * or more objects; each (concept, object) pair is one `group` (same issue). Different objects of
 * the same concept are the hard negatives. Noise: speaker prefixes, old-style tone placement,
 * abbreviations, missing diacritics.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { canonicalTones, stripDiacritics } from '../../src/domain/text/normalize.ts';

interface Concept {
  key: string;
  field: string;
  level: 'central' | 'province' | 'district' | 'commune';
  objects: string[];
  phrasings: string[]; // {X} = object
}

const COMMUNES = ['phường Nguyễn Nghiêm', 'phường Phổ Hòa', 'phường Phổ Minh', 'phường Phổ Vinh', 'phường Phổ Ninh', 'phường Phổ Thạnh', 'phường Phổ Văn', 'phường Phổ Quang', 'xã Phổ Châu', 'xã Phổ An', 'xã Phổ Thuận', 'xã Phổ Nhơn', 'xã Phổ Phong', 'xã Phổ Khánh', 'xã Phổ Cường'];
const HAMLETS = ['An Thạch', 'Hiệp An', 'Vĩnh An', 'Tân Diêm', 'Thạnh Đức', 'Mỹ Á', 'Vĩnh Tuy', 'Trung Hòa', 'Xuân Thành', 'Long Thạnh', 'Hải Tân', 'Phước Thịnh', 'Nho Lâm', 'Hòa Thạnh', 'An Lợi', 'Tập An Nam', 'La Vân', 'Đông Quang', 'Thủy Triều', 'Vinh Thạnh'];

const C: Concept[] = [
  { key: 'ql1a-repair', field: 'transport', level: 'central', objects: ['đoạn qua phường Phổ Vinh', 'đoạn qua xã Phổ Châu'], phrasings: [
    'Đề nghị sửa chữa, nâng cấp Quốc lộ 1A {X}, mặt đường hư hỏng nhiều ổ gà gây mất an toàn giao thông.',
    'Quốc lộ 1A {X} xuống cấp nghiêm trọng, nhiều ổ gà, ổ voi; đề nghị cơ quan chức năng sớm sửa chữa.',
    'Mặt đường QL1A {X} bị lún, nứt, mưa xuống đọng nước, xe máy thường xuyên té ngã. Kiến nghị Bộ Giao thông vận tải sớm khắc phục.',
    'Cử tri bức xúc vì Quốc lộ 1A {X} sửa đi sửa lại nhưng vẫn hư hỏng, đề nghị kiểm tra chất lượng thi công.',
    'Đề nghị khắc phục các ổ gà trên quốc lộ 1A {X} trước mùa mưa bão.' ] },
  { key: 'ql1a-lights', field: 'transport', level: 'central', objects: ['đoạn qua phường Phổ Minh', 'đoạn qua phường Phổ Thạnh', 'đoạn qua xã Phổ Khánh'], phrasings: [
    'Đề nghị lắp đặt hệ thống đèn chiếu sáng trên Quốc lộ 1A {X} vì ban đêm rất tối, thường xảy ra tai nạn.',
    'Quốc lộ 1A {X} chưa có đèn chiếu sáng, người dân đi lại ban đêm nguy hiểm, đề nghị đầu tư lắp đèn.',
    'Kiến nghị bố trí đèn đường và đèn tín hiệu tại các nút giao trên QL1A {X}.' ] },
  { key: 'ql24-upgrade', field: 'transport', level: 'central', objects: ['đoạn từ ngã ba Thạch Trụ đi Ba Tơ'], phrasings: [
    'Đề nghị nâng cấp, mở rộng Quốc lộ 24 {X} vì đường hẹp, xe tải lưu thông nhiều.',
    'Quốc lộ 24 {X} hẹp và xuống cấp, nhiều khúc cua nguy hiểm; đề nghị Trung ương sớm đầu tư mở rộng.',
    'Cử tri tiếp tục kiến nghị mở rộng QL24 {X}, kiến nghị này đã nêu nhiều kỳ họp nhưng chưa được giải quyết.' ] },
  { key: 'dt-road', field: 'transport', level: 'province', objects: ['ĐT 628', 'ĐT 624', 'ĐT 627'], phrasings: [
    'Đường tỉnh {X} đoạn qua địa bàn bị hư hỏng nặng, đề nghị tỉnh bố trí vốn sửa chữa.',
    'Đề nghị Sở Giao thông vận tải sớm sửa chữa tuyến {X}, mặt đường bong tróc, nhiều ổ gà.',
    'Tuyến đường tỉnh {X} xe quá tải chạy nhiều làm hư đường, đề nghị kiểm soát tải trọng xe.',
    'Kiến nghị nâng cấp {X} đã lâu nhưng chưa thực hiện, đề nghị tỉnh quan tâm.' ] },
  { key: 'hamlet-road', field: 'transport', level: 'commune', objects: ['thôn An Thạch', 'thôn Hiệp An', 'tổ dân phố Long Thạnh', 'thôn Nho Lâm', 'thôn La Vân', 'thôn Phước Thịnh'], phrasings: [
    'Đề nghị bê tông hóa tuyến đường liên xóm ở {X}, mùa mưa lầy lội đi lại khó khăn.',
    'Đường giao thông nông thôn {X} chưa được bê tông, học sinh đi học rất vất vả, đề nghị đầu tư.',
    'Người dân {X} sẵn sàng đóng góp ngày công, đề nghị Nhà nước hỗ trợ xi măng để làm đường bê tông.',
    'Tuyến đường đất {X} dài khoảng 800 m, đề nghị đưa vào kế hoạch bê tông hóa năm tới.' ] },
  { key: 'electricity-grid', field: 'electricity', level: 'province', objects: ['thôn Vĩnh An', 'thôn Đông Quang', 'tổ dân phố Hải Tân', 'thôn Xuân Thành', 'thôn Trung Hòa'], phrasings: [
    'Đề nghị ngành điện kéo điện cho các hộ dân ở {X}, hiện phải câu nhờ điện rất xa.',
    'Điện sinh hoạt ở {X} rất yếu, buổi tối bóng đèn không sáng, quạt không quay; đề nghị Điện lực Đức Phổ nâng cấp trạm biến áp.',
    'Kiến nghị đầu tư lưới điện hạ thế cho {X}, nhiều hộ dùng dây điện tạm không an toàn.',
    'Điện áp ở {X} chập chờn, thường xuyên mất điện làm hư hỏng thiết bị, đề nghị Công ty Điện lực Quảng Ngãi khắc phục.' ] },
  { key: 'power-cuts', field: 'electricity', level: 'province', objects: [''], phrasings: [
    'Cử tri phản ánh tình trạng cắt điện không báo trước, ảnh hưởng đến sản xuất kinh doanh, đề nghị ngành điện thông báo lịch cắt điện sớm.',
    'Ngành điện cắt điện thường xuyên vào mùa nắng nóng mà không thông báo, đề nghị chấn chỉnh.',
    'Đề nghị Điện lực thông báo trước lịch cúp điện trên loa truyền thanh để người dân chủ động.' ] },
  { key: 'water-supply', field: 'water', level: 'district', objects: ['phường Phổ Thạnh', 'xã Phổ Khánh', 'phường Phổ Quang', 'xã Phổ Châu'], phrasings: [
    'Đề nghị đầu tư hệ thống cấp nước sạch cho người dân {X}, mùa nắng giếng khô, nước nhiễm mặn.',
    'Người dân {X} thiếu nước sinh hoạt trầm trọng vào mùa khô, đề nghị mở rộng đường ống nước máy.',
    'Kiến nghị sớm kéo đường ống nước sạch về {X}; nhiều hộ đã đăng ký đấu nối nhưng chưa có nước.',
    'Nước giếng ở {X} bị nhiễm phèn, nhiễm mặn không sử dụng được, đề nghị cấp nước sạch.' ] },
  { key: 'water-quality', field: 'water', level: 'district', objects: ['nhà máy nước Phổ Phong'], phrasings: [
    'Nước máy từ {X} thường xuyên bị đục, có mùi, đề nghị kiểm tra chất lượng nước.',
    'Chất lượng nước của {X} không đảm bảo, có lúc nước vàng đục, đề nghị đơn vị cấp nước xử lý.',
    'Đề nghị kiểm tra lại giá nước và chất lượng nước sạch do {X} cung cấp.' ] },
  { key: 'garbage', field: 'environment', level: 'district', objects: ['xã Phổ Nhơn', 'xã Phổ Cường', 'phường Phổ Văn', 'xã Phổ Thuận'], phrasings: [
    'Đề nghị tổ chức thu gom rác thải sinh hoạt tại {X}, hiện rác vứt bừa bãi gây ô nhiễm môi trường.',
    'Ở {X} chưa có xe thu gom rác, người dân phải đốt rác hoặc đổ xuống mương, đề nghị thị xã quan tâm.',
    'Rác thải tồn đọng dọc đường ở {X} bốc mùi hôi thối, đề nghị tăng tần suất thu gom.' ] },
  { key: 'pig-farm', field: 'environment', level: 'district', objects: ['trại heo ở thôn Trung Hòa', 'trại heo ở thôn La Vân'], phrasings: [
    'Cử tri phản ánh {X} xả nước thải ra môi trường, mùi hôi ảnh hưởng đến đời sống người dân xung quanh.',
    '{X} gây ô nhiễm nghiêm trọng, nước thải chảy ra ruộng; đề nghị kiểm tra, xử lý dứt điểm.',
    'Đề nghị cơ quan chức năng kiểm tra việc xử lý chất thải của {X}, người dân đã phản ánh nhiều lần.' ] },
  { key: 'sand-mining', field: 'environment', level: 'province', objects: ['sông Trà Câu', 'sông Thoa'], phrasings: [
    'Tình trạng khai thác cát trái phép trên {X} diễn ra ban đêm gây sạt lở bờ sông, đề nghị xử lý nghiêm.',
    'Đề nghị ngăn chặn việc hút cát trên {X}, bờ sông sạt lở ăn sâu vào đất sản xuất của người dân.',
    'Khai thác cát trên {X} làm sạt lở nghiêm trọng, đề nghị thu hồi giấy phép và kè bờ sông.' ] },
  { key: 'coastal-erosion', field: 'environment', level: 'province', objects: ['khu dân cư Tân Diêm', 'khu dân cư Thạnh Đức', 'khu dân cư Vĩnh Tuy'], phrasings: [
    'Sạt lở bờ biển tại {X} đe dọa nhà cửa của nhiều hộ dân, đề nghị đầu tư kè chắn sóng.',
    'Đề nghị tỉnh sớm xây dựng kè chống sạt lở bờ biển ở {X}, mỗi mùa mưa bão nước biển lấn sâu.',
    'Người dân {X} lo lắng vì biển xâm thực, đề nghị có phương án di dời hoặc làm kè.' ] },
  { key: 'land-certificate', field: 'land', level: 'district', objects: [''], phrasings: [
    'Đề nghị đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất cho người dân, hồ sơ đã nộp hơn một năm chưa được cấp.',
    'Việc cấp GCNQSDĐ còn chậm, thủ tục rườm rà, người dân đi lại nhiều lần; đề nghị cải cách thủ tục.',
    'Cử tri phản ánh hồ sơ cấp sổ đỏ nộp tại Văn phòng đăng ký đất đai bị trả lại nhiều lần, đề nghị hướng dẫn một lần.',
    'Nhiều hộ dân chưa được cấp giấy chứng nhận quyền sử dụng đất do vướng quy hoạch, đề nghị xem xét giải quyết.' ] },
  { key: 'land-compensation', field: 'land', level: 'district', objects: ['dự án Khu dân cư Nam Sông Trà Câu', 'dự án đường cao tốc Quảng Ngãi – Hoài Nhơn', 'dự án Cụm công nghiệp Phổ Phong'], phrasings: [
    'Đề nghị chi trả tiền bồi thường, hỗ trợ giải phóng mặt bằng {X} cho người dân, đã thu hồi đất lâu nhưng chưa nhận tiền.',
    'Giá bồi thường đất của {X} quá thấp so với giá thị trường, đề nghị xem xét lại.',
    'Các hộ bị thu hồi đất thuộc {X} chưa được bố trí tái định cư, đề nghị sớm giải quyết.',
    'Cử tri đề nghị công khai phương án bồi thường GPMB {X}.' ] },
  { key: 'cao-toc-access', field: 'transport', level: 'central', objects: ['đường cao tốc Quảng Ngãi – Hoài Nhơn'], phrasings: [
    'Thi công {X} làm hư hỏng đường dân sinh, đề nghị nhà thầu sửa chữa hoàn trả.',
    'Xe chở vật liệu phục vụ {X} làm hư đường liên thôn, bụi mù mịt, đề nghị khắc phục.',
    'Đề nghị bố trí đường gom, hầm chui dân sinh dọc {X} để người dân đi lại sản xuất.' ] },
  { key: 'school-classrooms', field: 'education', level: 'district', objects: ['Trường THCS Phổ Minh', 'Trường Tiểu học Phổ An', 'Trường Mầm non Phổ Khánh', 'Trường THCS Phổ Nhơn'], phrasings: [
    'Đề nghị đầu tư xây dựng thêm phòng học cho {X}, hiện học sinh phải học nhờ.',
    '{X} xuống cấp, mái tôn dột, đề nghị sửa chữa trước năm học mới.',
    'Cơ sở vật chất của {X} thiếu thốn, chưa có nhà vệ sinh đạt chuẩn, đề nghị quan tâm đầu tư.' ] },
  { key: 'school-fees', field: 'education', level: 'district', objects: [''], phrasings: [
    'Đề nghị chấn chỉnh tình trạng lạm thu đầu năm học, nhà trường thu nhiều khoản ngoài quy định.',
    'Các khoản thu đầu năm học quá nhiều, phụ huynh khó khăn; đề nghị ngành giáo dục kiểm tra.',
    'Cử tri phản ánh việc dạy thêm, học thêm tràn lan và các khoản đóng góp đầu năm học, đề nghị quản lý chặt.' ] },
  { key: 'health-station', field: 'health', level: 'commune', objects: ['Trạm y tế xã Phổ Cường', 'Trạm y tế phường Phổ Quang', 'Trạm y tế xã Phổ Phong'], phrasings: [
    'Đề nghị bổ sung bác sĩ và trang thiết bị cho {X}, người dân phải lên tuyến trên khám bệnh.',
    '{X} thiếu thuốc bảo hiểm y tế, người dân khám xong phải tự mua thuốc.',
    '{X} đã xuống cấp, đề nghị sửa chữa và bổ sung trang thiết bị y tế.' ] },
  { key: 'health-insurance', field: 'health', level: 'central', objects: [''], phrasings: [
    'Đề nghị tăng mức hỗ trợ đóng bảo hiểm y tế hộ gia đình, nhiều hộ cận nghèo không đủ khả năng mua.',
    'Mức đóng BHYT hộ gia đình cao, đề nghị Chính phủ xem xét hỗ trợ thêm cho người dân nông thôn.',
    'Cử tri kiến nghị Trung ương điều chỉnh chính sách BHYT theo hộ gia đình cho phù hợp thu nhập người dân.' ] },
  { key: 'hospital-attitude', field: 'health', level: 'district', objects: ['Trung tâm Y tế thị xã Đức Phổ'], phrasings: [
    'Cử tri phản ánh thái độ phục vụ của một số nhân viên {X} chưa tốt, đề nghị chấn chỉnh.',
    'Người bệnh chờ đợi lâu khi khám chữa bệnh tại {X}, đề nghị cải tiến quy trình.',
    'Đề nghị {X} nâng cao chất lượng khám chữa bệnh và thái độ phục vụ người bệnh.' ] },
  { key: 'merit-policy', field: 'social_policy', level: 'province', objects: [''], phrasings: [
    'Đề nghị xem xét giải quyết chế độ cho người tham gia kháng chiến, hồ sơ đã nộp lâu nhưng chưa có kết quả.',
    'Nhiều hồ sơ đề nghị hưởng chế độ người có công còn tồn đọng, đề nghị Sở Lao động Thương binh và Xã hội giải quyết.',
    'Cử tri đề nghị xét công nhận và giải quyết chế độ chính sách cho thanh niên xung phong, dân công hỏa tuyến.' ] },
  { key: 'poor-households', field: 'social_policy', level: 'district', objects: [''], phrasings: [
    'Việc bình xét hộ nghèo, hộ cận nghèo chưa công khai, minh bạch; đề nghị rà soát lại.',
    'Đề nghị rà soát hộ nghèo theo tiêu chí mới, một số hộ khó khăn thật sự chưa được đưa vào danh sách.',
    'Cử tri phản ánh có hộ khá giả vẫn nằm trong danh sách hộ cận nghèo, đề nghị kiểm tra.' ] },
  { key: 'elderly-allowance', field: 'social_policy', level: 'central', objects: [''], phrasings: [
    'Đề nghị hạ độ tuổi hưởng trợ cấp xã hội cho người cao tuổi từ 80 xuống 75 tuổi.',
    'Cử tri kiến nghị Quốc hội, Chính phủ nâng mức trợ cấp hằng tháng cho người cao tuổi và người khuyết tật.',
    'Mức trợ cấp bảo trợ xã hội hiện nay quá thấp, đề nghị Trung ương điều chỉnh tăng.' ] },
  { key: 'pension', field: 'social_policy', level: 'central', objects: [''], phrasings: [
    'Đề nghị điều chỉnh tăng lương hưu cho người nghỉ hưu trước năm 1995 vì mức hưởng quá thấp.',
    'Cử tri là cán bộ hưu trí kiến nghị Chính phủ xem xét điều chỉnh lương hưu phù hợp với giá cả.' ] },
  { key: 'drugs', field: 'security', level: 'district', objects: ['phường Phổ Ninh', 'xã Phổ Thuận', 'phường Phổ Minh'], phrasings: [
    'Tình trạng thanh thiếu niên sử dụng ma túy ở {X} có chiều hướng gia tăng, đề nghị công an tăng cường kiểm tra.',
    'Cử tri lo lắng về tệ nạn ma túy, cờ bạc tại {X}, đề nghị xử lý nghiêm các đối tượng.',
    'Đề nghị công an thị xã phối hợp triệt phá các điểm mua bán ma túy ở {X}.' ] },
  { key: 'racing', field: 'security', level: 'district', objects: ['Quốc lộ 1A đoạn qua phường Nguyễn Nghiêm', 'đường Nguyễn Nghiêm'], phrasings: [
    'Tình trạng thanh niên tụ tập đua xe trái phép vào ban đêm trên {X} gây mất an ninh trật tự, đề nghị xử lý.',
    'Đề nghị công an tăng cường tuần tra, xử lý nhóm thanh niên lạng lách, đua xe trên {X}.',
    'Cử tri bức xúc việc đua xe, gây rối trên {X} vào cuối tuần.' ] },
  { key: 'black-credit', field: 'security', level: 'district', objects: [''], phrasings: [
    'Tín dụng đen, cho vay nặng lãi hoạt động công khai, dán quảng cáo khắp nơi; đề nghị công an vào cuộc.',
    'Cử tri phản ánh nhiều người dân bị tín dụng đen đe dọa, đề nghị có biện pháp ngăn chặn.' ] },
  { key: 'irrigation-canal', field: 'irrigation', level: 'commune', objects: ['kênh N6 thôn Xuân Thành', 'kênh chính thôn Phước Thịnh', 'kênh N8 thôn Hòa Thạnh'], phrasings: [
    'Đề nghị kiên cố hóa {X}, kênh đất bị sạt lở, nước không về kịp cho đồng ruộng.',
    '{X} bị bồi lắng, cỏ mọc um tùm, đề nghị nạo vét trước vụ Đông Xuân.',
    'Đề nghị sửa chữa {X} để đảm bảo nước tưới cho vụ Hè Thu.' ] },
  { key: 'dam-repair', field: 'irrigation', level: 'province', objects: ['hồ chứa nước Liệt Sơn', 'hồ chứa nước Núi Ngang'], phrasings: [
    'Đề nghị tỉnh đầu tư sửa chữa, nâng cấp {X} vì đập xuống cấp, mùa mưa lũ người dân vùng hạ du lo lắng.',
    '{X} bị rò rỉ thân đập, đề nghị kiểm tra an toàn đập.',
    'Cử tri đề nghị nạo vét lòng {X} để tăng dung tích tưới.' ] },
  { key: 'fishing-support', field: 'agriculture', level: 'central', objects: [''], phrasings: [
    'Ngư dân đề nghị Nhà nước tiếp tục hỗ trợ chi phí nhiên liệu cho tàu cá đánh bắt xa bờ.',
    'Giá dầu tăng cao, ngư dân đi biển thua lỗ; đề nghị Chính phủ có chính sách hỗ trợ.',
    'Đề nghị tiếp tục thực hiện chính sách hỗ trợ ngư dân theo Nghị định 67/2014/NĐ-CP.' ] },
  { key: 'cattle-disease', field: 'agriculture', level: 'district', objects: [''], phrasings: [
    'Dịch viêm da nổi cục trên trâu bò lây lan, đề nghị hỗ trợ vắc xin tiêm phòng miễn phí.',
    'Đề nghị ngành nông nghiệp hỗ trợ tiêm phòng cho đàn bò, nhiều con bị bệnh viêm da nổi cục.',
    'Cử tri chăn nuôi bò đề nghị có chính sách hỗ trợ thiệt hại do dịch bệnh trên gia súc.' ] },
  { key: 'seed-support', field: 'agriculture', level: 'district', objects: [''], phrasings: [
    'Đề nghị hỗ trợ giống lúa, phân bón cho nông dân sau đợt lũ vừa qua.',
    'Lũ lụt làm mất trắng vụ lúa, đề nghị hỗ trợ giống để nông dân kịp gieo sạ.' ] },
  { key: 'loudspeaker', field: 'communications', level: 'commune', objects: ['thôn Thủy Triều', 'tổ dân phố Vinh Thạnh', 'thôn Đông Quang'], phrasings: [
    'Hệ thống loa truyền thanh ở {X} bị hư hỏng lâu ngày, đề nghị sửa chữa để người dân nắm thông tin.',
    'Đề nghị lắp đặt thêm cụm loa truyền thanh tại {X}, người dân không nghe được thông báo.',
    'Loa truyền thanh {X} không hoạt động, đề nghị sửa chữa.' ] },
  { key: 'mobile-signal', field: 'communications', level: 'province', objects: ['vùng núi xã Phổ Phong'], phrasings: [
    'Sóng điện thoại và internet ở {X} rất yếu, học sinh học trực tuyến khó khăn; đề nghị các nhà mạng lắp trạm phát sóng.',
    'Đề nghị đầu tư trạm phát sóng di động cho {X}, hiện nhiều nơi không có sóng.' ] },
  { key: 'cultural-house', field: 'culture', level: 'commune', objects: ['thôn Tập An Nam', 'thôn Hòa Thạnh', 'thôn Hiệp An'], phrasings: [
    'Đề nghị đầu tư xây dựng nhà văn hóa {X}, hiện chưa có nơi sinh hoạt cộng đồng.',
    'Nhà văn hóa {X} xuống cấp, đề nghị hỗ trợ kinh phí sửa chữa.',
    'Cử tri {X} đề nghị bố trí đất và kinh phí xây dựng nhà văn hóa và sân thể thao.' ] },
  { key: 'relic', field: 'culture', level: 'province', objects: ['Di tích Văn hóa Sa Huỳnh', 'Di tích Chứng tích Trường Lệ'], phrasings: [
    'Đề nghị đầu tư tôn tạo {X}, hiện khu di tích xuống cấp, chưa phát huy giá trị.',
    '{X} bị lấn chiếm, đề nghị cắm mốc bảo vệ di tích.',
    'Cử tri kiến nghị tỉnh quan tâm bảo tồn, phát huy giá trị {X} gắn với phát triển du lịch.' ] },
  { key: 'staff-allowance', field: 'home_affairs', level: 'province', objects: [''], phrasings: [
    'Đề nghị nâng mức phụ cấp cho người hoạt động không chuyên trách ở thôn, tổ dân phố vì quá thấp.',
    'Phụ cấp của trưởng thôn, công an viên quá thấp so với khối lượng công việc, đề nghị tỉnh điều chỉnh.',
    'Cử tri kiến nghị HĐND tỉnh xem xét tăng phụ cấp cho cán bộ không chuyên trách cấp xã và thôn.' ] },
  { key: 'merge-hamlets', field: 'home_affairs', level: 'district', objects: [''], phrasings: [
    'Sau khi sáp nhập thôn, địa bàn rộng, đề nghị bố trí thêm nhà sinh hoạt và xem xét lại việc sắp xếp.',
    'Việc sắp xếp, sáp nhập thôn, tổ dân phố gây khó khăn cho người dân trong làm thủ tục, đề nghị hướng dẫn cập nhật giấy tờ.' ] },
  { key: 'id-card', field: 'home_affairs', level: 'district', objects: [''], phrasings: [
    'Đề nghị công an tổ chức cấp căn cước công dân lưu động cho người già, người bệnh không đi lại được.',
    'Thẻ CCCD làm lâu chưa nhận được, đề nghị công an kiểm tra, trả thẻ cho người dân.' ] },
  { key: 'temple-land', field: 'religion', level: 'district', objects: ['chùa Phước Quang', 'tịnh xá Ngọc Phổ', 'giáo xứ Đức Phổ'], phrasings: [
    'Đề nghị xem xét cấp giấy chứng nhận quyền sử dụng đất cho {X}.',
    '{X} đề nghị được giao thêm đất để mở rộng cơ sở thờ tự.',
    'Cử tri là tín đồ đề nghị giải quyết hồ sơ đất đai của {X} đã tồn đọng nhiều năm.' ] },
  { key: 'budget-debt', field: 'finance', level: 'district', objects: [''], phrasings: [
    'Nhiều công trình nông thôn mới đã hoàn thành nhưng chưa được thanh toán, nhà thầu nợ lương công nhân; đề nghị bố trí vốn trả nợ xây dựng cơ bản.',
    'Đề nghị thị xã bố trí ngân sách thanh toán nợ đọng xây dựng cơ bản các công trình đã quyết toán.' ] },
  { key: 'land-tax', field: 'finance', level: 'district', objects: [''], phrasings: [
    'Tiền sử dụng đất khi chuyển mục đích quá cao, đề nghị xem xét cho nộp chậm hoặc giảm.',
    'Đề nghị giảm tiền sử dụng đất cho hộ gia đình chuyển đổi đất vườn sang đất ở.' ] },
  { key: 'jobs', field: 'labour', level: 'district', objects: [''], phrasings: [
    'Đề nghị mở các lớp đào tạo nghề gắn với giải quyết việc làm cho lao động nông thôn.',
    'Thanh niên địa phương thiếu việc làm, đề nghị kêu gọi doanh nghiệp đầu tư vào cụm công nghiệp để tạo việc làm.',
    'Cử tri đề nghị hỗ trợ vay vốn giải quyết việc làm và đào tạo nghề cho người lao động.' ] },
  { key: 'company-wages', field: 'labour', level: 'province', objects: ['Công ty may Đức Phổ', 'nhà máy chế biến gỗ ở cụm công nghiệp Phổ Phong'], phrasings: [
    '{X} nợ lương và chưa đóng bảo hiểm xã hội cho công nhân, đề nghị kiểm tra xử lý.',
    'Công nhân {X} chưa được đóng BHXH đầy đủ, đề nghị cơ quan chức năng can thiệp.' ] },
  { key: 'flood-drainage', field: 'construction', level: 'district', objects: ['tổ dân phố 3 phường Phổ Hòa', 'khu dân cư chợ Phổ Văn', 'tổ dân phố 5 phường Phổ Hòa'], phrasings: [
    'Hệ thống thoát nước ở {X} không đảm bảo, mỗi khi mưa lớn nước ngập vào nhà dân.',
    'Đề nghị đầu tư mương thoát nước cho {X}, mưa xuống là ngập úng.',
    'Cử tri {X} phản ánh tình trạng ngập nước kéo dài, đề nghị khơi thông cống thoát nước.' ] },
  { key: 'planning-suspended', field: 'construction', level: 'district', objects: ['khu đô thị mới Phổ Hòa', 'khu dân cư Bắc Trà Câu'], phrasings: [
    'Dự án {X} quy hoạch đã lâu nhưng không triển khai, người dân không được xây nhà, đề nghị hủy bỏ hoặc thực hiện dứt điểm.',
    'Quy hoạch treo tại {X} làm đời sống người dân khó khăn, không được cấp phép xây dựng.',
    'Đề nghị công bố rõ thời gian thực hiện {X}.' ] },
  { key: 'market-upgrade', field: 'construction', level: 'district', objects: ['chợ Phổ Văn', 'chợ Trà Câu', 'chợ Phổ Châu'], phrasings: [
    'Đề nghị đầu tư nâng cấp {X}, mái che hư hỏng, mùa mưa tiểu thương không buôn bán được.',
    '{X} xuống cấp, mất vệ sinh, đề nghị sửa chữa và quy hoạch lại.',
    'Cử tri là tiểu thương đề nghị sớm xây mới {X}.' ] },
  { key: 'bridge', field: 'transport', level: 'district', objects: ['cầu Bàu Sen', 'cầu Suối Bói', 'cầu Trà Câu'], phrasings: [
    'Đề nghị xây dựng {X} vì mùa mưa nước lên, học sinh và người dân không qua lại được.',
    '{X} đã xuống cấp, lan can hư hỏng, đề nghị sửa chữa để đảm bảo an toàn.',
    'Cử tri tiếp tục kiến nghị đầu tư {X}, đã kiến nghị nhiều kỳ nhưng chưa có vốn.' ] },
  { key: 'decision-1766', field: 'land', level: 'central', objects: ['Quyết định 1766/QĐ-TTg', 'Quyết định 2150/QĐ-TTg'], phrasings: [
    'Đề nghị sớm triển khai {X} để người dân trong vùng dự án ổn định cuộc sống.',
    'Cử tri đề nghị làm rõ việc thực hiện {X} liên quan đến diện tích đất của người dân.',
    'Kiến nghị Trung ương hướng dẫn thực hiện {X}, người dân chưa được phổ biến.' ] },
  { key: 'karaoke-noise', field: 'security', level: 'commune', objects: [''], phrasings: [
    'Tình trạng hát karaoke gây tiếng ồn đến khuya ảnh hưởng đến sinh hoạt của người dân, đề nghị chính quyền xử lý.',
    'Một số hộ dùng loa kẹo kéo hát karaoke quá giờ quy định, đề nghị công an xã nhắc nhở, xử phạt.' ] },
  { key: 'stray-cattle', field: 'agriculture', level: 'commune', objects: [''], phrasings: [
    'Tình trạng thả rông bò gây thiệt hại hoa màu và mất an toàn giao thông, đề nghị xử lý.',
    'Đề nghị xử lý việc chăn thả gia súc tự do trên đường, phá hoại cây trồng của người dân.' ] },
  { key: 'fishing-port', field: 'agriculture', level: 'province', objects: ['cảng cá Sa Huỳnh', 'cảng cá Mỹ Á'], phrasings: [
    'Đề nghị nạo vét luồng lạch vào {X}, tàu thuyền ra vào khó khăn, nhiều lần bị mắc cạn.',
    '{X} bị bồi lấp, đề nghị tỉnh bố trí kinh phí nạo vét.',
    'Ngư dân kiến nghị mở rộng {X} và khu neo đậu tránh trú bão.' ] },
];

// ---------------------------------------------------------------- noise
const OPENERS = ['Tiếp tục kiến nghị: ', 'Cử tri bức xúc: ', 'Kiến nghị đã nêu ở kỳ trước nhưng chưa được trả lời: ', 'Cử tri tiếp tục phản ánh: ', ''];
const CLOSERS = [' Đề nghị trả lời cụ thể thời gian thực hiện.', ' Người dân rất bức xúc.', ' Kiến nghị này cử tri đã nêu nhiều lần.', ' Đề nghị quan tâm giải quyết dứt điểm.', ' Đề nghị cho biết lộ trình.'];
function vary(p: string): string {
  let t = p;
  const r = rnd();
  if (r < 0.35) t = t.replace(/^Đề nghị /, 'Cử tri đề nghị ');
  else if (r < 0.6) t = pick(OPENERS) + t.charAt(0).toLowerCase() + t.slice(1);
  if (rnd() < 0.6) t = t.replace(/[.]?$/, '.') + pick(CLOSERS);
  return t;
}

let seed = 20260315;
function rnd(): number {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
}
function pick<T>(xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)]!;
}
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Phan', 'Trương', 'Lương', 'Đoàn'];
const MIDDLE = ['Văn', 'Đức', 'Minh', 'Thanh', 'Ngọc', 'Hữu', 'Xuân'];
const GIVEN_MEN = ['An', 'Bình', 'Cường', 'Dũng', 'Hòa', 'Hùng', 'Nam', 'Phúc', 'Sơn', 'Tâm', 'Tùng', 'Vinh', 'Khoa', 'Lộc'];
const GIVEN_WOMEN = ['Lan', 'Mai', 'Thủy', 'Yến', 'Hoa', 'Hạnh', 'Nga', 'Liên', 'Tâm', 'Hòa'];

function speaker(): string {
  const r = rnd();
  const hamlet = pick(HAMLETS);
  const commune = pick(COMMUNES);
  if (r < 0.3) return `Cử tri thôn ${hamlet}, ${commune} phản ánh: `;
  if (r < 0.45) return `Ông ${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN_MEN)} (${commune}): `;
  if (r < 0.55) return `Cử tri ${commune} kiến nghị: `;
  if (r < 0.62) return `Bà ${pick(FAMILY)} Thị ${pick(GIVEN_WOMEN)}, thôn ${hamlet}: `;
  return '';
}

const ABBR: Array<[RegExp, string]> = [
  [/Quốc lộ (\d+A?)/g, 'QL$1'], [/quốc lộ (\d+A?)/g, 'QL$1'], [/Đường tỉnh|đường tỉnh/g, 'ĐT'], [/Ủy ban nhân dân/g, 'UBND'],
  [/Hội đồng nhân dân|HĐND/g, 'HĐND'], [/bảo hiểm y tế/g, 'BHYT'], [/giấy chứng nhận quyền sử dụng đất/g, 'GCNQSDĐ'],
  [/Trường THCS/g, 'Trường THCS'], [/Trung học cơ sở/g, 'THCS'], [/tổ dân phố/g, 'TDP'], [/căn cước công dân/g, 'CCCD'],
  [/giải phóng mặt bằng/g, 'GPMB'], [/bảo hiểm xã hội/g, 'BHXH'],
];
const EXPAND: Array<[RegExp, string]> = [
  [/ĐT (\d+)/g, 'đường tỉnh $1'], [/GCNQSDĐ/g, 'giấy chứng nhận quyền sử dụng đất'], [/BHYT/g, 'bảo hiểm y tế'],
  [/CCCD/g, 'căn cước công dân'], [/GPMB/g, 'giải phóng mặt bằng'], [/HĐND/g, 'Hội đồng nhân dân'], [/QL(\d+A?)/g, 'Quốc lộ $1'], [/BHXH/g, 'bảo hiểm xã hội'],
];

function noisy(text: string): string {
  let t = text;
  const r = rnd();
  if (r < 0.3) for (const [re, s] of ABBR) t = t.replace(re, s);
  else if (r < 0.55) for (const [re, s] of EXPAND) t = t.replace(re, s);
  if (rnd() < 0.25) t = canonicalTones(t, 'modern'); // old typing habit: hoà, thuỷ, uỷ
  if (rnd() < 0.08) t = stripDiacritics(t); // typed without accents
  if (rnd() < 0.1) t = t.replace(/\.$/, '');
  return t;
}

interface Row {
  id: string;
  text: string;
  field: string;
  level: string;
  group: string;
  /** A reworded-duplicate pair (same group, different words). */
  reworded?: true;
  /** A hard negative: the same wording as one of this reworded group, about another thing. */
  negativeOf?: string;
}
const rows: Row[] = [];
let n = 0;
for (const c of C) {
  c.objects.forEach((obj, oi) => {
    const group = `${c.key}#${oi + 1}`;
    // The same issue comes up at several meetings: 1–7 opinions, phrasings reused by other voters
    // with their own additions.
    const size = 1 + Math.floor(rnd() * (c.phrasings.length + 4));
    const shuffled = [...c.phrasings].sort(() => rnd() - 0.5);
    const order = Array.from({ length: size }, (_, i) => shuffled[i % shuffled.length]!);
    for (const [i, p0] of order.entries()) {
      const p = i >= shuffled.length || rnd() < 0.3 ? vary(p0) : p0;
      const base = p.replace('{X}', obj).replace(/\s+/g, ' ').replace(/ ,/g, ',').trim();
      const sentence = base.charAt(0).toUpperCase() + base.slice(1);
      const sp = speaker();
      const text = noisy(sp ? sp + sentence.charAt(0).toLowerCase() + sentence.slice(1) : sentence);
      n++;
      rows.push({ id: `yk${String(n).padStart(4, '0')}`, text, field: c.field, level: c.level, group });
    }
  });
}
// interleave as the minutes would (by meeting, not by issue)
rows.sort(() => rnd() - 0.5);

// ---------------------------------------------------------------- reworded duplicates
// Two voters raising the same issue about the same thing in different words (few shared words),
// each pair one group marked `reworded`; and the hard negative: one of the pair's wordings about
// another thing of the same kind (another hamlet, road, bridge…), its own group. Appended after
// the generated rows so those stay as they were. Hand-written for this set.
interface Reworded { key: string; field: string; level: Row['level']; a: string; b: string; negative?: string }
const REWORDED: Reworded[] = [
  { key: 'road-hamlet', field: 'transport', level: 'commune',
    a: 'Đường bê tông thôn Vĩnh Phú bị hư hỏng nặng, nhiều ổ gà, đề nghị sửa chữa.',
    b: 'Tuyến đường vào thôn Vĩnh Phú đã xuống cấp, mặt đường lồi lõm, xe cộ đi lại rất khó khăn; kiến nghị sớm nâng cấp.',
    negative: 'Tuyến đường vào thôn Vĩnh Lộc đã xuống cấp, mặt đường lồi lõm, xe cộ đi lại rất khó khăn; kiến nghị sớm nâng cấp.' },
  { key: 'dt625', field: 'transport', level: 'province',
    a: 'Đường tỉnh 625 đoạn qua xã Phổ Nhơn bị sụt lún, bong tróc, đề nghị tỉnh bố trí kinh phí sửa chữa.',
    b: 'Đề nghị khắc phục tình trạng ĐT625 mặt đường hư hại, nhiều chỗ lún sâu, ban đêm xe máy dễ té ngã.',
    negative: 'Đề nghị khắc phục tình trạng ĐT623 mặt đường hư hại, nhiều chỗ lún sâu, ban đêm xe máy dễ té ngã.' },
  { key: 'bridge-suoi-da', field: 'transport', level: 'district',
    a: 'Cầu Suối Đá bị gãy lan can, mặt cầu nứt nhiều chỗ, đề nghị sửa chữa để bảo đảm an toàn.',
    b: 'Người dân đi qua cầu Suối Đá rất nguy hiểm vì cầu đã cũ nát, thành cầu hư; kiến nghị thị xã đầu tư làm lại.',
    negative: 'Người dân đi qua cầu Suối Lớn rất nguy hiểm vì cầu đã cũ nát, thành cầu hư; kiến nghị thị xã đầu tư làm lại.' },
  { key: 'power-hai-binh', field: 'electricity', level: 'province',
    a: 'Điện sinh hoạt ở thôn Hải Bình rất yếu, tối đến không chạy được máy bơm, đề nghị nâng cấp lưới điện.',
    b: 'Cử tri mong Điện lực lắp thêm trạm biến áp cho thôn Hải Bình vì điện áp thấp, chập chờn, đồ dùng trong nhà hay cháy.',
    negative: 'Cử tri mong Điện lực lắp thêm trạm biến áp cho thôn Hải Hòa vì điện áp thấp, chập chờn, đồ dùng trong nhà hay cháy.' },
  { key: 'flood-tay-bau', field: 'construction', level: 'district',
    a: 'Mỗi khi mưa lớn, khu dân cư Tây Bàu bị ngập sâu do không có mương thoát nước.',
    b: 'Đề nghị xây dựng hệ thống cống thoát nước cho khu dân cư Tây Bàu, nước mưa tràn vào nhà, úng kéo dài nhiều ngày.' },
  { key: 'market-waste', field: 'environment', level: 'district',
    a: 'Rác thải ở chợ Phổ Thạnh không được thu gom, bốc mùi hôi thối.',
    b: 'Đề nghị thu dọn rác tại chợ Phổ Thạnh hằng ngày, tiểu thương và người mua hàng rất khó chịu vì ô nhiễm.',
    negative: 'Đề nghị thu dọn rác tại chợ Phổ Cường hằng ngày, tiểu thương và người mua hàng rất khó chịu vì ô nhiễm.' },
  { key: 'lights-le-thanh-ton', field: 'transport', level: 'district',
    a: 'Đề nghị lắp đèn chiếu sáng trên đường Lê Thánh Tôn, ban đêm tối om, người dân đi lại không an toàn.',
    b: 'Tuyến đường Lê Thánh Tôn chưa có điện chiếu sáng công cộng, buổi tối đã xảy ra nhiều vụ va quẹt; kiến nghị thị xã đầu tư đèn đường.',
    negative: 'Tuyến đường Phạm Văn Đồng chưa có điện chiếu sáng công cộng, buổi tối đã xảy ra nhiều vụ va quẹt; kiến nghị thị xã đầu tư đèn đường.' },
  { key: 'school-roof', field: 'education', level: 'district',
    a: 'Mái tôn các phòng học Trường Tiểu học Phổ Vinh bị dột, trời mưa học sinh phải nghỉ học.',
    b: 'Đề nghị cải tạo Trường Tiểu học Phổ Vinh vì lớp học đã cũ nát, thấm nước, không bảo đảm an toàn cho các em.',
    negative: 'Đề nghị cải tạo Trường Tiểu học Phổ Ninh vì lớp học đã cũ nát, thấm nước, không bảo đảm an toàn cho các em.' },
  { key: 'canal-my-thanh', field: 'irrigation', level: 'commune',
    a: 'Kênh mương nội đồng thôn Mỹ Thạnh bị sạt, bồi lấp, nước tưới không chảy tới ruộng.',
    b: 'Đề nghị kiên cố hóa, nạo vét tuyến kênh ở thôn Mỹ Thạnh để kịp phục vụ sản xuất vụ Hè Thu.',
    negative: 'Đề nghị kiên cố hóa, nạo vét tuyến kênh ở thôn Mỹ Trang để kịp phục vụ sản xuất vụ Hè Thu.' },
  { key: 'coast-thach-by', field: 'environment', level: 'province',
    a: 'Bờ biển khu dân cư Thạch By bị xói lở nghiêm trọng, sóng đánh sát chân nhà dân.',
    b: 'Đề nghị tỉnh đầu tư xây kè chắn sóng cho khu dân cư Thạch By, mùa mưa bão nước biển ăn sâu vào đất ở.' },
  { key: 'water-an-ba', field: 'water', level: 'district',
    a: 'Người dân thôn An Ba không có nước sạch để dùng, phải mua nước bình.',
    b: 'Đề nghị kéo đường ống cấp nước máy về thôn An Ba, giếng đào nhiễm phèn, mùa khô cạn kiệt.',
    negative: 'Đề nghị kéo đường ống cấp nước máy về thôn Tân Phong, giếng đào nhiễm phèn, mùa khô cạn kiệt.' },
  { key: 'clinic-pho-van', field: 'health', level: 'commune',
    a: 'Trạm y tế phường Phổ Văn thiếu bác sĩ, người dân phải lên bệnh viện thị xã khám bệnh.',
    b: 'Đề nghị bố trí thêm y, bác sĩ và thuốc men cho trạm y tế phường Phổ Văn để chăm sóc sức khỏe ban đầu cho nhân dân.',
    negative: 'Đề nghị bố trí thêm y, bác sĩ và thuốc men cho trạm y tế phường Phổ Ninh để chăm sóc sức khỏe ban đầu cho nhân dân.' },
  { key: 'cemetery-phuoc-hoa', field: 'construction', level: 'commune',
    a: 'Nghĩa trang thôn Phước Hòa đã hết chỗ chôn cất, đề nghị mở rộng.',
    b: 'Đề nghị quy hoạch thêm đất nghĩa địa cho thôn Phước Hòa vì khu mộ hiện tại đã kín.',
    negative: 'Đề nghị quy hoạch thêm đất nghĩa địa cho thôn Phước Lộc vì khu mộ hiện tại đã kín.' },
  { key: 'quarry-nui-dau', field: 'environment', level: 'province',
    a: 'Xe chở đá từ mỏ đá núi Dâu chạy qua khu dân cư gây bụi, làm hư đường.',
    b: 'Hoạt động khai thác đá ở núi Dâu nổ mìn làm nứt nhà dân, bụi bặm ô nhiễm; đề nghị kiểm tra giấy phép.' },
  { key: 'community-tan-hoa', field: 'culture', level: 'commune',
    a: 'Nhà văn hóa thôn Tân Hòa xuống cấp, tường nứt, mái dột.',
    b: 'Đề nghị hỗ trợ kinh phí tu sửa nhà sinh hoạt cộng đồng thôn Tân Hòa đã hư hỏng nhiều năm.',
    negative: 'Đề nghị hỗ trợ kinh phí tu sửa nhà sinh hoạt cộng đồng thôn Tân An đã hư hỏng nhiều năm.' },
  { key: 'junction-thach-tru', field: 'transport', level: 'province',
    a: 'Ngã ba Thạch Trụ thường xảy ra tai nạn giao thông, đề nghị lắp đèn tín hiệu.',
    b: 'Đề nghị bố trí đèn xanh đèn đỏ và biển báo tại nút giao Thạch Trụ vì xe qua lại đông, nhiều vụ va chạm.' },
  { key: 'resettlement-go-da', field: 'construction', level: 'district',
    a: 'Khu tái định cư Gò Da chưa có nước sạch và điện, người dân vào ở rất khó khăn.',
    b: 'Đề nghị hoàn thiện hạ tầng khu tái định cư Gò Da: kéo điện, cấp nước, làm đường nội bộ để các hộ sớm ổn định cuộc sống.' },
  { key: 'pass-binh-de', field: 'transport', level: 'central',
    a: 'Đèo Bình Đê sạt taluy, đất đá tràn xuống mặt đường mỗi khi mưa.',
    b: 'Đề nghị gia cố mái dốc đèo Bình Đê, mùa mưa thường xuyên sụt trượt gây nguy hiểm cho người và phương tiện.',
    negative: 'Đề nghị gia cố mái dốc đèo Eo Gió, mùa mưa thường xuyên sụt trượt gây nguy hiểm cho người và phương tiện.' },
  { key: 'dogs', field: 'security', level: 'commune',
    a: 'Chó thả rông cắn người ngày càng nhiều, đề nghị chính quyền xử lý chủ nuôi.',
    b: 'Nhiều hộ nuôi chó không rọ mõm, không xích nhốt, để chó chạy ngoài đường gây nguy hiểm cho trẻ em; kiến nghị tăng cường xử phạt.' },
  { key: 'sidewalk-pho-van', field: 'construction', level: 'district',
    a: 'Đề nghị xử lý tình trạng lấn chiếm vỉa hè, lòng đường trước chợ Phổ Văn, người đi bộ phải đi xuống lòng đường.',
    b: 'Tiểu thương bày hàng tràn ra đường trước chợ Phổ Văn gây ùn tắc, mất an toàn giao thông; đề nghị lập lại trật tự.' },
];
const reworded: Row[] = [];
for (const r of REWORDED) {
  for (const [i, text] of [r.a, r.b].entries()) {
    reworded.push({ id: '', text: i === 1 && rnd() < 0.15 ? noisy(text) : text, field: r.field, level: r.level, group: `rw-${r.key}#1`, reworded: true });
  }
  if (r.negative) reworded.push({ id: '', text: r.negative, field: r.field, level: r.level, group: `rw-${r.key}#2`, negativeOf: `rw-${r.key}#1` });
}
for (const r of reworded) r.id = `yk${String(++n).padStart(4, '0')}`;
rows.push(...reworded);

const out = fileURLToPath(new URL('../data/opinions.jsonl', import.meta.url));
writeFileSync(out, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
console.log(`${rows.length} opinions, ${new Set(rows.map((r) => r.group)).size} groups → ${out}`);
