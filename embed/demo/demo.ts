/** The demo page's own behaviour: language switch, key, filters and snippets that follow them. */

type Lang = 'en' | 'id' | 'ko' | 'ja' | 'zh';
const LANGS: Lang[] = ['en', 'id', 'ko', 'ja', 'zh'];

const TEXT: Record<Lang, Record<string, string>> = {
  en: {
    siteName: 'Example Chamber of Commerce · Indonesia Desk',
    language: 'Language',
    title: "Indonesia's health industry: live investment opportunities",
    lead: 'This page shows the two Peluang components as a chamber of commerce, embassy or trade agency would put them on its own site: one script tag, one element each. Copy a snippet below to do the same.',
    keyTitle: 'Embed key',
    keyHelp: 'Published opportunities can be shown without a key. The match finder needs an embed key whose allowed origins include this site:',
    keyLabel: 'Embed key',
    keyApply: 'Use this key',
    listTitle: 'Live opportunities',
    filterSector: 'Sector',
    filterIsland: 'Island group',
    all: 'All',
    snippet: 'Copy and paste',
    copy: 'Copy',
    copied: 'Copied',
    finderTitle: 'What fits your company?',
    themeTitle: 'Make it look like your site',
    themeHelp: 'The components keep their styles to themselves. Set these custom properties, or style their parts, from your own stylesheet:',
    pageTitle: 'Peluang on your site',
  },
  id: {
    siteName: 'Contoh Kamar Dagang · Desk Indonesia',
    language: 'Bahasa',
    title: 'Industri kesehatan Indonesia: peluang investasi terkini',
    lead: 'Halaman ini menampilkan dua komponen Peluang sebagaimana kamar dagang, kedutaan, atau lembaga perdagangan memasangnya di situs mereka sendiri: satu tag script, satu elemen untuk masing-masing. Salin cuplikan kode di bawah untuk melakukan hal yang sama.',
    keyTitle: 'Kunci sematan',
    keyHelp: 'Peluang yang sudah terbit dapat ditampilkan tanpa kunci. Pencari kecocokan memerlukan kunci sematan yang daftar asal (origin) izinnya mencakup situs ini:',
    keyLabel: 'Kunci sematan',
    keyApply: 'Gunakan kunci ini',
    listTitle: 'Peluang terkini',
    filterSector: 'Sektor',
    filterIsland: 'Kelompok pulau',
    all: 'Semua',
    snippet: 'Salin dan tempel',
    copy: 'Salin',
    copied: 'Tersalin',
    finderTitle: 'Apa yang cocok untuk perusahaan Anda?',
    themeTitle: 'Sesuaikan dengan tampilan situs Anda',
    themeHelp: 'Gaya komponen tidak bercampur dengan gaya halaman. Atur properti khusus berikut, atau beri gaya pada bagian-bagiannya (part), dari stylesheet Anda sendiri:',
    pageTitle: 'Peluang di situs Anda',
  },
  ko: {
    siteName: '예시 상공회의소 · 인도네시아 데스크',
    language: '언어',
    title: '인도네시아 보건의료 산업: 실시간 투자 기회',
    lead: '이 페이지는 상공회의소, 대사관, 무역 기관이 자체 웹사이트에 Peluang 구성 요소 두 가지를 넣는 방식을 보여 줍니다. 스크립트 태그 하나와 요소 하나면 됩니다. 아래 코드를 복사해 그대로 사용하세요.',
    keyTitle: '임베드 키',
    keyHelp: '공개된 투자 기회는 키 없이도 표시할 수 있습니다. 매칭 기능을 사용하려면 허용 출처(origin)에 이 사이트가 포함된 임베드 키가 필요합니다.',
    keyLabel: '임베드 키',
    keyApply: '이 키 사용',
    listTitle: '실시간 투자 기회',
    filterSector: '업종',
    filterIsland: '권역',
    all: '전체',
    snippet: '복사해서 붙여 넣기',
    copy: '복사',
    copied: '복사됨',
    finderTitle: '귀사에 맞는 투자 기회는?',
    themeTitle: '사이트 디자인에 맞추기',
    themeHelp: '구성 요소의 스타일은 페이지와 분리되어 있습니다. 사이트의 스타일시트에서 아래 사용자 정의 속성을 지정하거나 각 파트(part)에 스타일을 적용하세요.',
    pageTitle: '내 사이트에 Peluang 넣기',
  },
  ja: {
    siteName: '商工会議所（例）・インドネシア窓口',
    language: '言語',
    title: 'インドネシアの保健医療産業：最新の投資案件',
    lead: 'このページでは、商工会議所・大使館・貿易振興機関が自らのサイトにPeluangの2つのコンポーネントを載せたときの表示を紹介します。必要なのはscriptタグ1つと要素1つだけです。下のコードをコピーしてお使いください。',
    keyTitle: '埋め込みキー',
    keyHelp: '公開中の案件はキーなしで表示できます。マッチング機能には、許可するオリジンにこのサイトを含む埋め込みキーが必要です。',
    keyLabel: '埋め込みキー',
    keyApply: 'このキーを使う',
    listTitle: '最新の投資案件',
    filterSector: '業種',
    filterIsland: '地域',
    all: 'すべて',
    snippet: 'コピーして貼り付け',
    copy: 'コピー',
    copied: 'コピーしました',
    finderTitle: '貴社に合う案件は?',
    themeTitle: 'サイトのデザインに合わせる',
    themeHelp: 'コンポーネントのスタイルはページから独立しています。ご自身のスタイルシートで次のカスタムプロパティを設定するか、各パーツ（part）にスタイルを指定してください。',
    pageTitle: 'Peluangをあなたのサイトに',
  },
  zh: {
    siteName: '示例商会 · 印度尼西亚服务台',
    language: '语言',
    title: '印度尼西亚医疗健康产业：最新投资机会',
    lead: '本页面展示商会、大使馆或贸易机构在自己网站上嵌入两个Peluang组件后的效果：只需一个script标签，每个组件一个元素。复制下面的代码即可实现。',
    keyTitle: '嵌入密钥',
    keyHelp: '已发布的投资机会无需密钥即可显示。匹配功能需要一个允许来源(origin)包含本网站的嵌入密钥：',
    keyLabel: '嵌入密钥',
    keyApply: '使用此密钥',
    listTitle: '最新投资机会',
    filterSector: '行业',
    filterIsland: '岛群',
    all: '全部',
    snippet: '复制并粘贴',
    copy: '复制',
    copied: '已复制',
    finderTitle: '哪些机会适合贵公司？',
    themeTitle: '与您的网站风格保持一致',
    themeHelp: '组件的样式与页面相互独立。您可以在自己的样式表中设置以下自定义属性，或为各个部分(part)设置样式：',
    pageTitle: '在您的网站上使用Peluang',
  },
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = $<HTMLElement>('list');
const finder = $<HTMLElement>('finder');
const langSelect = $<HTMLSelectElement>('lang');
const keyInput = $<HTMLInputElement>('key');
const params = new URLSearchParams(window.location.search);
let lang: Lang = LANGS.includes(params.get('lang') as Lang) ? (params.get('lang') as Lang) : 'en';

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** What a chamber pastes: the script from this service, and the element as it is configured here. */
function snippet(element: HTMLElement): string {
  const attributes = ['api-key', 'lang', 'sector', 'island-group', 'page-size']
    .map((name) => [name, name === 'api-key' ? element.getAttribute(name) || 'YOUR_EMBED_KEY' : element.getAttribute(name)] as const)
    .filter(([, value]) => value)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value!)}"`)
    .join('');
  const tag = element.localName;
  return `<script src="${window.location.origin}/embed/v1/peluang.js" defer></script>\n<${tag}${attributes}></${tag}>`;
}

