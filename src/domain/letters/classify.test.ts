import { describe, expect, it } from 'vitest';
import { classifyLetter, findKinds, routeLetter, splitLetter } from './classify.ts';

describe('kind of a letter', () => {
  it('a complaint against an administrative decision is a complaint, with the cue in the reason', () => {
    const c = classifyLetter({ text: 'Tôi khiếu nại quyết định thu hồi đất số 12/QĐ-UBND của UBND xã.' });
    expect(c.classification).toBe('complaint');
    expect(c.parts).toEqual(['complaint']);
    expect(c.handleAsDenunciation).toBe(false);
    expect(c.reasons[0]).toContain('khiếu nại');
  });

  it('cues are found without diacritics too, and not inside other words', () => {
    expect(findKinds('Toi to cao can bo dia chinh nhan hoi lo').map((f) => f.kind)).toEqual(['denunciation']);
    // Whole words only: "thăm ông" folds to "tham ong", which must not read as the cue "tham o" (tham ô).
    expect(findKinds('Đề nghị sửa đường, tôi đi thăm ông bà').map((f) => f.kind)).toEqual(['request']);
  });

  it('a complaint that also denounces an official is mixed, split into parts, handled as a denunciation and flagged', () => {
    const c = classifyLetter({ text: 'Tôi khiếu nại quyết định bồi thường và tố cáo cán bộ địa chính nhận hối lộ.' });
    expect(c.classification).toBe('mixed');
    expect(c.parts).toEqual(['complaint', 'denunciation']);
    expect(c.handleAsDenunciation).toBe(true);
    expect(c.complaintWithDenunciation).toBe(true);
    expect(c.reasons.join(' ')).toContain('tách thành từng đơn');
    expect(c.reasons.join(' ')).toContain('giữ bí mật');
    expect(splitLetter('l9', c)).toEqual([
      { kind: 'complaint', splitFrom: null, mayJoinPetitions: false },
      { kind: 'denunciation', splitFrom: 'l9', mayJoinPetitions: false },
    ]);
  });

  it('a request with a feedback is one request/feedback letter, not mixed', () => {
    const c = classifyLetter({ text: 'Tôi phản ánh tình trạng đường xuống cấp và kiến nghị sửa chữa.' });
    expect(c.classification).toBe('request_feedback');
    expect(c.parts).toEqual(['request']);
    expect(splitLetter('l9', c)).toEqual([{ kind: 'request', splitFrom: null, mayJoinPetitions: true }]);
  });

  it('an anonymous denunciation is not processed as a denunciation (Luật Tố cáo Điều 25)', () => {
    const c = classifyLetter({ text: 'Tố cáo chủ tịch xã tham nhũng.', anonymous: true });
    expect(c.handleAsDenunciation).toBe(false);
    expect(c.parts).toEqual(['feedback']);
    expect(c.reasons.join(' ')).toContain('Điều 25');
  });

  it("the official's declared kinds win over the text; no cue at all is a request to review", () => {
    expect(classifyLetter({ text: 'Tôi khiếu nại', declared: ['denunciation'] }).parts).toEqual(['denunciation']);
    const none = classifyLetter({ text: 'Xin chào Hội đồng.' });
    expect(none.parts).toEqual(['request']);
    expect(none.reasons[0]).toContain('cán bộ cần xem lại');
  });
});

describe('competence and route', () => {
  it('a complaint outside the council is answered with guidance; a denunciation or request is forwarded', () => {
    const complaint = routeLetter({ kind: 'complaint', respondent: 'executive' });
    expect(complaint).toMatchObject({ competence: 'not_ours', processable: true, route: 'guide' });
    expect(complaint.reasons[0]).toBe('Không thuộc thẩm quyền.');
    expect(routeLetter({ kind: 'denunciation', respondent: 'executive' }).route).toBe('forward');
    expect(routeLetter({ kind: 'request', respondent: 'executive' }).route).toBe('forward');
  });

  it("letters about the council's own delegates are ours; about another elected body, forwarded to it; a lower body is asked to resolve", () => {
    expect(routeLetter({ kind: 'denunciation', respondent: 'this_council' })).toMatchObject({ competence: 'ours', route: 'report_to_head' });
    expect(routeLetter({ kind: 'complaint', respondent: 'other_elected_body' })).toMatchObject({ competence: 'elected_body', route: 'forward_to_elected_body' });
    expect(routeLetter({ kind: 'feedback', respondent: 'lower_body' }).route).toBe('ask_lower_body');
  });

  it('a letter also sent to the competent body, or already guided once, or judged by a court is not processable, with the reason', () => {
    const sent = routeLetter({ kind: 'request', respondent: 'executive', alsoSentToCompetentBody: true });
    expect(sent).toMatchObject({ processable: false, notProcessable: 'sent_to_competent_body', route: 'file' });
    expect(sent.reasons.join(' ')).toContain('Không đủ điều kiện xử lý: đơn đồng thời đã gửi đến cơ quan có thẩm quyền');
    expect(routeLetter({ kind: 'complaint', respondent: 'executive', alreadyGuidedSameContent: true }).notProcessable).toBe('already_guided');
    expect(routeLetter({ kind: 'complaint', respondent: 'court' }).notProcessable).toBe('final_judgment');
  });

  it('already resolved correctly → explain and ask to stop; several competent bodies are flagged', () => {
    expect(routeLetter({ kind: 'complaint', respondent: 'executive', alreadyResolvedCorrectly: true }).route).toBe('explain_and_stop');
    const several = routeLetter({ kind: 'request', respondent: 'executive', competentBodies: 2 });
    expect(several.severalCompetentBodies).toBe(true);
    expect(several.reasons.join(' ')).toContain('2 cơ quan');
  });
});
