/**
 * The seed gazette: 吉林省人民政府公报 (content/sources/001_2dbcd8b680e63142.txt, its cover l.5–13 and inside cover
 * l.54–126). Every gazette-specific word of the site is here (src/gazette/config.ts is the schema); a new gazette
 * site copies this file and changes it (README, "Start a new gazette site").
 */
import { defineGazette } from './src/gazette/config.ts';

export default defineGazette({
  name: '吉林省人民政府公报',
  shortName: '吉林政府公报',
  publisher: '吉林省人民政府办公厅',
  sponsor: '吉林省人民政府',
  issn: '1009-1818',
  cn: '22-1416/D',
  frequency: '半月刊',
  site: { url: 'https://gongbao.example.org', base: '/' },
  jurisdiction: '吉林省',
  issuers: [
    // 吉林 (the seed issue); 省委/省政府 in its documents mean 吉林's (003 prints 省委省政府关于… for D2's title).
    { name: '中共吉林省委', aliases: ['中国共产党吉林省委员会', '中共吉林省委员会', '吉林省委', '省委'], codes: ['吉发'] },
    { name: '中共吉林省委办公厅', aliases: ['吉林省委办公厅', '省委办公厅'] },
    { name: '吉林省人民政府', aliases: ['吉林省政府', '省人民政府', '省政府'], codes: ['吉政发', '吉政干任'] },
    { name: '吉林省人民政府办公厅', aliases: ['吉林省政府办公厅', '省人民政府办公厅', '省政府办公厅'], codes: ['吉政办发', '吉政办函'] },
    // 中央 (tests/fixtures corpus: 国办发〔2018〕126号, 国发〔2019〕4号; 国务院令 cited by D3)
    { name: '国务院' },
    { name: '国务院办公厅' },
    { name: '劳动和社会保障部' }, // 劳社部发[2008]3号
    { name: '最高人民法院' }, // 罪名补充规定（七）, joint with the next
    { name: '最高人民检察院' },
    // 广州 (穗府办规〔2021〕7号, 〔2025〕8号; 穗卫函〔2023〕1930号 is signed by the four bodies below the first two)
    { name: '广州市人民政府' },
    { name: '广州市人民政府办公厅' },
    { name: '广州市卫生健康委员会' },
    { name: '广州市财政局' },
    { name: '广州市人力资源和社会保障局' },
    { name: '广州市医疗保障局' },
    // 上海 (沪府办发〔2021〕19号)
    { name: '上海市人民政府' },
    { name: '上海市人民政府办公厅' },
  ],
  // 001 l.11 「第4期(复总第888期)」
  numbering: { number: '第{number}期', cumulative: '（复总第{cumulative}期）' },
  // 001 l.71–102
  sections: ['卷首语', '省政府文件', '省政府办公厅文件', '人事任免', '政务要闻'],
  // 001 l.56–59
  masthead: ['传达政令', '宣传政策', '指导工作', '服务社会'],
  searchExample: '吉政办发〔2022〕26号',
  legalNote: '政府公报所登文件与正式文件具有同等效力。',
  colour: '#a4161a',
  logo: null,
});
