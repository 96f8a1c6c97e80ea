/**
 * How residents say things in their own words, as the search reads a sentence once its words are cut apart. This is
 * the language, not the catalogue: what each item is called besides its name lives on the item (`keywords`, which
 * staff extend from the counter). Words here only mean the same as the others of their group in any sentence.
 */

/** Words that carry no wish: who is asking, how, and the verbs every request shares (办, 申请, 怎么办). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '我 你 您 他 她 它 我们 你们 他们 咱 咱们 俺 家里 家 人 的 地 得 了 着 过 吗 呢 吧 啊 呀 哦 嘛 么 啦 ' +
    '是 是不是 有 有没有 没有 没 不 能 能不能 可以 可不可以 可不可 会 会不会 要 想 想要 需要 需不需要 得要 应该 ' +
    '怎么 怎么样 怎样 如何 咋 咋办 怎么办 哪里 哪儿 哪 在哪 在哪里 去哪 去哪里 哪个 什么 啥 什么样 多少 几 谁 ' +
    '为什么 给 把 被 在 去 到 来 和 跟 与 及 或 还 也 都 就 又 才 再 个 一个 一下 一些 些 这 那 这个 那个 这里 ' +
    '那里 现在 已经 请问 请 麻烦 您好 你好 谢谢 办 办理 办一下 申请 申领 弄 搞 找 找个 找一个 帮 帮忙 帮我 问 ' +
    '问问 问一下 手续 材料 流程 地方 事 事情 东西 一 下 哪些 那种 这种 所以 因为 但是 可是 如果 然后 准备 打算 ' +
    '社区 街道 中心 居委会 这边 那边 附近'
  ).split(' '),
);

/**
 * Everyday words and the words items are named with. A sentence word of a group also looks for the other members,
 * at a discount (see COLLOQUIAL_WEIGHT): 我爸 looks for 老人, 领钱 for 补贴 and 金, 没人接 for 托管.
 */
export const COLLOQUIAL: readonly (readonly string[])[] = [
  [
    '老人',
    '老年人',
    '长者',
    '老年',
    '老爸',
    '我爸',
    '爸爸',
    '爸',
    '老妈',
    '我妈',
    '妈妈',
    '妈',
    '父母',
    '爷爷',
    '奶奶',
    '外公',
    '外婆',
    '老伴',
  ],
  ['八十', '八十岁', '80岁', '九十', '九十岁', '90岁', '一百岁', '百岁', '高龄', '长寿'],
  ['钱', '领钱', '拿钱', '发钱', '给钱', '补贴', '补助', '津贴', '金', '资助'],
  ['孩子', '小孩', '娃', '小朋友', '儿童', '学生', '小学生', '儿子', '女儿'],
  ['宝宝', '婴儿', '新生儿', '刚出生', '生孩子', '生小孩', '生娃', '怀孕', '生育'],
  ['没人接', '没人管', '没人带', '没人看', '接孩子', '接送', '托管', '看护'],
  ['失业', '下岗', '没工作', '没有工作', '没了工作', '丢了工作', '被辞退', '辞退', '裁员', '被裁'],
  ['工作', '找工作', '上班', '打工', '求职', '招聘', '就业'],
  ['看病', '就医', '医疗', '住院', '生病', '报销'],
  ['丢', '丢了', '掉了', '弄丢', '遗失', '不见了', '挂失', '补办', '补领'],
  ['坏了', '过期', '到期', '换', '换证', '换领'],
  ['残疾', '残障', '残疾人', '瘫痪', '腿脚不好', '行动不便', '盲人', '聋哑'],
  ['吃饭', '吃饭的地方', '饭堂', '食堂', '助餐', '送饭', '送餐'],
  ['打官司', '官司', '告状', '起诉', '维权', '律师', '法律'],
  ['吵架', '纠纷', '矛盾', '闹矛盾', '邻居', '扯皮', '调解'],
  ['欠工资', '不发工资', '拖欠工资', '欠薪', '讨薪', '工资'],
  ['打针', '打疫苗', '疫苗', '接种', '预防针'],
  ['退休', '养老金', '领养老金', '退休金'],
  ['跳舞', '广场舞', '舞蹈', '排练', '唱歌', '合唱'],
  ['开会', '会议', '议事', '开个会'],
  ['锻炼', '健身', '运动', '跑步', '练身体'],
  ['看书', '读书', '借书', '自习', '阅览', '图书'],
  ['做饭', '厨房', '烧饭', '聚餐'],
  ['练', '练习', '写字', '练字', '画画', '书画'],
  ['当兵', '参军', '入伍', '义务兵', '退伍', '老兵', '军人'],
  ['户口', '落户', '入户', '迁户口', '户籍', '迁过来', '迁入'],
  ['自己', '个人', '本人'],
  ['老婆', '妻子', '老公', '丈夫', '爱人', '配偶', '夫妻'],
  ['租房', '出租', '租赁', '房东', '租客'],
  ['证明', '开证明', '开个证明'],
  ['入党', '党员', '党组织', '党支部'],
  ['穷', '困难', '生活困难', '日子难过', '揭不开锅', '低收入'],
  ['去世', '过世', '走了', '死亡', '丧事', '殡葬', '火化'],
  ['上门', '到家', '家里来'],
  ['独居', '一个人住', '空巢', '没人照顾'],
];

/** What a colloquial stand-in is worth next to the word the resident typed. */
export const COLLOQUIAL_WEIGHT = 0.7;

/** Characters too common to suggest an item by (您是不是要找… compares the remaining characters of the query). */
export const STOP_CHARACTERS: ReadonlySet<string> = new Set(
  Array.from(
    '我你您他她它的地得了着过吗呢吧啊呀么是有没不能可以会要想怎样什哪谁个这那一下去到来在给把被和也都就办请问申',
  ),
);
