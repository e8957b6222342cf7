/**
 * Sample documents, for looking at the Word output as a user would.
 *
 *   node src/modules/documents/render/samples.ts OUTDIR
 *
 * writes OUTDIR/thong-bao.docx and OUTDIR/cong-van.docx and, when LibreOffice
 * and poppler-utils are installed, their PDFs and PNG pages (60 dpi).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentContent } from '../../../domain/documents/content.ts';
import {
  formatDocumentNumber,
  formatDocumentSymbol,
  formatShortDate,
  formatViNumber,
  formatViPercent,
  twoDigits,
} from '../../../domain/documents/format.ts';
import { renderDocx } from './docx.ts';
import { convertToPdf, findSoffice, pdfToPng } from './libreoffice.ts';

/** A notice shaped like the founding notice (Thông báo kết luận hội nghị trực báo, Đức Phổ, 25/11/2021). */
export const sampleNotice: DocumentContent = {
  header: {
    parentBody: 'HĐND THỊ XÃ ĐỨC PHỔ',
    issuingBody: 'THƯỜNG TRỰC HĐND THỊ XÃ',
    numberLine: formatDocumentNumber({ number: 45, typeCode: 'TB', bodyCode: 'HĐND' }),
    place: 'Đức Phổ',
    date: '2021-11-25',
  },
  kindTitle: 'THÔNG BÁO',
  subject:
    'Kết luận của Thường trực HĐND thị xã tại Hội nghị trực báo giữa Thường trực HĐND thị xã và Thường trực HĐND các xã, phường ngày 25/11/2021',
  body: [
    {
      type: 'paragraph',
      text: `Ngày ${formatShortDate('2021-11-25')}, tại Phòng họp số 1 Thị uỷ, Thường trực HĐND thị xã chủ trì, tổ chức Hội nghị trực báo (bằng hình thức trực tuyến) để đánh giá tình hình hoạt động của HĐND thị xã và các xã, phường trong năm 2021; triển khai nhiệm vụ, giải pháp chủ yếu năm 2022. Dự hội nghị tại 13 điểm cầu ở các xã, phường có Tổ trưởng các Tổ đại biểu HĐND thị xã; Thường trực, Trưởng, Phó các Ban HĐND các xã, phường.`,
    },
    {
      type: 'paragraph',
      text: 'Qua ý kiến phát biểu, thảo luận của các cơ quan, đơn vị, địa phương tham gia hội nghị; đồng chí Nguyễn Kiên - Tỉnh uỷ viên, Bí thư Thị uỷ, Chủ tịch HĐND thị xã thay mặt Thường trực HĐND thị xã kết luận một số nội dung sau:',
    },
    { type: 'heading', level: 2, text: 'Kết quả đạt được' },
    {
      type: 'heading',
      level: 3,
      text: 'Trong công tác bầu cử đại biểu Quốc hội khoá XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026:',
      runIn: `Cuộc bầu cử đã thành công, đảm bảo các quy định của pháp luật, dân chủ, an toàn, tiết kiệm, thực sự là ngày hội của toàn dân với tỷ lệ cử tri đi bầu đạt ${formatViPercent(99.38)}.`,
    },
    {
      type: 'paragraph',
      text: [
        'Bên cạnh những kết quả đạt được, cuộc bầu cử lần này còn một số hạn chế, liên quan đến công tác rà soát danh sách cử tri, nắm số lượng cử tri thường trú và tạm trú trên địa bàn ở một số xã còn chậm và gặp khó khăn do số lượng cử tri tạm trú thường xuyên biến động. ',
        {
          text: 'Một số địa phương vẫn còn một số tồn tại, hạn chế nhất định trong công tác chuẩn bị nhân sự, chuẩn bị địa điểm cũng như hồ sơ, thủ tục,... bầu cử.',
          bold: true,
        },
      ],
    },
    { type: 'heading', level: 3, text: 'Trong thực hiện một số nhiệm vụ trọng tâm thường xuyên' },
    {
      type: 'paragraph',
      text: `Trên cơ sở chương trình giám sát, khảo sát năm 2021 đã được HĐND thị xã quyết nghị thông qua, Thường trực và các Ban HĐND thị xã đã tổ chức ${twoDigits(5)} đợt giám sát và ${twoDigits(1)} đợt khảo sát. Qua thu thập, đã phối hợp phân loại, tổng hợp, đề nghị Đoàn đại biểu Quốc hội tỉnh kiến nghị Quốc hội giải quyết có ${twoDigits(7)} ý kiến; đề nghị các cơ quan chức năng của tỉnh giải quyết có ${twoDigits(25)} ý kiến; đề nghị các cơ quan chức năng thuộc thị xã giải quyết có ${twoDigits(34)} ý kiến.`,
    },
    {
      type: 'paragraph',
      text: `Thường trực HĐND các xã, phường đã cơ bản thực hiện tốt việc duy trì các hoạt động giữa các kỳ họp, làm tốt chức năng điều hòa, phối hợp hoạt động của các Ban HĐND và các cơ quan liên quan. HĐND 15 xã, phường đều tổ chức từ ${twoDigits(2)} đến ${twoDigits(4)} đợt giám sát, khảo sát đối với công tác quản lý nhà nước, các vấn đề liên quan đến phát triển kinh tế - xã hội ở địa phương.`,
    },
    {
      type: 'paragraph',
      text: 'Tuy nhiên, bên cạnh những kết quả đạt được nêu trên, trong quá trình thực hiện vẫn còn một số tồn tại, hạn chế sau: Việc rà soát, đề xuất nội dung trình kỳ họp HĐND quyết định có lúc chưa đầy đủ, chi tiết dẫn đến một số vấn đề trong quá trình triển khai thực hiện liên tục phải điều chỉnh, bổ sung; Việc đôn đốc giải quyết ý kiến, kiến nghị của cử tri chưa quyết liệt, chưa thường xuyên, có ý kiến, kiến nghị của cử tri giải quyết chậm, chưa dứt điểm.',
    },
    { type: 'heading', level: 2, text: 'Một số nhiệm vụ các tháng còn lại của năm 2021 và năm 2022' },
    {
      type: 'heading',
      level: 3,
      text: 'Đổi mới trong công tác tổ chức các kỳ họp:',
      runIn:
        'Tiếp tục phát huy tinh thần dân chủ, trách nhiệm, đổi mới, sáng tạo của đại biểu HĐND các cấp. Thường trực, các Ban HĐND phải đề cao tinh thần trách nhiệm trong việc tham dự các phiên họp của UBND; phối hợp tốt trong quá trình thẩm tra các báo cáo, đề án, dự thảo nghị quyết trình tại kỳ họp.',
    },
    {
      type: 'paragraph',
      text: 'Báo cáo thẩm tra của các Ban HĐND cần đảm bảo tính phản biện, nội dung thẩm tra phải ngắn gọn, thể hiện rõ quan điểm của Ban về những vấn đề nhất trí, những vấn đề cần phải giải trình, tiếp thu, chỉnh lý; các số liệu đưa ra trong báo cáo thẩm tra phải chuẩn xác, thuyết phục làm căn cứ cho đại biểu HĐND xem xét, quyết định.',
    },
    {
      type: 'heading',
      level: 3,
      text: 'Hoạt động giám sát, khảo sát:',
      runIn:
        'HĐND các cấp cần tiếp tục thực hiện có hiệu quả hoạt động giám sát của HĐND; có định hướng cụ thể về nội dung, phạm vi, đối tượng, thành phần, hình thức và thời gian giám sát, khảo sát, tránh chồng chéo, trùng lặp về thời gian, đối tượng giám sát.',
    },
    { type: 'heading', level: 3, text: 'Trong hoạt động phối hợp' },
    {
      type: 'list',
      style: 'bullets',
      items: [
        [
          { text: 'Đối với Ban Thường trực UBMTTQVN:', italic: true },
          ' Cần tiếp tục thực hiện có hiệu quả Quy chế phối hợp công tác, làm cơ sở để triển khai thực hiện có hiệu quả các nhiệm vụ.',
        ],
        [
          { text: 'Đối với UBND và cơ quan, ban, ngành:', italic: true },
          ' Rút kinh nghiệm trong quá trình thực hiện nhiệm vụ trong thời gian qua, thời gian tới cần thực hiện tốt một số nội dung sau:',
        ],
      ],
    },
    {
      type: 'list',
      style: 'plus',
      items: [
        'Trong công tác chuẩn bị các kỳ họp, triển khai Nghị quyết của HĐND: những nội dung có sự thay đổi, bổ sung, điều chỉnh thì UBND cần phải chủ động, kịp thời bàn bạc, trao đổi với Thường trực HĐND.',
        'UBND và các cơ quan, ban, ngành cần kịp thời gửi các văn bản thuộc chủ trương địa phương cho Thường trực HĐND cùng cấp.',
      ],
    },
    { type: 'heading', level: 2, text: 'Một số kiến nghị, đề xuất' },
    {
      type: 'heading',
      level: 3,
      text: 'Đối với việc mở lớp bồi dưỡng kỹ năng hoạt động cho đại biểu HĐND:',
      runIn:
        'Ghi nhận và giao Thường trực HĐND thị xã phối hợp với các cơ quan liên quan tổ chức tập huấn vào thời gian thích hợp.',
    },
    {
      type: 'paragraph',
      text: 'Thừa lệnh Thường trực HĐND thị xã, Văn phòng thị xã thông báo đến các cơ quan, đơn vị, địa phương liên quan biết, phối hợp thực hiện đạt hiệu quả./.',
    },
  ],
  signature: {
    lines: ['TL. THƯỜNG TRỰC HĐND', 'KT. CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'],
    signerName: 'Trần Duy Khánh',
  },
  recipients: [
    'TT Thị ủy',
    'TT HĐND thị xã',
    'Các Ban HĐND thị xã',
    'UBND thị xã',
    'BTT UBMTTQVN thị xã',
    'Tổ trưởng các Tổ đại biểu HĐND thị xã',
    'Các cơ quan, đơn vị liên quan',
    'Thường trực HĐND các xã, phường',
    'VP thị xã: Chánh, Phó, CVVP',
    'Lưu: VT',
  ],
};

