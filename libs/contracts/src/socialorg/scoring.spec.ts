import { describe, expect, it } from 'vitest';
import { declarationRequest, scoreSheetFor } from './scoring';

const sheet = scoreSheetFor([
  { key: 'need', name: '需求分析', weight: 30, description: '' },
  { key: 'design', name: '项目设计', weight: 70, description: '' },
]);

describe('scoring: the sheet the portal and the service check alike', () => {
  it('takes each criterion from 0 to its weight, to one decimal place, and nothing else', () => {
    expect(sheet.parse({ scores: { need: 29.5, design: 0.1 } })).toEqual({
      scores: { need: 29.5, design: 0.1 },
      comment: '',
    });
    expect(
      sheet.safeParse({ scores: { need: 30.1, design: -1 } }).error?.issues.map((i) => i.message),
    ).toEqual(['“需求分析”的得分为 0–30', '“项目设计”的得分为 0–70']);
    expect(
      sheet.safeParse({ scores: { need: 1, design: 2, extra: 3 } }).error?.issues.map((i) => i.message),
    ).toEqual(['评分表中有不属于本次评审的评分项']);
  });

  it('asks a conflicted reviewer to say what the relationship is', () => {
    expect(declarationRequest.safeParse({ conflict: true }).error?.issues.map((i) => i.message)).toEqual([
      '请说明存在的利益关系',
    ]);
    expect(declarationRequest.parse({ conflict: false })).toEqual({ conflict: false, statement: '' });
  });
});
