// Documents for the search tests: the real bulletin's 22 articles, generated issues, and hand-made edge cases.

import { corpusDocuments, issueDocuments } from '../../src/bench/corpus-documents.ts';
import type { SearchDocument } from '../../src/search/types.ts';
import realBulletin from '../fixtures/real-bulletin/expected.json' with { type: 'json' };

export { corpusDocuments };

/** The 22 articles of /work/shared/bulletins/000…txt as transcribed in tests/fixtures/real-bulletin. */
export function realBulletinDocuments(): SearchDocument[] {
  return issueDocuments({
    date: '2014-08-14',
    issueTitle: '电子政务简报 第1期',
    sections: realBulletin.sections,
  });
}

/** Articles made for the normalisation rules: full-width forms, spaced Latin words, case, names. */
export function edgeCaseDocuments(): SearchDocument[] {
  return issueDocuments({
    date: '2015-01-08',
    issueTitle: '电子政务简报 第99期',
    sections: [
      {
        title: '国外电子政务',
        articles: [
          {
            title: 'ＡＢＣ１２３全角测试',
            paragraphs: ['这篇文章用全角字母 ＩＰｖ６ 和数字 ２０１４ 年写成。'],
          },
          {
            title: '英国 HTTPS 普及',
            paragraphs: ['Most sites now use https by default, said the ipv6 council.'],
          },
          { title: '人名测试', paragraphs: ['副省长王江平在会上通报了调研情况，王江平强调落实。'] },
        ],
      },
      {
        title: '信息安全',
        articles: [
          { title: '大数据安全白皮书发布', paragraphs: ['《大数据安全白皮书》指出，数据安全是基础。'] },
          { title: 'Open Data 与 5G', paragraphs: ['开放数据（open data）与 5 G 网络，2014年的报告。'] },
        ],
      },
    ],
  });
}