const letterSymbol = formatDocumentSymbol({ number: 123, bodyCode: 'HĐND-VP' });

/** A công văn forwarding voters' petitions, with a table in an appendix and in the body. */
export const sampleLetter: DocumentContent = {
  header: {
    parentBody: 'HĐND TỈNH QUẢNG NGÃI',
    issuingBody: 'THƯỜNG TRỰC HĐND THỊ XÃ\nĐỨC PHỔ',
    numberLine: `Số: ${letterSymbol}`,
    subjectLine: 'V/v chuyển kiến nghị cử tri sau kỳ họp thứ 3',
    place: 'Đức Phổ',
    date: '2026-01-05',
  },
  kinhGui: ['Ủy ban nhân dân thị xã', 'Ban Thường trực Ủy ban MTTQ Việt Nam thị xã'],
  body: [
    {
      type: 'basis',
      lines: [
        'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025',
        'Căn cứ Nghị quyết số 594/NQ-UBTVQH15 ngày 12 tháng 9 năm 2022 của Ủy ban Thường vụ Quốc hội.',
      ],
    },
    {
      type: 'paragraph',
      text: `Sau kỳ họp thứ 3, HĐND thị xã khóa XII, Thường trực HĐND thị xã đã nhận được ${twoDigits(4)} kiến nghị của cử tri thuộc thẩm quyền giải quyết của UBND thị xã (${formatViNumber(13124)} cử tri được tiếp xúc). Thường trực HĐND thị xã chuyển các kiến nghị sau để UBND thị xã xem xét, giải quyết:`,
    },
    {
      type: 'table',
      columns: [
        { title: 'TT', width: 7, align: 'center' },
        { title: 'Nội dung kiến nghị', width: 48 },
        { title: 'Cử tri, địa phương', width: 25 },
        { title: 'Cơ quan giải quyết', width: 20 },
      ],
      rows: [
        ['1', 'Đề nghị sớm nâng cấp, sửa chữa tuyến đường liên xã Phổ Thuận - Phổ Phong đã xuống cấp nghiêm trọng, gây mất an toàn giao thông.', 'Cử tri phường Phổ Thạnh', 'Phòng Quản lý đô thị'],
        ['2', 'Đề nghị hỗ trợ kinh phí nạo vét kênh mương nội đồng trước mùa mưa bão.', 'Cử tri xã Phổ Châu', 'Phòng Kinh tế'],
        ['3', 'Đề nghị giải quyết dứt điểm việc cấp giấy chứng nhận quyền sử dụng đất cho các hộ dân khu tái định cư.', 'Cử tri phường Phổ Hòa', 'Phòng Tài nguyên và Môi trường'],
        ['4', 'Đề nghị bố trí thêm giáo viên tiếng Anh cho các trường tiểu học.', 'Cử tri xã Phổ Nhơn', 'Phòng Giáo dục và Đào tạo'],
      ],
    },
    { type: 'paragraph', text: 'Đề nghị UBND thị xã chỉ đạo các cơ quan liên quan xem xét, giải quyết các nội dung trên theo các yêu cầu sau:' },
    {
      type: 'list',
      style: 'points',
      items: [
        'Trả lời bằng văn bản cho cử tri và gửi về Thường trực HĐND thị xã trước ngày 15/02/2026;',
        'Đối với kiến nghị chưa giải quyết được, nêu rõ lý do và lộ trình giải quyết;',
        'Tổng hợp kết quả giải quyết để báo cáo tại kỳ họp thứ 4.',
      ],
    },
    { type: 'paragraph', text: 'Thường trực HĐND thị xã đề nghị UBND thị xã quan tâm, chỉ đạo thực hiện./.' },
  ],
  signature: { lines: ['TM. THƯỜNG TRỰC HĐND', 'PHÓ CHỦ TỊCH'], signerName: 'Nguyễn Thị Kiều' },
  recipients: ['TT Thị ủy (b/c)', 'TT HĐND thị xã', 'Lưu: VT, VP'],
  appendices: [
    {
      title: 'Phụ lục',
      subtitle: `(Kèm theo Công văn số ${letterSymbol} ngày ${formatShortDate('2026-01-05')} của Thường trực HĐND thị xã)`,
      body: [
        { type: 'heading', level: 1, text: 'TỔNG HỢP KIẾN NGHỊ THEO LĨNH VỰC' },
        {
          type: 'table',
          columns: [
            { title: 'Lĩnh vực', width: 50 },
            { title: 'Số kiến nghị', width: 25, align: 'center' },
            { title: 'Tỷ lệ', width: 25, align: 'right' },
          ],
          rows: [
            ['Giao thông, đô thị', '01', '25%'],
            ['Nông nghiệp, thủy lợi', '01', '25%'],
            ['Đất đai', '01', '25%'],
            ['Giáo dục', '01', '25%'],
          ],
        },
      ],
    },
  ],
};

export const SAMPLES: Readonly<Record<string, DocumentContent>> = {
  'thong-bao': sampleNotice,
  'cong-van': sampleLetter,
};

async function main(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const soffice = await findSoffice();
  for (const [name, content] of Object.entries(SAMPLES)) {
    const docx = join(outDir, `${name}.docx`);
    await writeFile(docx, await renderDocx(content));
    console.log(`wrote ${docx}`);
    if (!soffice) continue;
    const pdf = await convertToPdf(docx, outDir, soffice);
    console.log(`wrote ${pdf}`);
    try {
      await pdfToPng(pdf, join(outDir, name), 60);
      console.log(`wrote ${join(outDir, name)}-*.png`);
    } catch (error) {
      console.warn(`pdftoppm failed: ${(error as Error).message}`);
    }
  }
  if (!soffice) console.warn('LibreOffice not found: only .docx files were written');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2];
  if (!outDir) {
    console.error('usage: node src/modules/documents/render/samples.ts OUTDIR');
    process.exit(2);
  }
  main(resolve(outDir)).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