function render(): void {
  const text = TEXT[lang];
  document.documentElement.lang = lang;
  document.title = text.pageTitle!;
  for (const node of document.querySelectorAll<HTMLElement>('[data-t]')) node.textContent = text[node.dataset.t!] ?? node.textContent;
  langSelect.value = lang;
  for (const element of [list, finder]) element.setAttribute('lang', lang);
  $('list-snippet').textContent = snippet(list);
  $('finder-snippet').textContent = snippet(finder);
  void loadFilterOptions();
}

/** Filter choices in the page's language, from the same API the components use. */
async function loadFilterOptions(): Promise<void> {
  const fill = async (selectId: string, path: string, keep: (item: { parent?: string | null }) => boolean) => {
    const select = $<HTMLSelectElement>(selectId);
    const response = await fetch(path, { headers: { 'accept-language': lang } });
    if (!response.ok) return;
    const { data } = (await response.json()) as { data: { code: string; name: string; parent?: string | null }[] };
    const chosen = select.value;
    select.replaceChildren(select.options[0]!, ...data.filter(keep).map((item) => new Option(item.name, item.code)));
    select.value = chosen;
  };
  await Promise.all([fill('filter-sector', '/v1/sectors', () => true), fill('filter-island', '/v1/island-groups', () => true)]);
}

langSelect.addEventListener('change', () => {
  lang = langSelect.value as Lang;
  params.set('lang', lang);
  history.replaceState(null, '', `?${params}`);
  render();
});

function applyKey(key: string): void {
  for (const element of [list, finder]) {
    if (key) element.setAttribute('api-key', key);
    else element.removeAttribute('api-key');
  }
  $('list-snippet').textContent = snippet(list);
  $('finder-snippet').textContent = snippet(finder);
}

$<HTMLFormElement>('key-form').addEventListener('submit', (event) => {
  event.preventDefault();
  applyKey(keyInput.value.trim());
});

for (const select of document.querySelectorAll<HTMLSelectElement>('select[data-filter]')) {
  select.addEventListener('change', () => {
    if (select.value) list.setAttribute(select.dataset.filter!, select.value);
    else list.removeAttribute(select.dataset.filter!);
    $('list-snippet').textContent = snippet(list);
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  // The handler reports its own failures; the click event has nothing to wait for.
  // eslint-disable-next-line @typescript-eslint/no-misused-promises
  button.addEventListener('click', async () => {
    const code = $(button.dataset.copy!);
    try {
      await navigator.clipboard.writeText(code.textContent ?? '');
    } catch {
      // Without clipboard access (an insecure origin), select the text for Ctrl+C instead.
      window.getSelection()?.selectAllChildren(code);
    }
    $('copied').textContent = TEXT[lang].copied!;
  });
}

$('origin').textContent = window.location.origin;
keyInput.value = params.get('key') ?? '';
applyKey(keyInput.value.trim());
render();
