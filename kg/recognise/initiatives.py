"""Recogniser for named initiatives: brands (cppcc:Brand) and programmes (cppcc:Programme).

CPPCC news names its initiatives in quotation marks (“…”, ‘…’, 「…」, 『…』) or, for media
columns, in 《…》.  Most quoted strings are *not* initiatives (slogans, principles, targets,
quoted speech), so a candidate is kept only when the text itself presents it as one:

* a cue noun follows it, possibly after a short modifier and across a coordinated list:
  ``“宜商量”协商品牌``, ``“委员走基层”“委员进社区”等系列活动``, ``“三帮一”联建活动``;
* a platform noun precedes it: ``直播平台“云上议事”``, ``协商品牌“宜商量”``;
* the name itself ends in a cue (``“有事好商量”议事室``, ``“绿色发展 委员行动”``);
* weak cues (建设, 工作, 项目, 工程) count only right after the name *and* right after a
  launching verb: ``深入实施“XX”项目`` yes, ``机关干部“两支队伍”建设`` no;
* the text says what it is: ``“湖畔议事”是市政协打造的协商品牌``, or what it is made into:
  ``把“江畔有约”打造成全市协商品牌``, ``将“X”打造为委员联系群众的重要平台``;
* it is named like a consultation platform and held or built as one: ``召开“楚事好商量”协商议政会``,
  ``打造“汉水在协商”``, ``“苗岭议事坪”`` (but ``“有事好商量”协商文化`` is an idea).

Lists share their cue across ``、`` even when each name has its owner: ``A市政协的“…”、B县政协的
“…”等一批协商品牌``.  Media columns in 《》 may name their medium: ``《…》电视专栏``.

One unquoted form is taken, conservatively: ``开展生态护航、文旅融合委员行动`` (a launching
verb, then short names ending in 委员行动).

Brand or programme follows the cues: what the text calls 品牌/平台, a room, studio, lecture,
column or consultation platform is a Brand; an action, activity, mechanism or project is a
Programme.  Keys are ``initiative:<normalised name>`` with the scorer's normalisation, so that
``绿色发展 委员行动`` and ``绿色发展委员行动`` are one node.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

from kg.model import BRAND, PROGRAMME, Doc, Mention
from kg.recognise.regions import zone_kind
from kg.text import line_span

# ---------------------------------------------------------------------------------------------
# vocabulary (generic cue words, never names)

OPEN_CLOSE = {"“": "”", "‘": "’", "「": "」", "『": "』", "《": "》"}
CLOSERS = {v: k for k, v in OPEN_CLOSE.items()}

# cue nouns after a name that make it a brand
BRAND_CUES = ("全媒体协商", "品牌", "平台", "工作室", "议事室", "议事厅", "议事会", "协商室", "会客厅", "讲座", "讲堂",
              "讲坛", "栏目", "专栏", "节目", "书屋", "论坛", "直通车", "驿站", "联络站", "工作站",
              "协商点", "议事点")  # 邗江区政协“委员茶社”协商点 (沙龙 only as 委员沙龙: “X”主题沙龙 names a topic)
# cue nouns after a name that make it a programme
PROGRAMME_CUES = ("委员行动", "系列活动", "读书活动", "实践活动", "活动日", "行动", "活动", "机制", "工程", "主题教育",
                  "学习教育", "工作法", "专项民主监督", "专项监督",
                  # a members' exhibition held under a name (“X”委员书画作品展, 每两年举办一届)
                  "书画作品展", "书画展", "作品展", "摄影展")
STRONG_CUES = tuple(sorted(BRAND_CUES + PROGRAMME_CUES, key=len, reverse=True))
# programme cues that name a way of working or a campaign, whatever the name sounds like
MECHANISM_CUES = ("机制", "工作法", "行动", "委员行动", "专项民主监督", "专项监督")
# cues that only count right after the name and after a launching verb
# 计划: 启动“X”计划 (a named scheme), not “十五五”规划; 直播: 举办“X”直播 (a live-stream series)
WEAK_CUES = ("建设", "工作", "项目", "工程", "计划", "直播")
# how many modifier characters may stand between the name and a weak cue (“五好”党支部建设)
WEAK_GAP = {"建设": 3, "工程": 3, "工作": 0, "项目": 0, "计划": 0, "直播": 0}
# words that make a short name before 工作 the CPPCC's own (“委员联络”工作 yes, “三农”工作 no)
OWN_WORDS = ("政协", "委员", "协商", "商量", "议事", "履职", "党建", "提案", "界别", "同心", "建言")
# modifiers of 品牌/平台 that name a city's, a product's or a market's brand or platform
OUTSIDE_MODIFIERS = ("城市", "区域", "公用", "农产品", "产品", "旅游", "文旅", "产业", "企业", "消费", "农业", "茶叶",
                     "电商", "交易", "招商", "政务", "融资", "物流", "就业", "创业", "地标", "商标")
# launching verbs right before a name
VERBS = ("打造", "开展", "实施", "启动", "深化", "推进", "举办", "创建", "建立", "建成", "组织", "策划",
         "抓好", "助推", "投身于", "投身", "参与", "培育", "创办", "开设", "推出", "擦亮", "叫响", "做优",
         "做强", "做实", "搭建", "构建", "创新", "持续", "举行", "建起", "设立", "创设")
# a name that ends with one of these is itself named as an initiative
BRAND_SUFFIXES = ("工作室", "议事室", "议事厅", "议事堂", "议事会", "协商室", "会客厅", "讲堂", "讲坛", "讲座", "书屋",
                  "平台", "品牌", "论坛", "直通车", "驿站", "之家", "工作站", "委员服务站", "委员联络站", "委员沙龙",
                  "委员茶叙")  # “都梁委员茶叙”第八期
PROGRAMME_SUFFIXES = ("委员行动", "行动", "活动日", "活动", "机制",
                      "委员行", "监督行", "履职行", "调研行",  # a members' tour: “琼崖医卫委员行”调研组
                      "基层行",  # a committee's tour of the grassroots: 把某县作为“某某协商基层行”的调研点
                      "帮帮团", "服务团", "宣讲团")  # a members' team: “某某民企 委员帮帮团”
# a place where members meet people, named by its kind alone, that a launching verb makes a
# brand (创设“沙洲连心坊”, 打造“石榴籽小院”): a workshop or a courtyard is no slogan
MADE_PLACES = ("坊", "小院", "客厅")
# places of work and research of the same shape that are no committee's (巾帼工坊, 科技小院)
NOT_MADE_PLACES = ("工坊", "作坊", "磨坊", "染坊", "科技小院")
WEAK_SUFFIXES = ("建设", "工程", "项目")
# consultation platforms are named like 有事好商量, 宜在协商
CONSULT_SUFFIXES = ("协商", "商量", "议事")
# what a copula may call a name: “X”是…打造的协商品牌
COPULA_CUES = ("品牌", "平台", "工作室", "议事室", "议事厅", "讲堂", "栏目", "专栏", "委员行动", "行动", "机制", "活动",
               "工程")
# what a consultation held under a platform's name is called: “X好商量”协商议政会
CONSULT_EVENTS = ("协商", "议政", "议事", "座谈")
# what an idea is called: “有事好商量”协商理念
IDEA_WORDS = ("理念", "精神", "原则", "文化", "传统", "思想", "要求", "优势")
# endings of consultation platform names that a launching verb alone makes a brand (打造“X在协商”)
CONSULT_NAMES = ("商量", "在协商", "来协商", "好协商", "同协商", "齐协商")
# a place or a gathering where people consult, named by its kind: 议事坪, 议事亭, 协商驿, 商量院,
# 议事坊, 议事港, 协商汇, 议事棚, 议事吧 (议事驿站, 协商驿站 end in 站)
# (议事长廊, 协商小站, 边境村协商点; 协商联盟 of several committees)
_CONSULT_PLACE = re.compile(r"(?:议事|协商|商量)(?:[长小]?[坪亭廊院角台屋馆苑园站堂厅室会驿坊港汇棚吧桌点寮圈]|联盟)$")
# a layered network of platforms written as a formula, “区级议事厅+街镇议事点+楼宇议事站”三级协商网络:
# a structure, not a named initiative.  Its parts open with a generic level (administrative or
# workplace units, no names) and end in a platform word; “互联网+协商” and ‘人工智能+’ have no such parts
LEVEL_WORDS = ("省级", "市级", "县级", "区级", "乡级", "镇级", "村级", "组级", "街道", "街镇", "镇街", "乡镇", "村居",
               "村组", "社区", "楼宇", "小区", "园区", "网格", "院落", "片区", "村", "镇", "乡", "省", "市", "县", "区")
PLATFORM_ENDS = ("中心", "阵地", "基地", "厅", "点", "站", "室", "堂", "会", "台", "所", "家", "坊", "院", "角", "屋",
                 "驿")
# what the text calls the whole: 三级协商网络, 四级联动体系, 两级议事平台体系
_N_LEVELS = re.compile(
    r"^[一二三四五六七八九十两多]级[^，,。；;：:！!？?、“”‘’]{0,8}?(?:网络|体系|架构|格局|矩阵|布局)")
_FORMULA_SPLIT = re.compile("[+＋、]")
_FORMULA_JOIN = "+＋"
# words between a name and its cue that show the cue belongs to something else
GAP_BLOCKERS = set("的或和与及并为是把将被在从到对向")
# words whose characters would block but which are modifiers of the cue (“X”结对机制, 对口帮扶活动)
_GAP_WORDS = re.compile("结对|对口|对接|配对")
# verbs between a name and a cue: the cue is the object of another clause (“委员之家”开展活动)
GAP_VERBS = ("开展", "举办", "举行", "组织", "召开", "参加", "参与", "成立", "启动", "推进", "建成", "实施", "打造")
# the name is an award or a title, not an initiative
AWARD_WORDS = ("获评", "荣获", "评为", "获得", "授予", "被评", "评选", "获颁", "喜获", "荣膺", "入选")
AWARD_AFTER = ("称号", "荣誉", "奖", "先进", "示范单位")
# 《…》 titles that are documents (another recogniser's business)
DOC_SUFFIXES = ("规划", "意见", "办法", "规定", "条例", "方案", "通知", "决定", "报告", "纲要", "制度", "规则", "措施",
                "细则", "要点", "计划", "法", "决议", "公报", "白皮书", "指引", "清单")
MEDIA_OWN_WORDS = ("协商", "商量", "政协", "委员", "议事", "议政", "履职", "民生", "同心", "建言", "有约", "问政",
                   "提案")
MEDIA_CUES = ("全媒体协商", "栏目", "专栏", "节目", "平台", "直播", "访谈")
# what kind of medium may stand between a column's 《name》 and its cue: 《…》电视专栏, 《…》全媒体栏目
MEDIA_KINDS = ("电视", "广播", "网络", "全媒体", "融媒体", "新媒体", "视频", "网上", "线上", "同名", "特色", "品牌")
_MEDIA_AFTER = re.compile(
    rf"^等?((?:{'|'.join(MEDIA_KINDS)})?)({'|'.join(sorted(MEDIA_CUES, key=len, reverse=True))})")
# generic heads of an unquoted 委员行动 that are not names
GENERIC_HEADS = {"专项", "各项", "系列", "相关", "各类", "全面", "深入", "广泛", "持续", "这项", "该项", "此项",
                 "一系列", "各种", "拓展", "推动", "加强", "做好", "深化", "落实", "开展", "实施", "推进", "助力",
                 "参与", "投身", "融入", "服务"}

STOP = set("，,。；;：:！!？?、\n（）()【】[]…—")
INNER_BAD = set("，,。；;：:！!？?、\n…")
PINYIN = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňḿ]+\)")
_NORM_STRIP = re.compile(r"[\s“”‘’「」『』\"'《》〈〉()（）\[\]【】{}·•・]")
_SPACE = re.compile(r"\s")
_ONE_X_ONE_Y = re.compile(r"^一.{1,4}一.{1,4}$")
TOPIC_BEFORE = ("主题是", "主题为", "议题是", "议题为", "题为", "题目是", "课题是")
# a topic is phrased as a policy (推动…建设, 加快…发展) and named before what is held on it
POLICY_VERBS = ("推动", "推进", "加快", "促进", "加强", "提升", "优化", "完善")
TOPIC_EVENTS = ("专题协商", "协商会", "协商座谈", "座谈会", "专题调研", "专题视察", "议政会", "协商议政", "月度协商",
                "双周协商", "专题议政")
_BECOMES = re.compile(r"(?:成为|当好|做好|争当|变成|化身|成了)$")
_N_GE = re.compile(r"^[一二三四五六七八九十两]+个")  # “四个平台”, “三个一批”: a count, no name
_NUMERIC = re.compile(r"^[\d\s.·:：/\-年月日号%]+$")
_PLAN_PERIOD = re.compile(r"^十[一二三四五六七八九]五$")
_CONCEPT = re.compile(r"^[一二三四五六七八九十两双多百千万]+[个大项支条种类件张型]\S{1,4}$")
# public apps, media and national platforms that are quoted before 平台 but are nobody's initiative here
NOT_INITIATIVES = {"学习强国", "抖音", "快手", "微信", "微博", "今日头条", "视频号", "公众号", "互联网+", "两微一端",
                   "12345", "随手拍",
                   # generic names of members' places, quoted as a kind, not as one named platform
                   "委员之家", "政协委员之家", "委员工作室", "政协委员工作室", "委员工作站"}
# kinds of members' places quoted as a kind (“委员会客厅”连着“民生议事堂”): none is one named platform
# between quotation marks (《委员会客厅》, a column's title, is a name)
QUOTED_KINDS = {"委员会客厅", "政协委员会客厅", "民生议事堂"}
# the openings of an award's name (“优秀议事点”评选, “十大协商品牌”评比)
AWARD_OPENINGS = ("优秀", "十佳", "最美", "先进", "最佳", "十大", "年度", "金牌", "示范")
_PER_DISTANCE = re.compile(r"^[\d一二三四五六七八九十半]+(?:分钟|公里|小时)")
# what an account's quoted name is followed by (“某某政协”微信公众号, “某某政协”客户端)
# (网站 is left out: “委员讲堂”网站专栏 names a column; so does “X”公众号专栏, let through by the caller)
MEDIA_ACCOUNTS = ("微信公众号", "公众号", "客户端", "APP", "App", "app", "视频号", "抖音号", "头条号", "微博号",
                  "小程序")
# national slogans and strategies often quoted before 建设/工作 (generic vocabulary, not names)
CONCEPTS = {"一带一路", "放管服", "回头看", "三会一课", "四风", "双碳", "碳达峰", "碳中和", "国之大者", "最多跑一次",
            "五位一体", "四个全面", "四下基层", "枫桥经验", "千万工程", "人工智能+", "数据要素×",
            "两会", "全国两会", "地方两会"}  # the annual sessions: an event, covered live, nobody's initiative
_HAN = "\u4e00-\u9fff"
_UNQUOTED = re.compile(
    rf"(?:{'|'.join(sorted(VERBS, key=len, reverse=True))})"
    rf"((?:[{_HAN}]{{2,6}}、)*[{_HAN}]{{2,6}}?)委员行动")

# 把“X”打造成…品牌, 将“X”建设为…平台: a verb of making into, a short attribute, the cue ending the
# clause or followed by a comma-free tail no longer than the cue's own clause
MAKING_INTO = r"(?:打造|建设|培育|塑造|建|做|办|锻造)(?:成为|成了|成|为)"  # relate_runs asks who did it
_MADE_INTO = re.compile(
    rf"^(?:{MAKING_INTO}|作为)"
    rf"([^，,。；;：:！!？?、“”‘’《》]{{0,14}}?)({'|'.join(STRONG_CUES)})(?=[，,。；;！!？?、）)]|$)")

# the owner of a listed name: A市政协的“…”、B县政协的“…” (organ words, not names)
_OWNER_GAP = re.compile(rf"^[{_HAN}]{{1,14}}(?:政协|委员会|专委会|办公室)的?$")

MAX_LEN = 24
GAP_MAX = 12


@lru_cache(maxsize=1)
def _t2s():
    try:
        import opencc

        return opencc.OpenCC("t2s").convert
    except Exception:  # pragma: no cover - opencc is a declared dependency
        return lambda s: s


@lru_cache(maxsize=4096)
def norm(label: str) -> str:
    """The scorer's label normalisation (NFKC, Traditional→Simplified, marks and spaces removed).

    >>> norm("绿色发展 委员行动") == norm("绿色发展委员行动")
    True
    >>> norm("党旗领航‘湘’来协商")
    '党旗领航湘来协商'
    >>> norm("‘数字经济+’委员行动")
    '数字经济+委员行动'
    """
    text = _t2s()(unicodedata.normalize("NFKC", label))
    return _NORM_STRIP.sub("", text)


@lru_cache(maxsize=4096)
def clean_label(text: str) -> str:
    """The name as printed: pinyin annotations left by noisy sources removed, spaces kept
    (collapsed) and outer white space stripped."""
    text = PINYIN.sub("", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip()


# ---------------------------------------------------------------------------------------------
# quoted spans


class Quote(NamedTuple):
    """A span between matching marks: ``open`` is the index of the opening mark, ``close`` of
    the closing one; ``mark`` the opening mark.  (A named tuple, not a frozen dataclass: an
    article has a dozen of them and a tuple is made several times faster; they are only read.)"""

    open: int
    close: int
    mark: str

    @property
    def inner(self) -> tuple[int, int]:
        return self.open + 1, self.close


def find_quotes(text: str, max_len: int = 80) -> list[Quote]:
    """Every matched pair of marks, nested ones included, sorted by position.

    A line break or a span longer than ``max_len`` abandons open marks (noisy sources lose
    closing marks).

    >>> [text for q in find_quotes("开展“A‘B’C”和《D》") for text in [q.mark]]
    ['“', '‘', '《']
    """
    out: list[Quote] = []
    stack: list[tuple[str, int]] = []
    # only marks and line breaks change the stack; dropping the marks older than ``max_len``
    # when the next mark comes gives the same stack as dropping them at every character
    for hit in _MARKS.finditer(text):
        i = hit.start()
        ch = text[i]
        if ch == "\n":
            stack.clear()
            continue
        if stack and i - stack[0][1] > max_len:
            stack = [(m, p) for m, p in stack if i - p <= max_len]
        if ch in OPEN_CLOSE:
            stack.append((ch, i))
        else:
            want = CLOSERS[ch]
            if stack and stack[-1][0] == want:  # the usual case: the innermost open mark
                out.append(Quote(stack.pop()[1], i, want))
                continue
            for depth in range(len(stack) - 2, -1, -1):
                if stack[depth][0] == want:
                    out.append(Quote(stack[depth][1], i, want))
                    del stack[depth:]
                    break
    if '"' in text:
        out.extend(_ascii_quotes(text, max_len))
    if "#" in text:
        # a social post's topic (#某某好商量#) is quoted by its hash marks
        out.extend(Quote(h.start(), h.end() - 1, "#") for h in _HASHTAG.finditer(text))  # (≤ 32 long)
    # by (open, -close): no two quotes share an opening mark, so the tuples' own order is that
    out.sort()
    return out


_MARKS = re.compile("[" + re.escape("".join(OPEN_CLOSE) + "".join(CLOSERS)) + "\n]")


def _ascii_quotes(text: str, max_len: int) -> list[Quote]:
    """Straight double quotes (left by NFKC or by plain-text sources), paired in order on lines
    where they are balanced; treated as “…”."""
    out: list[Quote] = []
    pos = 0
    for line in text.split("\n"):
        if '"' in line:
            marks = [pos + h.start() for h in _ASCII_QUOTE.finditer(line)]
            if len(marks) % 2 == 0:
                for a, b in zip(marks[::2], marks[1::2], strict=True):
                    if b - a <= max_len:
                        out.append(Quote(a, b, "“"))
        pos += len(line) + 1
    return out


_ASCII_QUOTE = re.compile('"')
_HASHTAG = re.compile(r"#[^#\s]{2,30}#")


def _groups(text: str, quotes: list[Quote]) -> list[list[Quote]]:
    """Coordinated lists of quotes: “A”“B”、“C”, or “A”、服务发展“B” (a short modifier between).

    Only quotes that are not inside another quote are grouped."""
    top = [q for q, nested in zip(quotes, _nested(quotes), strict=True) if not nested]
    groups: list[list[Quote]] = []
    for q in top:
        if groups:
            prev = groups[-1][-1]
            after = prev.close + 1
            # the gap text[after:q.open] coordinates when it is empty or, by _coordinating_gap,
            # opens with 、: most gaps are refused on their first character, without a slice
            if prev.mark == q.mark and (q.open <= after or text[after] == "、"
                                        and _coordinating_gap(text[after:q.open])):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


def _nested(quotes: list[Quote]) -> list[bool]:
    """For each quote, whether another quote of ``quotes`` strictly encloses it (opens before it
    and closes after it).  ``quotes`` in the order of :func:`find_quotes` (by opening mark, no two
    sharing one), or a part of it.

    >>> _nested([Quote(0, 9, "“"), Quote(2, 4, "‘"), Quote(5, 12, "“")])
    [False, True, False]
    """
    flags = []
    run = -1  # the latest close among the quotes before this one
    for q in quotes:
        flags.append(run > q.close)
        if q.close > run:  # run = max(run, q.close), without the call
            run = q.close
    return flags


def _coordinating_gap(gap: str) -> bool:
    """May ``gap`` stand between two coordinated names?  Nothing, a 、, a short modifier
    (、服务发展) or the owner of the next name (、B县政协的: a list of committees' brands).

    >>> _coordinating_gap("、常德市政协的"), _coordinating_gap("、服务发展"), _coordinating_gap("的")
    (True, True, False)
    >>> _coordinating_gap("、常德的"), _coordinating_gap("、在常德的")
    (True, False)
    """
    if gap in ("", "、"):
        return True
    if gap.startswith("、") and _OWNER_GAP.match(gap[1:]):
        return True
    if gap.startswith("、") and 1 < len(gap) <= 7:
        rest = gap[1:-1] if gap.endswith("的") and len(gap) > 2 else gap[1:]  # 、常德的“…”: a place owns it
        return all(_is_han(c) for c in rest) and not (set(rest) & GAP_BLOCKERS)
    return False


def _compact(name: str) -> str:
    """``name`` without white space (``_SPACE.sub("", name)``).

    Why not always the regex: a printable string holds no white space but " " (every other
    character ``\\s`` matches is a control or a separator, which ``isprintable`` refuses; tested),
    and then ``str.replace`` does it several times faster.  Labels are almost always printable."""
    return name.replace(" ", "") if name.isprintable() else _SPACE.sub("", name)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


# ---------------------------------------------------------------------------------------------
# cues


class Cue(NamedTuple):
    """What makes a quoted name an initiative.  (A named tuple, not a frozen dataclass, like
    :class:`Quote`: one is made for most candidates, and a tuple is made several times faster.)"""

    word: str  # the cue word
    where: str  # "after", "before", "self"
    phrase: str = ""  # the text from the closing mark to the end of the cue (for alt labels)


_WINDOW_END = re.compile("[" + re.escape("".join(sorted(STOP | set(OPEN_CLOSE) | set(CLOSERS)))) + "]")
_STRONG_CUE = re.compile("|".join(re.escape(c) for c in STRONG_CUES))
# at most GAP_MAX characters that are no window end, then a cue: a cue that starts within
# GAP_MAX ends within the stretch of GAP_MAX + 6 characters after_cue reads (the longest is 6)
assert max(map(len, STRONG_CUES)) <= 6
_GAP_AND_CUE = re.compile(
    _WINDOW_END.pattern.replace("[", "([^", 1) + f"{{0,{GAP_MAX}}}?)({_STRONG_CUE.pattern})")


# what is said of a product's brands on a market (品牌杂、价格乱; 品牌多而不强; 品牌散)
_MARKET_STATE = re.compile("(?:杂|乱|散|多而|小而|弱)")


def after_cue(text: str, pos: int) -> Cue | None:
    """A strong cue in the short stretch after ``pos`` (the index after a closing mark).

    >>> after_cue("”等一批协商议政工作品牌。", 1).word
    '品牌'
    >>> after_cue("”或主题党日活动", 1) is None
    True
    """
    if _annotated_after(text, pos, GAP_MAX + 6):
        stretch = _after_text(text, pos, GAP_MAX + 6)
        cut = _WINDOW_END.search(stretch)
        if cut is not None:
            stretch = stretch[:cut.start()]
        # the earliest cue, the first of STRONG_CUES at that position (leftmost, first alternative)
        hit = _STRONG_CUE.search(stretch)
        if hit is None or hit.start() > GAP_MAX:
            return None
        i, cue = hit.start(), hit.group()
        gap = stretch[:i]
    else:
        # the same earliest cue read from the text itself: the lazy gap tries the positions in
        # order, the alternation the cues in order, and no cue word holds a window end
        hit = _GAP_AND_CUE.match(text, pos)
        if hit is None:
            return None
        gap, cue = hit.groups()
        if not gap:
            if cue == "品牌" and _MARKET_STATE.match(text, hit.end()):
                return None  # “林下参”品牌杂、价格乱: a product's brands on the market, not one brand
            return Cue(cue, "after", cue)  # nothing between the name and its cue to refuse
    if cue == "论坛" and gap.endswith("分"):
        return None  # 分设“X”“Y”三个分论坛: the sessions of a forum, named by their topics
    blockers = set(_GAP_WORDS.sub("", gap)) & GAP_BLOCKERS
    if gap.startswith("等"):
        blockers -= {"的"}  # “A”“B”等一批有影响力的协商品牌: 的 inside the apposition after 等
    if blockers or any(v in gap for v in GAP_VERBS):
        return None
    if cue in ("品牌", "平台") and any(w in gap for w in OUTSIDE_MODIFIERS):
        return None  # “江南福地”城市品牌, “茶乡”电商平台: a place's or a market's, not a committee's
    if any(c.isdigit() for c in gap) and not gap.startswith("等"):
        return None  # “十四五”时期100项… : a number between name and cue counts something else
    phrase = re.sub(r"^等(?:一批|系列|多项)?", "", gap) + cue
    return Cue(cue, "after", phrase)


def made_into_cue(text: str, group: list[Quote]) -> Cue | None:
    """The cue of what a name is made into: ``把“江畔有约”打造成全市协商品牌``, ``将“X”打造为
    委员联系群众的重要平台``.  The verb of making stands between the name and the cue, which
    :func:`after_cue` refuses (“委员之家”开展活动); here 把/将 before the name shows that the
    name is the thing made.  A place's or a product's brand (打造成城市品牌) is not one.

    >>> made_into_cue("把“江畔有约”打造成全市协商品牌", [Quote(1, 6, "“")]).word
    '品牌'
    >>> made_into_cue("把“山水茶乡”打造成区域公用品牌", [Quote(1, 6, "“")]) is None
    True
    """
    if _before_text(text, group[0].open, 1) not in ("把", "将"):
        return None
    m = _MADE_INTO.match(_after_text(text, group[-1].close + 1, 24))
    if m is None:
        return None
    gap, cue = m.group(1), m.group(2)
    if cue in ("品牌", "平台") and any(w in gap for w in OUTSIDE_MODIFIERS):
        return None
    return Cue(cue, "after", "")


def weak_after_cue(text: str, pos: int) -> Cue | None:
    """A weak cue (建设, 工作, 项目, 工程, 计划, 直播) right after the name, or after a short modifier such as
    党支部 (at most four characters)."""
    stretch = _after_text(text, pos, 8)
    for cue in WEAK_CUES:
        i = stretch.find(cue)
        if 0 <= i <= WEAK_GAP[cue] and all(_is_han(c) for c in stretch[:i]) and not set(stretch[:i]) & GAP_BLOCKERS:
            return Cue(cue, "after", stretch[:i] + cue)
    return None


def _after_text(text: str, pos: int, n: int) -> str:
    """``n`` characters of ``text`` from ``pos``, pinyin annotations of noisy sources skipped."""
    chunk = text[pos:pos + _READ * n]
    if "(" in chunk:  # an annotation needs its bracket
        chunk = PINYIN.sub("", chunk)
    return chunk[:n]


def _annotated_after(text: str, pos: int, n: int) -> bool:
    """Might what :func:`_after_text` reads for ``n`` characters hold an annotation?"""
    return text.find("(", pos, pos + _READ * n) >= 0


_READ = 3  # characters read per character wanted: room for the annotations skipped


def _before_text(text: str, pos: int, n: int) -> str:
    """``n`` characters of ``text`` before ``pos``, pinyin annotations skipped."""
    chunk = text[pos - _READ * n if pos > _READ * n else 0:pos]  # not max(0, ...): a call fewer
    if "(" in chunk:
        chunk = PINYIN.sub("", chunk)
    return chunk[-n:] if n else ""


_VERBS_LONGEST = tuple((v, v + "了") for v in sorted(VERBS, key=len, reverse=True))
_VERB_ENDS = tuple(x for pair in _VERBS_LONGEST for x in pair)


def verb_before(text: str, pos: int) -> str:
    """The launching verb ending right before ``pos`` (the opening mark), or ""."""
    before = _before_text(text, pos, 4)
    if not before.endswith(_VERB_ENDS):
        return ""
    for v, v_le in _VERBS_LONGEST:
        if before.endswith(v) or before.endswith(v_le):
            return v
    return ""


_NOUNS_BEFORE = BRAND_SUFFIXES + ("栏目", "专栏", "节目")


def noun_before(text: str, pos: int) -> str:
    """A brand noun right before the opening mark (直播平台“云上议事”, 协商品牌“宜商量”)."""
    before = _before_text(text, pos, 6)
    if not before.endswith(_NOUNS_BEFORE):
        return ""
    for cue in _NOUNS_BEFORE:
        if before.endswith(cue):
            return cue
    return ""


@lru_cache(maxsize=4096)
def self_cue(name: str) -> Cue | None:
    """The cue a name carries itself: “清溪议事厅”, “委员帮扶行动”, “苗岭议事坪”.

    >>> self_cue("苗岭议事坪").word, self_cue("两河同心") is None
    ('议事坪', True)
    """
    for suffix in BRAND_SUFFIXES + PROGRAMME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return Cue(suffix, "self")
    m = _CONSULT_PLACE.search(name)
    if m and m.start() > 0:
        return Cue(m.group(), "self")
    return None


def weak_self_cue(name: str) -> Cue | None:
    for suffix in WEAK_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return Cue(suffix, "self")
    return None


# ---------------------------------------------------------------------------------------------
# filters and classes


@lru_cache(maxsize=4096)
def plausible_name(name: str, allow_list: bool = False) -> bool:
    """Shape checks: not speech, not a slogan list, not a number, not too long.

    >>> plausible_name("实干为要、创新为魂")
    False
    >>> plausible_name("宜商量")
    True
    """
    compact = _compact(name)
    if not 2 <= len(compact) <= MAX_LEN:
        return False
    bad = set(name) & INNER_BAD
    if bad and not (allow_list and bad == {"、"} and _short_items(compact)):
        return False
    if _NUMERIC.match(compact) or _PLAN_PERIOD.match(compact) or compact in NOT_INITIATIVES or compact in CONCEPTS:
        return False  # national slogans are nobody's initiative, whatever cue follows (“四下基层”工作法)
    if not any(_is_han(c) for c in compact):
        return False
    return True


def _short_items(compact: str) -> bool:
    """A name made of a few short parallel items (“访民情、解民忧”活动), not a sentence."""
    items = compact.split("、")
    return 2 <= len(items) <= 4 and all(2 <= len(i) <= 6 for i in items)


def concept_shaped(name: str) -> bool:
    """Numbered concepts and national slogans (“两支队伍”, “四个意识”, “十四五”): rejected unless a
    strong cue says otherwise.

    >>> concept_shaped("两支队伍"), concept_shaped("五好"), concept_shaped("十五五")
    (True, False, True)
    """
    compact = _compact(name)
    return bool(_CONCEPT.match(compact) or _PLAN_PERIOD.match(compact) or compact in CONCEPTS)


# a one-character level (村, 镇, 市) only before 级, a bracket or the platform's core (村(社区)议事站,
# 镇议事点): 村民议事会, 乡贤评理堂 and 市民议事厅 open with no level
_LEVEL = "|".join([w for w in LEVEL_WORDS if len(w) > 1]
                  + [f"{w}(?=级|[(（]|议事|协商|商量)" for w in LEVEL_WORDS if len(w) == 1])
_LEVEL_PART = re.compile(
    rf"^(?:{_LEVEL})(?:[(（][{_HAN}]{{1,4}}[)）])?[{_HAN}]{{0,6}}?(?:{'|'.join(PLATFORM_ENDS)})$")
_PLATFORM_PART = re.compile(rf"^[{_HAN}()（）]{{1,10}}?(?:{'|'.join(PLATFORM_ENDS)})$")
_QUOTED_PART = r"[“‘「『][^“”‘’「」『』\n]{1,16}[”’」』]"
# quotes joined to a name by + on either side: “区级议事厅”+“街镇议事点”+“楼宇议事站”
_CHAIN_AFTER = re.compile(rf"(?:[{_FORMULA_JOIN}]{_QUOTED_PART})*")
_CHAIN_BEFORE = re.compile(rf"(?:{_QUOTED_PART}[{_FORMULA_JOIN}])*$")


def structure_formula(text: str, q: Quote) -> bool:
    """Is the quote (with the quotes joined to it by +) a formula of platform levels that the text
    presents as a layered network: ``形成“市级议事厅+乡镇议事点+村(社区)议事站”三级协商网络``?
    Every part must open with a generic level and end in a platform word, or the text must call
    the whole an N-level network or system and every part end in a platform word.  A plus alone
    decides nothing: “互联网+协商” is a name.

    >>> t = "形成“县级议事厅+乡镇议事点+村(社区)议事站”三级协商网络"
    >>> structure_formula(t, Quote(2, 24, "“"))
    True
    >>> structure_formula("打造“互联网+协商”平台", Quote(2, 9, "“"))
    False
    """
    before = _CHAIN_BEFORE.search(text, max(0, q.open - 80), q.open)
    after = _CHAIN_AFTER.match(text, q.close + 1)
    start = before.start() if before else q.open
    end = after.end() if after else q.close + 1
    parts = [p for body in re.findall(r"[“‘「『]([^“”‘’「」『』]*)[”’」』]", text[start:end])
             for p in _FORMULA_SPLIT.split(_compact(clean_label(body)))]
    if len(parts) < 2 or not all(parts):
        return False
    if all(_LEVEL_PART.match(p) for p in parts):
        return True
    return all(_PLATFORM_PART.match(p) for p in parts) and bool(_N_LEVELS.match(_after_text(text, end, 16)))


def is_award(text: str, q_open: int, q_close: int) -> bool:
    """Is the quote something won or conferred (获评“…”党支部, “…”称号)?  A verb of winning
    anywhere earlier in the clause, or a title word right after, says so.

    >>> is_award("荣获“五星级”党组织5个、首批“五好”党支部2个", 17, 20)
    True
    """
    hits = _award_hits(text)
    if hits is None:
        stops = _clause_stops(text)
        k = bisect_left(stops, q_open)
        i = stops[k - 1] + 1 if k else 0
        if _AWARD_WORD.search(_before_text(text, q_open, q_open - i)):
            return True
    else:
        # without annotations the clause is text[i:q_open], and it holds an award word exactly
        # when the last hit of the text's scan ending by q_open has no clause stop after it: a
        # word inside the clause is either a hit or overlapped by one that, holding no stop and
        # no quotation mark, lies in the clause too
        starts, ends = hits
        k = bisect_right(ends, q_open)
        if k and _CLAUSE_STOP.search(text, starts[k - 1], q_open) is None:
            return True
    return _after_text(text, q_close + 1, 4).startswith(AWARD_AFTER)


_CLAUSE_STOP = re.compile("[，,。；;：:！!？?\n]")
_AWARD_WORD = re.compile("|".join(AWARD_WORDS))


@lru_cache(maxsize=4)
def _award_hits(text: str) -> tuple[list[int], list[int]] | None:
    """The starts and ends of the award words :func:`is_award` looks for (one scan of the text,
    non-overlapping hits), or None when the text holds pinyin annotations (then a clause is read
    with them skipped, which the hits cannot tell)."""
    if PINYIN.search(text):
        return None
    starts: list[int] = []
    ends: list[int] = []
    for m in _AWARD_WORD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


@lru_cache(maxsize=4)
def _clause_stops(text: str) -> tuple[int, ...]:
    """The positions of the clause-ending marks of ``text``, in order (for :func:`is_award`)."""
    return tuple([m.start() for m in _CLAUSE_STOP.finditer(text)])  # (a list is built faster)


def classify(name: str, cue: Cue) -> str:
    """Brand or Programme from the cue and the shape of the name.

    >>> classify("知行", Cue("讲座", "after"))
    'Brand'
    >>> classify("一支队一品牌", Cue("品牌", "self"))
    'Programme'
    >>> classify("惠民暖心", Cue("活动", "after"))
    'Programme'
    >>> classify("一线协商", Cue("工作法", "after")), classify("湖畔好商量", Cue("活动", "after"))
    ('Programme', 'Brand')
    """
    compact = _compact(name)
    if _ONE_X_ONE_Y.match(compact):
        return PROGRAMME
    if cue.where in ("after", "before") and cue.word in BRAND_CUES:
        return BRAND
    if cue.where == "after" and "品牌" in cue.phrase:
        return BRAND
    if cue.where == "after" and cue.word in MECHANISM_CUES and not compact.endswith(BRAND_SUFFIXES):
        return PROGRAMME  # “一线协商”工作法: a way of working, though named like a platform
    if compact.endswith(BRAND_SUFFIXES + CONSULT_SUFFIXES + MADE_PLACES) and compact not in BRAND_SUFFIXES \
            or _CONSULT_PLACE.search(compact):
        return BRAND  # (a name that is only the kind's word, “委员联络站”项目, is what its cue says)
    return PROGRAMME


# ---------------------------------------------------------------------------------------------
# the recogniser


def _mention(doc: Doc, start: int, end: int, name: str, cue: Cue, cls: str | None = None) -> Mention:
    label = clean_label(name)
    alts = []
    if cue.where == "after" and cue.phrase and len(cue.phrase) <= 8:
        alt = label + cue.phrase
        if norm(alt) != norm(label):
            alts.append(alt)
    return Mention(
        cls=cls or classify(label, cue),
        key=f"initiative:{norm(label)}",
        label=label,
        start=start,
        end=end,
        surface=label,
        attrs={"cue": cue.word, "alt": alts},
    )


def _quoted_cue(text: str, group: list[Quote], name: str) -> Cue | None:
    """The cue that makes a member of the coordinated ``group`` an initiative, or None.

    Strong cues after the list or before it, or a name that ends in a cue, suffice.  Weak cues
    (建设, 工作, 项目, 工程) need a launching verb right before the list too, and are refused for
    numbered concepts and for 建设 right after a name that is not the CPPCC's own (“平安中国”建设)."""
    last = group[-1]
    compact = _compact(name)
    if _before_text(text, group[0].open, 4).endswith(TOPIC_BEFORE) and not any(w in compact for w in OWN_WORDS):
        return None  # 本期活动的主题是“X”品牌提升: the topic discussed (not 主题为“X协商”品牌建设)
    if compact.startswith(POLICY_VERBS) and _after_text(text, last.close + 1, 6).startswith(TOPIC_EVENTS):
        return None  # “推动某某示范带建设”专题协商会: the topic consulted on, no initiative
    cue = after_cue(text, last.close + 1) or made_into_cue(text, group)
    if cue is not None and cue.word == "讲座" and cue.phrase.lstrip("等").startswith("专题"):
        cue = None  # “X”“Y”等专题讲座: the lectures' topics, unless the name is a series' (“委员讲堂”)
    if cue is not None:
        return cue
    noun = noun_before(text, group[0].open)
    if noun:
        return Cue(noun, "before")
    # (a hashtag that merely ends in a cue word is a topic of posts: #委员在行动#, #政协委员说#)
    own = self_cue(compact) if last.mark != "#" else None
    if own is not None and (_BECOMES.search(text, max(0, group[0].open - 3), group[0].open)
                            or _after_text(text, last.close + 1, 2) == "目标"):
        own = None  # 工作站要成为“民意直通车”, 实现“村村有委员工作站”目标: a figure of speech, a target
    if own is not None and not _N_GE.match(compact):
        # (not a count of things that merely ends in a cue word: 基层治理“四个平台”; “五大委员行动”
        # and “一支部一品牌” are programmes' usual shapes)
        return own
    copula = _copula_cue(text, group)
    if copula is not None:
        return copula
    consult = _consult_cue(text, group, compact)
    if consult is not None:
        return consult
    if not verb_before(text, group[0].open) or concept_shaped(compact):
        return None
    if compact.endswith(MADE_PLACES) and len(compact) >= 3 and not compact.endswith(NOT_MADE_PLACES):
        return Cue(next(w for w in MADE_PLACES if compact.endswith(w)), "self")
    weak = weak_after_cue(text, last.close + 1)
    if weak is not None:
        if weak.word == "建设" and weak.phrase == "建设" and not ("政协" in compact or "委员" in compact):
            return None
        if weak.word == "工作" and len(compact) < 6 and not any(w in compact for w in OWN_WORDS):
            return None  # “三农”工作, “双减”工作: a field of government work, not a named initiative
        return weak
    return weak_self_cue(compact)


def _copula_cue(text: str, group: list[Quote]) -> Cue | None:
    """A name the text says *is* a brand or a programme: “湖畔议事”是市政协着力打造的协商品牌.
    The cue must end the clause (是…的品牌), so “X”是品牌建设的重点 is not matched."""
    after = _after_text(text, group[-1].close + 1, 30)
    if not after.startswith(("是", "系")):
        return None
    clause = re.split(r"[，,。；;：:！!？?\n]", after, maxsplit=1)[0]
    if len(clause) > 28 or not clause.endswith(COPULA_CUES) or "不是" in clause[:2]:
        return None
    if not re.search(rf"(?:{'|'.join(VERBS)}|创设|主办|发起)的", clause):
        return None  # “凝聚共识”是…重要平台: only a made thing (是…打造的…品牌) is one
    word = next(c for c in COPULA_CUES if clause.endswith(c))
    return Cue(word, "after", "")


def _consult_cue(text: str, group: list[Quote], compact: str) -> Cue | None:
    """A consultation platform named like one (“X好商量”, “X在协商”, “X议事”) that the text
    holds a consultation under (召开“X好商量”协商议政会) or builds (打造“X在协商”).  A slogan
    has no such context: 坚持“有事好商量”的原则 is not matched."""
    if len(compact) < 3 or not compact.endswith(CONSULT_SUFFIXES):
        return None
    after = _after_text(text, group[-1].close + 1, 8)
    if any(w in after for w in IDEA_WORDS):
        return None  # “有事好商量”协商理念: an idea, not a platform
    if after.startswith(CONSULT_EVENTS):
        return Cue(after[:2], "after", "")
    if compact.endswith(CONSULT_NAMES) and verb_before(text, group[0].open):
        return Cue(compact[-2:], "self")
    return None



def _media_cue(text: str, q: Quote) -> Cue | None:
    """A media column in 《》 (《宜在协商》全媒体协商平台, 开设《委员风采》栏目).  Newspapers and
    other outlets' programmes are not the committee's: the name must sound like CPPCC work or a
    verb of making must precede it."""
    name = _compact(clean_label(text[q.open + 1:q.close]))
    own = any(w in name for w in MEDIA_OWN_WORDS) or bool(verb_before(text, q.open))
    if not own:
        return None
    after = _after_text(text, q.close + 1, 10)
    m = _MEDIA_AFTER.match(after)
    if m:
        return Cue(m.group(2), "after", m.group(1) + m.group(2))
    before = _before_text(text, q.open, 3)
    for cue in ("栏目", "专栏", "节目"):
        if before.endswith(cue):
            return Cue(cue, "before")
    return None


def _is_document_title(name: str) -> bool:
    compact = _compact(name)
    return compact.startswith("关于") or compact.endswith(DOC_SUFFIXES)


def quoted_mentions(doc: Doc) -> list[Mention]:
    """Initiatives named in quotation marks or 《》."""
    text = doc.text
    quotes = find_quotes(text)
    accepted: list[tuple[Quote, Mention]] = []
    for group in _groups(text, [q for q in quotes if q.mark != "《"]):
        for q in group:
            m = _candidate(doc, group, q)
            if m is not None:
                accepted.append((q, m))
    for q in quotes:
        if q.mark != "《":
            continue
        name = clean_label(text[q.open + 1:q.close])
        if not plausible_name(name) or _is_document_title(name):
            continue
        cue = _media_cue(text, q)
        if cue is not None:
            accepted.append((q, _mention(doc, q.open + 1, q.close, name, cue, BRAND)))
    # inner quotes of a nested group (‘…’ inside “…”) that were not grouped at top level
    inner = [q for q, nested in zip(quotes, _nested(quotes), strict=True) if nested and q.mark != "《"]
    for q in inner:
        if any(a.open <= q.open and q.close <= a.close for a, _ in accepted):
            continue
        m = _candidate(doc, [q], q)
        if m is not None:
            accepted.append((q, m))
    accepted.extend(_quoted_repeats(doc, quotes, accepted))
    return [m for _, m in accepted if zone_kind(doc, m.start) != "lost"]


def _quoted_repeats(doc: Doc, quotes: list[Quote],
                    accepted: list[tuple[Quote, Mention]]) -> list[tuple[Quote, Mention]]:
    """Other quoted occurrences of a name the article already presented as an initiative
    (“宜商量”成为协商新常态): the same initiative, without a cue of their own."""
    known = {m.key: m for _, m in accepted}
    if not known:
        return []  # nothing accepted, nothing to repeat
    taken = {(q.open, q.close) for q, _ in accepted}
    out = []
    for q in quotes:
        if (q.open, q.close) in taken:
            continue
        name = clean_label(doc.text[q.open + 1:q.close])
        first = known.get(f"initiative:{norm(name)}")
        if first is None or is_award(doc.text, q.open, q.close):
            continue
        if any(a.open <= q.open and q.close <= a.close for a, _ in accepted):
            continue
        out.append((q, replace(first, start=q.open + 1, end=q.close, label=name, surface=name,
                               attrs={"cue": "repeat", "alt": []})))
    return out


def unquoted_repeats(doc: Doc, found: list[Mention]) -> list[Mention]:
    """Unquoted occurrences of a name the article presented as an initiative, right before a
    cue noun (“知行”讲座 … 打造知行品牌).  Two-character names need the cue they had."""
    text = doc.text
    spans = [(m.start, m.end) for m in found]
    out: list[Mention] = []
    firsts: dict[str, Mention] = {}
    for m in found:
        firsts.setdefault(m.key, m)
    for _key, first in sorted(firsts.items()):
        name = first.label
        if " " in name or "‘" in name or len(name) < 2:
            continue
        cue = first.attrs.get("cue", "")
        cues = ((cue,) if cue else ()) if len(name) == 2 else STRONG_CUES  # an empty cue matches nothing
        # the occurrences re.finditer(re.escape(name), text) finds (non-overlapping, left to
        # right; the name is not empty), found by str.find; the tests are all required, the
        # cheap ones first (most occurrences are the quoted mentions, after an opening mark)
        i = -len(name)
        while (i := text.find(name, i + len(name))) >= 0:
            j = i + len(name)
            if i > 0 and text[i - 1] in OPEN_CLOSE:
                continue
            if not text.startswith(cues, j):
                continue
            if any(a <= i < b or a < j <= b for a, b in spans):
                continue
            if zone_kind(doc, i) == "lost":
                continue
            out.append(replace(first, start=i, end=j, surface=name, attrs={"cue": "repeat", "alt": []}))
    return out


def _candidate(doc: Doc, group: list[Quote], q: Quote) -> Mention | None:
    text = doc.text
    name = clean_label(text[q.open + 1:q.close])
    if not plausible_name(name, allow_list=True):
        return None
    if structure_formula(text, q):
        return None  # “区级议事厅+街镇议事点”两级网络: how platforms are layered, not a name
    if is_award(text, group[0].open, group[-1].close):
        return None
    compact = _compact(name)
    if compact in QUOTED_KINDS and after_cue(text, group[-1].close + 1) is None:
        return None  # (宜昌市政协打造“委员会客厅”协商品牌 names its own)
    after = _after_text(text, group[-1].close + 1, 8)
    if after.startswith(("名单", "榜单", "名录")) or (after.startswith(("评选", "评比", "推选", "遴选"))
                                                 and compact.startswith(AWARD_OPENINGS)):
        return None  # 发布了“十佳协商品牌”名单, 开展“优秀议事点”评选: an award (but “X”评选机制 is one)
    if _PER_DISTANCE.match(compact):
        return None  # “15分钟协商圈”: how near a service is, no named place
    account = next((w for w in MEDIA_ACCOUNTS if after.startswith(w)), "")
    if account and not after.startswith(("专栏", "栏目"), len(account)):
        return None  # “某某政协”微信公众号开设专栏: the name of an account, which carries the brands
    cue = _quoted_cue(text, group, name)
    if cue is None:
        return None
    if "、" in name and not (cue.where == "after" and len(cue.phrase) <= 6):
        return None  # parallel items are a name only right before their cue: “访民情、解民忧”活动
    return _mention(doc, q.open + 1, q.close, name, cue)


def unquoted_mentions(doc: Doc) -> list[Mention]:
    """``开展生态护航、文旅融合委员行动``: short names ending in 委员行动 right after a launching
    verb; a coordinated list shares the head."""
    out: list[Mention] = []
    for m in _unquoted_matches(doc.text):
        items = m.group(1).split("、")
        pos = m.start(1)
        for k, item in enumerate(items):
            start = pos
            pos += len(item) + 1
            if not item or item in GENERIC_HEADS or item.endswith("的") or len(item) < 2:
                continue
            if any(item.startswith(g) for g in GENERIC_HEADS):
                continue
            label = item + "委员行动"
            end = m.end() if k == len(items) - 1 else start + len(item)
            if zone_kind(doc, start) == "lost":
                continue
            out.append(Mention(cls=PROGRAMME, key=f"initiative:{norm(label)}", label=label, start=start,
                               end=end, surface=doc.text[start:end], attrs={"cue": "委员行动", "alt": []}))
    return out


def _unquoted_matches(text: str) -> list[re.Match[str]]:
    """``list(_UNQUOTED.finditer(text))``, scanning only the lines that hold 委员行动.

    Why the same: every match ends in 委员行动 and holds no line break (Han characters and 、
    only), so the matches of the text are those of its lines, and a line without 委员行动 has
    none; the scan of one line never reaches into the next."""
    out: list[re.Match[str]] = []
    i = text.find("委员行动")
    while i >= 0:
        start, end = line_span(text, i)
        out.extend(_UNQUOTED.finditer(text, start, end))
        i = text.find("委员行动", end)
    return out


def recognise(doc: Doc) -> list[Mention]:
    """Brand and Programme mentions of ``doc``, sorted by position."""
    found = quoted_mentions(doc) + unquoted_mentions(doc)
    found += unquoted_repeats(doc, found)
    found.sort(key=lambda m: (m.start, m.end, m.key))
    return found
