"""``runs``: which committee builds, runs or launched each brand or programme.

News about CPPCC committees says who runs an initiative through the subject of the sentence or
of the paragraph, rarely right next to the name.  The runner of an initiative mention is, in
order of preference:

1. a committee written right before the name (``宜昌市政协“宜商量”品牌``), or after it with a
   copula or passive (``“宜商量”是宜昌市政协打造的…``), or the committee of a region that heads
   the name in a list (``宜昌的“宜商量”、襄阳的“襄商量”``): the owner;
2. the subject committee of the same sentence, before the name (``宜昌市政协创新实施“…”``),
   with committees coordinated to it (``宜昌市政协联合岳阳市、常德市政协建立…``);
3. the subject of the nearest earlier sentence of the same paragraph that has one (the topic of
   the paragraph): a new subject committee takes over from the old one;
4. the article's main committee (the one of the topic region, else the most mentioned one),
   for sentences whose only subject is a collective (``全区政协``, ``各级政协``).

A committee is a *subject* only when it opens its clause (after a time or linking adverbial at
most) and is not a modifier (``自治区政协委员``, ``自治区政协的``): a committee that is an
object (``荣获襄阳市政协系统优秀党建品牌``, ``在自治区政协示范带动下``) never runs anything.
Initiatives in headline lists, navigation and footers are entities but get no runner.

Before all these, a distributive list pairs committees and names in order: ``指导A市政协、B市
政协分别打造“X”“Y”等平台`` gives X to A and Y to B (one name goes to every listed committee; lists
of different lengths give no runner), and the committee before 把/将 owns what it makes the name
into (``A市政协将“X”打造为…平台``).

Nobody runs an initiative from a sentence that only shows it being visited, praised or joined
(``调研“…”``, ``来到…“…”议事室``, ``对“…”给予充分肯定``, ``积极参与“…”``).  A committee on a trip
(``率考察团来宜考察``, ``考察团来到某市，…``) is a guest, not a runner, for the rest of its
paragraph, also where it is named again as the subject (``某市政协主席表示，“X”…``); the
article's own committee is a guest only when it goes to another region that the text names (or
to study one under its own: ``考察团来到某县级市``, not ``到某县调研``) and makes nothing there
(study-trip reports are often published by the visitor).  Across the whole
article, a travelling committee gets no initiative that was visited, praised or owned by another
committee elsewhere in it from merely being the subject or the topic (``王某指出，“X”做法值得学习``),
only from a verb of making (``某市政协将持续推进“Y”品牌建设``) or from putting what it learnt into
it (``把好的经验做法融入“Y”专项行动``: its own action, not a campaign it joins); organising people
for the trip (``组织部分委员赴某县观摩``) and a verb used as a noun (``品牌建设情况``) make nothing.
An owner named right before the name that is also the subject counts as owning it there.  Party committees,
governments, people's organisations and the democratic parties' local organisations that open a
clause (``县委开展“…”活动``, ``民盟某市委已连续三年开展“…”``, ``某市工商联…``) or own the name
(``观摩了民盟某市委开展的“…”``) are runners too: what they launch is theirs, not the committee's,
even when their leaders hold committee posts.  So are associations and other bodies of members
(``某某政协委员联谊会举办“X”``, ``某商会举办的“X”``, ``“X”由某协会发起``), even when a committee is
named inside their name; an initiative that such a body owns or runs somewhere in the article
goes to nobody from the article's committee alone.  A committee that only accompanies visitors
(``某市政协有关负责同志陪同考察``) is no topic for later sentences, and a destination listed after
a preposition (``赴某市、某市的“X”``) owns nothing.  An owner keeps the name with the place where
it made it in between (``九三学社某市委在某县举办的“X”``).  A partner written with its preposition (``联合某市
广播电视台开办《…》栏目``) is no subject: the clause's subject is elided and the topic or the
article's committee runs the column.  A committee that only speaks at or attends a meeting
(``某州政协、某市政协作书面交流``) is no topic for what a speaker mentions in a later sentence
(``某委员表示，“X”…``).  Other bodies that the text names as a name's creator (``委员们参与街道党工委
创设的“X”``, ``区民政局牵头打造“X”``, ``“X”由村委会创办``: Party working committees and branches,
village and residents' committees, governments and their bureaus) run it, not the committee whose
members take part.  A visitor runs what it calls the brand of its own whole level (``省政协副主席…
希望持续深化“X”全省品牌建设``).  The article's committee (the fallback) gets nothing that another
committee runs in a sentence of its own elsewhere in the article (``“X”是区政协今年推出的…`` then a
leader's ``要坚持把“X”作为…``), nor a name that is only the words of a sign (``挂着“X”的牌子``),
unless the next sentence names its maker (``这是某县政协去年设立的委员工作室``: the owner).  A
person who launches something (``她和某某一起，发起“X”``) and a speaker for another body who
announces it (``某会主席某某表示，将联同有关团体推出“X”``) run it, not the committee; a member who
reports about it (``某县政协副主席某某关于“X”…的发言``) gives it his committee; a committee the
subject does it with (``与某县政协共同构建“X”``) runs it too; and a committee that comes to learn
from it (``专程来学习“X”的经验``) or a visitor's praise (``值得某地学习借鉴``) runs nothing.
A committee in a later cell of the name's table row owns it; a group the article defines by
listing its committees before their count (``A、B、C三地政协``) runs what the group makes; 我们 in
an answer is the committee of the speaker whose label opens the paragraph.  Nobody runs what a
member proposes be done (``建议实施“X”工程``), a name inside a paper's or a book's title in 《》,
another's experience passed on (``推广“X”经验``) or what another body's official shows or speaks of.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field, fields
from functools import lru_cache
from operator import attrgetter
from typing import TypeVar

from kg import gazetteer, vocab_posts
from kg.model import (
    BRAND,
    COMMITTEE,
    ORGAN,
    ORGANISATION,
    PERSON,
    PROGRAMME,
    REGION,
    RUNS,
    Doc,
    Mention,
    Relation,
    Sentence,
)
from kg.recognise import context, regions
from kg.recognise.initiatives import DOC_SUFFIXES, MAKING_INTO

CLAUSE_BOUNDARY = set("，,；;：:。！!？?\n—）】")
# what may stand between the start of a clause and its subject committee
ADVERBIAL = re.compile(
    r"^(?:[\d０-９]+|[年月日上下午时许号]|以来|近年来|今年|去年|前年|明年|下一步|今后|一年来|多年来|长期以来|连日来|近年|近期|近日|日前|"
    r"目前|当前|截至目前|同时|此外|其中|另外|与此同时|随后|此前|为此|对此|据悉|据了解|据介绍|同日|当天|会上|会后|首先|其次|"
    r"最后|还|也|均|则|先后|先是|而|并|又|[上下]半年|前三季度|本届以来|换届以来|一是|二是|三是|四是|五是|"
    r"比如|例如|譬如)*$")  # 比如某县政协，他们创设了“X”: an example's committee is its clause's subject
# a dateline or byline before the first subject: 本报讯（记者 张三）, 新华社武汉1月5日电
DATELINE = re.compile(r"^.{0,24}?(?:讯|电)")
# what right after a committee shows it is a modifier, not a subject
MODIFIER_AFTER = ("的", "委员", "系统", "提案", "报", "网", "文史馆", "各")
# a member's post after the committee (某省政协常委、某会主席某某), not its standing committee (常委会)
_MEMBER_POST_AFTER = re.compile("常委(?!会)|常务委员(?!会)")
# words joining partners: those that start a gap alone (联合, 与) and those only between names
_JOINING = ("联合", "会同", "携手", "以及")
_JOINING_OR_WITH = (*_JOINING, "与")
COORDINATORS = (*_JOINING, "与", "和", "及", "同", "、")
# what may stand between a committee and the name it owns: 宜昌市政协“宜商量”, 由宜昌市政协主办的“…”,
# 响应省政协开展“…”行动
_OWNER_VERBS = "|".join(("开展", "实施", "启动", "打造", "推出", "发起", "部署", "主办", "举办", "创办",
                         "组织", "创建", "牵头", "开设", "推动", "深化", "推进", "策划", "倡导", "搭建",
                         "建立", "建设", "建起", "建成", "设立"))
# (and right after its owner, the verbs of keeping a name alive: 支持某县政协继续擦亮“X”, 培育“Y”)
# (a time or an adverb may come first: 省政协近年来创设“X”, 市政协去年打造的“X”, 希望区政协进一步叫响“X”)
OWNER_GAP = re.compile(rf"^(?:(?:(?:近年来|近年|近两年|去年|今年|今年以来|近期|此前|还|也|又|先后|进一步)?"
                       rf"(?:统一|深入|持续|全面|创新|积极|精心|继续|着力|大力)?"
                       rf"(?:{_OWNER_VERBS}|擦亮|培育|叫响|创设|办好))?的?)$")
# where the owner made it, between the owner and its verb: 九三学社某市委在某县举办的“X”, 于2021年创办的
# (the verb is then required: 在“X”平台上 names no owner)
_WHERE = r"(?:在|于)[^，,。；;：:！!？?“”‘’「」『』《》\"]{1,12}?"
OWNER_GAP_WHERE = re.compile(rf"^{_WHERE}(?:统一|深入|持续|全面|创新|积极|精心)?(?:{_OWNER_VERBS})的?$")
# 宜昌市政协把“X”打造成…, 将“X”建设为…: the committee before 把/将 makes the name into something
MADE_INTO_AFTER = re.compile(rf"^[”’」』》\"]?{MAKING_INTO}")
# “X”(品牌)是/由 <committee> (着力)打造的…: the owner after the name
OWNER_AFTER_GAP = re.compile(r"^[”’」』》\"]?[\u4e00-\u9fff]{0,6}?(?:是|系|由|为)$")
OWNER_AFTER_VERB = re.compile(rf"^[^，,。；;：:！!？?]{{0,8}}?(?:{_OWNER_VERBS}|创设|培育|推出)")
# a trip to see something: 来盐考察, 到安吉调研, 赴浏阳观摩.  Each verb of going is an alternative of
# its own followed by the purpose (the same matches, in the same order of trying, as one group of
# the verbs before it): a pattern whose alternatives all open with a character lets the engine
# skip in C to those characters, where a leading group is tried at every offset (2.5x faster)
_TRIP_GOING = ("来到", "前往", "走进", "来", "到", "赴")
_TRIP_PURPOSE = r"[\u4e00-\u9fff]{1,8}?[，,]?(?:实地|先后|专题|学习)?(?:调研|考察|视察|观摩|学习|参观|交流)"
TRIP = re.compile("|".join(going + _TRIP_PURPOSE for going in _TRIP_GOING) + "|考察团|学习考察团|观摩团|参访团")
# the Party committees, governments and people's organisations that do things of their own
_DOER_ORGS = (r"委(?!员)|政府|人大常委会|人大|纪委监委|纪委|妇联|总工会|团委|工商联|科协|侨联|文联|统战部|宣传部|"
              r"组织部|党委|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟|"
              r"本报(?!讯)|本刊(?!讯)|本台|本网(?!讯)")  # the newspaper that prints it: 本报推出“X”专栏
# a time adverbial that may open a doer's clause (今年以来，县委…; 去年，她和…)
_TIME_PREFIX = r"(?:(?:今年以来|近年来|今年|去年|近日|日前|同时|此外|随后|[0-9０-９]+月[0-9０-９]+日)[，,]?)?"
# a Party committee, government or people's organisation doing something at the opening of a
# clause (县委开展, 市政府实施, 县妇联联合县政协开展); a time adverbial may come first
OTHER_DOER = re.compile(
    _TIME_PREFIX +
    rf"(?:中共)?(?:[省市县区州旗]|自治区)?(?:{_DOER_ORGS})"
    rf"[^，,。；;：:！!？?“”]{{0,6}}?(?:{_OWNER_VERBS}|联合|会同|携手|启动|推出|发起)")
# democratic parties and the federation of industry and commerce with their local organisations
# (民盟某市委, 九三学社某县基层委员会, 市工商联): organisations of their own, never the committee,
# though their leaders often hold committee posts (民盟市委主委、市政协副主席…)
_PARTIES = "|".join(sorted(set(vocab_posts.DEMOCRATIC_PARTIES) | set(vocab_posts.DEMOCRATIC_PARTIES.values()),
                           key=lambda w: (-len(w), w)))
PARTY_ORG = (rf"(?:(?:{_PARTIES})"
             r"(?:[\u4e00-\u9fff]{0,10}?(?:中央|工作委员会|基层委员会|[省市县区州盟旗]?委员会|[省市县区州盟旗]委会?(?!员)|总支部?|支部|支社|小组))?"
             # a party's own short form for its committee, once the party is named: 社市委 (九三学社),
             # 盟市委 (民盟), 社省委
             r"|(?<![\u4e00-\u9fff])(?:社|盟)[省市县区]委(?:会)?(?!员))")
# a party organisation opening a clause as its subject (民盟某市委已连续三年开展…, 某市工商联联合…);
# not when a post or a member follows (民盟市委主委张某介绍: the person speaks), nor inside a word
# (市民进一步…, 农民建房)
PARTY_SUBJECT = re.compile(rf"(?:[\u4e00-\u9fff]{{0,8}}?[省市县区州盟旗])?(?>{PARTY_ORG})"
                           r"(?!主委|副主委|委员|成员|会员|盟员|社员|党员|界|的|主席|副主席|负责人|领导|"
                           r"一步|入|场|城|村|社区|企业|户|房|设|成|立|议)")
# an organisation other than the committee owning the name written right after it (民盟某市委开展的
# “X”, 县委组织的“X”): a party organisation, or a Party committee, government or people's
# organisation named with its level
_OTHER_ORG = (rf"(?:{PARTY_ORG}|(?:中共)?(?:[省市县区州旗]|自治区)(?:委(?!员)|政府|人大常委会|人大|纪委监委|纪委|妇联|"
              r"总工会|团委|科协|侨联|文联|委统战部|委宣传部|委组织部))")
OTHER_OWNER = re.compile(
    rf"{_OTHER_ORG}(?:{_WHERE}(?=[^的]*(?:{_OWNER_VERBS})))?"
    rf"(?:(?:统一|深入|持续|全面|创新|积极|精心|连续|已连续|多年)?(?:{_OWNER_VERBS}))?的?$")
# the same organisation named after the name with a copula or a passive: “X”活动由民盟某市委于2022年发起
OTHER_OWNER_AFTER = re.compile(
    rf"^[”’」』》\"]?[\u4e00-\u9fff]{{0,6}}?(?:是|系|由){_OTHER_ORG}[^，,。；;：:！!？?]{{0,10}}?"
    rf"(?:{_OWNER_VERBS}|创设|培育|推出|发起)")
# a body other than the committee that the text names as the creator right before the name: 街道党工委
# 创设的“X”, 区民政局打造的“X”, 某村村委会推出的“X”.  The organ words are generic (Party working
# committees, branches, village and residents' committees, offices, governments and their bureaus,
# commissions and departments); a committee's own organ (区政协提案委) is told apart by its mention
# or by 政协 in the words before.  Only with 的: without it the body is a clause's subject (OTHER_DOER)
_CREATOR_ORG = (r"(?:党工委|党委|党组|党总支|党支部|村两委|村委会|居委会|村民委员会|居民委员会|管委会|办事处|街道办|"
                # a bureau, a department or a commission after its field (民政局, 教育厅, 卫健委), not
                # 格局, 会客厅, a consultation room (议事厅, 协商厅, 商量厅, 民意厅), a person (常委,
                # 主委) or a member (委员)
                r"政府|(?<=[\u4e00-\u9fff])(?<![布格大开结当变])局|(?<=[\u4e00-\u9fff])(?<![事客大展餐商量意])厅|"
                r"(?<=[\u4e00-\u9fff])(?<![主常编])委(?!员))")
_CREATOR_VERBS = "|".join(("创设", "打造", "推出", "搭建", "创建", "创办", "设立", "发起", "培育", "建立", "开设",
                           "主办", "举办", "组织", "开展", "实施", "启动", "策划"))
OTHER_CREATOR = re.compile(
    rf"(?P<org>{_CREATOR_ORG})(?:所|率先|首先|首创|牵头|精心|着力|统一|共同|联合)?(?:{_CREATOR_VERBS})的$")
# the same body named after the name with a copula or a passive: “X”由街道党工委创设, “X”是区民政局打造的
OTHER_CREATOR_AFTER = re.compile(
    rf"^[”’」』》\"]?[\u4e00-\u9fff]{{0,6}}?(?:是|系|由)(?P<org>[\u4e00-\u9fff]{{0,10}}?{_CREATOR_ORG})"
    rf"(?:所|率先|首先|首创|牵头|精心|着力|统一|共同|联合)?(?:{_CREATOR_VERBS})")
# the same body opening a clause as its subject: 街道党工委创设“X”, 区民政局牵头打造“X”
CREATOR_SUBJECT = re.compile(
    _TIME_PREFIX +
    rf"(?P<org>[\u4e00-\u9fff]{{0,8}}?{_CREATOR_ORG})"
    rf"(?:所|率先|首先|首创|牵头|精心|着力|统一|共同)?(?:{_CREATOR_VERBS}|联合|会同|携手)")
_CREATOR_WORD = re.compile(_CREATOR_ORG)
# what joins the committee to the creator as its partner: 区政协与街道党工委共同创设的“X” (both run it)
_CREATOR_PARTNER = re.compile(r"^(?:联合|会同|携手|协同|与|和|及|同|、)")
# associations and other bodies of members (联谊会, 联合会, 商会, 协会, 学会, 基金会…): organisations of
# their own, even when named after the committee whose members they gather (港区全国政协委员联谊会);
# what they organise is theirs.  The name stops at a partner, a conjunction or a verb.
_ASSOC = ("联谊会|联合总会|联合会|总商会|商会|协会|(?<![们要已都能应会])学会|基金会|促进会|研究会|同乡会|校友会|"
          "慈善总会|慈善会|联络会")
_ASSOC_NAME_CHAR = (r"(?:(?!联合(?!会|总会)|会同|携手|协同|组织|开展|举办|参加|参与|和|与|及|在|对|向|把|将|率|带领|"
                    r"邀请|指导|动员|发动|引导|依托|通过|借助)"
                    r"[\u4e00-\u9fff（）()])")
# (searched for, the name must not start in the middle of one of those words: 联|合市某商会)
ASSOCIATION = rf"(?<!联)(?<!会)(?<!携)(?<!协)(?<!组)(?<!开)(?<!举)(?<!参){_ASSOC_NAME_CHAR}{{0,20}}?(?:{_ASSOC})"
# an association opening a clause and doing something (某某联谊会举办…, 某商会于9月12日至14日组织…), or its
# head leading the party (某联谊会会长某某率队); not when a member or a post follows otherwise (商会会长
# 某某表示, 协会会员): the person speaks
ASSOCIATION_SUBJECT = re.compile(
    r"(?:(?:今年以来|近年来|今年|去年|近日|日前|同时|此外|随后|[0-9０-９]+月(?:[0-9０-９]+日)?)[，,]?)?"
    rf"(?P<org>{ASSOCIATION})"
    r"(?:(?:常务|执行)?副?(?:会长|理事长|秘书长|主席)[\u4e00-\u9fff·]{2,8}?(?:率|带领|带队)"
    r"|(?!会员|会长|副会长|理事|秘书长|成员|员|的|主席|副主席|负责人|领导)"
    rf"[^，,。；;：:！!？?“”‘’「」『』《》]{{0,12}}?(?:{_OWNER_VERBS}|联合|会同|携手|启动|推出|发起))")
# an association owning the name written right after it (某联谊会举办的「X」, 某商会“X”品牌)
ASSOCIATION_OWNER = re.compile(
    rf"(?P<org>{ASSOCIATION})(?:{_WHERE}(?=[^的]*(?:{_OWNER_VERBS})))?"
    rf"(?:(?:统一|深入|持续|全面|创新|积极|精心|连续|已连续|多年)?(?:{_OWNER_VERBS}))?的?$")
# the same after the name: 「X」由某联谊会主办
ASSOCIATION_OWNER_AFTER = re.compile(
    rf"^[”’」』》\"]?[\u4e00-\u9fff]{{0,6}}?(?:是|系|由)(?P<org>{ASSOCIATION})(?P<rest>[^，,。；;：:！!？?]{{0,10}}?)"
    rf"(?:{_OWNER_VERBS}|创设|培育|推出|发起)")
# what OTHER_OWNER_AFTER and ASSOCIATION_OWNER_AFTER both need (是, 系 or 由), which cleaning the
# tail never adds
_COPULA_CHAR = re.compile("[是系由]")
# a person who launches something with others or alone (去年，她和某某一起，发起“X”活动; 他牵头成立“X”):
# his or her own initiative, not the committee's, though the article is about a member
_PERSON_LAUNCHES = "发起|创办|创立|牵头成立|牵头组建|组建|办起"
PERSON_SUBJECT = re.compile(
    rf"{_TIME_PREFIX}[她他](?!们)(?:[和与同][^，,。；;：:！!？?“”]{{1,30}}?一起[，,]?|[^，,。；;：:！!？?“”]{{0,4}}?)"
    rf"(?:{_PERSON_LAUNCHES})")
_PERSON_WORD = re.compile("[她他](?!们)")  # what every match of PERSON_SUBJECT contains
# a word that every match of OTHER_DOER, PARTY_SUBJECT and ASSOCIATION_SUBJECT (and so of
# OTHER_OWNER and ASSOCIATION_OWNER) contains: their organisation words, the association words
# without their lookbehind.  A sentence without one has no doer, which one search finds instead
# of three matches at every clause start.  Searched with the same end as the matches, so
# 委(?!员) sees what they see.
_DOER_WORD = re.compile(rf"{_DOER_ORGS}|{_PARTIES}|[社盟][省市县区]委|{_ASSOC.replace('(?<![们要已都能应会])', '')}")
# what a committee does when it only speaks at or attends a meeting: 作书面交流, 作交流发言, 列席会议.
# Such a committee is no topic for the initiatives that a later speaker mentions.
EXCHANGE_ONLY = re.compile(
    r"^[^“”‘’「」『』《》\"]{0,10}?(?:分别|先后|也|还|均)?"
    r"(?:(?:作|做)了?(?:书面|大会|口头|典型|视频)?(?:交流)?(?:发言|交流)|(?:应邀)?(?:参加|列席|出席|参会)"
    r"(?:会议|了会议|此次会议|座谈会|活动)?)$")
# what a committee does when it only accompanies visitors: (有关负责同志)陪同考察, 陪同调研.  Such a
# committee is no topic for what the visitors organise (they run it, or their body does).  A host
# that receives them (会见考察团) often goes on to present its own work: not listed.
HOST_ONLY = re.compile(r"^[^“”‘’「」『』《》\"]{0,16}?(?:一同|一起|全程)?陪同[^“”‘’「」『』《》\"]{0,12}$")
# a person speaking: 王某表示, 张某某介绍, 委员们说 (not 据说).  Each verb checks the 据 before it
# with a lookbehind of its own after it, the same test as one (?<!据) before them all: a pattern
# that opens with its words lets the engine skip in C to their first characters, where a leading
# lookbehind is tried at every offset (searches about three times as fast)
_SPEAKING_VERBS = ("表示", "说", "介绍", "认为", "谈到", "坦言", "感慨", "告诉记者", "说道")
SPEAKING = re.compile("(?:" + "|".join(f"{v}(?<!据{v})" for v in _SPEAKING_VERBS) + ")[，,:：。]")
# several committees doing one thing each: A市政协、B市政协分别打造“X”“Y”
DISTRIBUTIVE = "分别"
# between two listed names: nothing, a separator, or the first name's cue and a separator
LIST_GAP = re.compile(r"|、|和|与|及|以及|[\u4e00-\u9fff]{1,5}?(?:、|和|与|及|以及)")
# trips to study or to see how others work, not to supervise
STUDY = re.compile(r"考察|观摩|学习|参观|交流")
# the writer's region as the destination of a trip (来我市考察): the traveller's is another
HOST_REGION = re.compile(r"(?:来|到|赴)我[省市县区州旗盟]")
# a character that every match of TRIP holds (来到, 前往, 走进, 来, 到, 赴, …团), one at a time so
# that a pinyin annotation or a space between two of a word's characters does not hide it
_TRIP_CHAR = re.compile("[来到往进赴团]")
# making something after coming back from a trip: 学习考察后，开展…
AFTER_TRIP_MAKING = re.compile(
    rf"[\u4e00-\u9fff]{{0,6}}?(?:回来|返回|归来)?后[，,]?(?:又|即|随即|还)?(?:{_OWNER_VERBS}|启动)")
# prepositions of partnership: what follows is a partner, not the subject
PARTNER_PREPS = ("联合", "会同", "携手", "协同")
# prepositions and verbs before a place where something happens: 到株洲, 在常德, 走进浏阳
PLACE_PREPS = ("在", "到", "赴", "来", "于", "从", "往", "至", "进", "走进", "来到", "深入", "前往", "聚焦", "围绕")
# collectives (not committees) and the level of the committee that speaks for them
COLLECTIVE = re.compile(r"(全国|全区|全省|全自治区|全市|全州|全盟|全县|全旗)(?:各级|各市|各地)?政协(?:系统|组织)?")
COLLECTIVE_LEVEL = {"全国": 0, "全区": 1, "全省": 1, "全自治区": 1, "全市": 2, "全州": 2, "全盟": 2, "全县": 3,
                    "全旗": 3}
MUNICIPALITIES = {"11", "12", "31", "50"}
# prepositions that open an adverbial clause put before the subject
FRONTED = ("通过", "依托", "借助", "围绕", "按照", "结合", "立足", "以", "在", "从", "为", "借力", "针对")
# verbs of visiting and inspecting
VISIT_VERBS = ("调研", "视察", "考察", "走访", "观摩", "参观", "察看", "学习借鉴", "借鉴", "了解")
# verbs of going to a place, a visit when the initiative follows in the same clause
VISIT_PLACE_VERBS = ("来到", "走进", "实地查看", "查看")
# verbs of making: after them the initiative is run, not visited (调研后开展“X”行动)
MAKING = re.compile(rf"(?:{_OWNER_VERBS}|擦亮|叫响|启动|依托|通过|借助)")
# organising people to go somewhere (组织部分委员赴某县观摩学习) is no making, though 组织 is a verb of
# making for what it names (组织开展“X”, 组织“X”活动)
ORGANISING_PEOPLE = re.compile(r"组织(?:部分|全体|相关|有关|驻会|市|县|区|省|[\d０-９多余名位批]+)*(?:政协)?"
                               r"(?:委员|人员|干部|代表|专家|党员|机关|考察团|调研组)"
                               # and a verb of making used as a noun: 品牌建设情况, 推进成效
                               rf"|(?:{_OWNER_VERBS})(?=情况|成效|进展|成果|经验|做法|工作情况)")
QUOTED = re.compile(r"[“‘「『《\"][^“”‘’「」『』《》\"]*[”’」』》\"]")
# taking part in or serving someone else's campaign: 积极参与“X”, 助推“X”, 围绕“X”
JOIN_VERBS = ("参与", "参加", "投身", "投身于", "助推", "助力", "融入", "服务", "服务于", "配合", "响应", "围绕",
              "对接")
# what 把 puts into an initiative (把经验融入“X”): the initiative is the subject's own
MERGED_INTO = ("融入", "融入到", "纳入", "纳入到", "融进")
# praise of an initiative by someone else: 对“X”给予充分肯定, 点赞“X”
PRAISE_WORDS = ("肯定", "点赞", "赞扬", "称赞", "好评", "高度评价", "充分评价", "表扬", "赞赏")
PRAISE_VERBS = ("点赞", "称赞", "赞扬", "肯定了", "充分肯定", "高度肯定")
LEARN_VERBS = ("来学习", "学习借鉴", "借鉴", "观摩", "取经")
# spreading what another made (在全州县级政协推广“X”经验)
SPREAD_VERBS = ("推广", "复制", "学习")
# the rest of the sentence says others should learn from it (值得福建学习借鉴, 值得在全国推广学习)
# (a learner named, or a visitor's 很值得借鉴: 值得福建学习借鉴, 值得我们学习; not the committee's own
# 值得在全市推广学习, 值得认真总结借鉴)
_WORTH_LEARNING = re.compile(r"[^。；;！!？?\n]*?(?:值得(?![在认总推大各])[\u4e00-\u9fff]{2,4}?|[很非常]+值得)"
                             r"(?:学习|借鉴)")
SKIP_ZONES = regions.SKIP_ZONES
PINYIN = re.compile(r"\([a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňḿ]+\)")


def _clean(s: str) -> str:
    if "(" in s:  # a pinyin annotation needs its bracket
        s = PINYIN.sub("", s)
    return s.replace(" ", "").replace("\u3000", "")


def _excluded(skipped: Callable[[int], bool], pos: int, sent: Sentence | None) -> bool:
    """Is ``pos`` (in ``sent``) in a zone to skip?  ``skipped``: :func:`regions.skipped` of the
    article, asked for once per article (each call looks up its index again)."""
    if sent is not None and sent.zone in SKIP_ZONES:
        return True
    return skipped(pos)  # in a zone of a skipped kind


def _is_boundary(text: str, i: int) -> bool:
    """Does ``text[i]`` end a clause?  A closing ASCII bracket does unless it closes a pinyin
    annotation (``政协(xié)``) that noisy sources leave in."""
    ch = text[i]
    if ch == ")":
        return i > 0 and ("\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1].isdigit())
    return ch in CLAUSE_BOUNDARY


_BOUNDARY_CHAR = re.compile("[" + re.escape("".join(sorted(CLAUSE_BOUNDARY))) + "]")
_CLOSING_PAREN = re.compile(r"\)")


@lru_cache(maxsize=4)
def _boundaries(text: str) -> tuple[int, ...]:
    """Every ``i`` where :func:`_is_boundary` holds, in order (computed once per text)."""
    out = [m.start() for m in _BOUNDARY_CHAR.finditer(text)]
    if ")" in text:
        out += [m.start() for m in _CLOSING_PAREN.finditer(text) if _is_boundary(text, m.start())]
        out.sort()
    return tuple(out)


def _clause_start(text: str, pos: int, floor: int) -> int:
    """The start of the clause around ``pos``: after the last boundary before it, not before
    ``floor``."""
    if pos <= floor:
        return pos
    bounds = _boundaries(text)
    k = bisect_left(bounds, pos)
    if k and bounds[k - 1] >= floor:
        return bounds[k - 1] + 1
    return floor


def _clause_end(text: str, pos: int, stop: int) -> int:
    """The first boundary at or after ``pos``, or ``stop`` when none comes before it."""
    if pos >= stop:
        return pos
    bounds = _boundaries(text)
    k = bisect_left(bounds, pos)
    if k < len(bounds) and bounds[k] < stop:
        return bounds[k]
    return stop


def is_subject(doc: Doc, c: Mention, sent: Sentence) -> bool:
    """Does committee mention ``c`` open its clause as the subject?

    The prefix between the clause boundary and the committee may only be an adverbial of time or
    linkage; the committee must not be a modifier of what follows."""
    text = doc.text
    start = _clause_start(text, c.start, sent.start)
    prefix = _clean(text[start:c.start]).strip("“”‘’ \t")
    if not ADVERBIAL.match(prefix) and not ADVERBIAL.match(DATELINE.sub("", prefix, count=1)):
        return False
    after = _clean(text[c.end:c.end + 6])
    return not after.startswith(MODIFIER_AFTER) and not _MEMBER_POST_AFTER.match(after)


def siblings(doc: Doc, c: Mention, committees: list[Mention]) -> list[Mention]:
    """The committees named by the span of ``c`` (``常德、益阳两市政协`` names two), in the order
    their regions are written."""
    start, end = c.start, c.end
    same = [m for m in committees if m.start == start and m.end == end]  # (no pair of tuples per mention)
    if len(same) < 2:
        return [c]

    def where(m: Mention) -> tuple[int, str]:
        code = m.key.partition(":")[2]
        for r in doc.mentions:
            if r.cls == REGION and c.start <= r.start < c.end and r.key.partition(":")[2] == code:
                return r.start, m.key
        return c.end, m.key
    return sorted(same, key=where)


def coordinated(doc: Doc, head: Mention, committees: list[Mention]) -> list[Mention]:
    """``head`` and the committees coordinated to it (``X政协联合A、B政协``, ``A、B两市政协``)."""
    out = siblings(doc, head, committees)
    cur = head
    for c in committees:
        if c.start < cur.end:
            continue
        gap = _clean(doc.text[cur.end:c.start]).strip(",，")
        if len(gap) > 7 or not gap.startswith(COORDINATORS) or set(gap) & set("。；;：:"):
            break
        out.extend(siblings(doc, c, committees))
        cur = c
    seen: set[str] = set()
    unique = []
    for c in out:
        if c.key not in seen:
            seen.add(c.key)
            unique.append(c)
    return unique


def _mark(text: str, init: Mention) -> int:
    """Where the initiative's name starts, its opening quotation mark included."""
    return init.start - 1 if init.start > 0 and text[init.start - 1] in "“‘「『《\"" else init.start


def owner_before(doc: Doc, init: Mention, committees: list[Mention]) -> Mention | None:
    """The committee that the text names as the initiative's owner: one inside the name
    (“宜昌市政协委员会客厅”), or one right before its opening mark, possibly with a verb of making
    (``宜昌市政协“宜商量”``, ``由宜昌市政协主办的“…”``, ``响应省政协开展“…”行动``)."""
    inside = [c for c in committees if init.start <= c.start and c.end <= init.end]
    if inside and inside[0].key == "committee:CN" and doc.text.startswith("委员", inside[0].end) \
            and init.label.endswith("行"):
        # “全国政协委员河南行”: a tour of the national members of a province, whom its committee serves (省政协
        # 创设“全国政协委员河南行”), not the national committee's own (“宜昌市政协委员会客厅” is 宜昌's)
        inside = []
    if inside:
        return inside[0]
    return _owner_right_before(doc, init, committees)


def _owner_right_before(doc: Doc, init: Mention, committees: list[Mention]) -> Mention | None:
    text = doc.text
    mark = _mark(text, init)
    for c in reversed(committees):
        if c.end > mark or mark - c.end > 24:
            continue
        gap = _clean(text[c.end:mark])
        made = gap in ("把", "将") and bool(MADE_INTO_AFTER.match(_clean(text[init.end:init.end + 8])))
        if (len(gap) <= 12 and OWNER_GAP.match(gap)) or made or OWNER_GAP_WHERE.match(gap):
            prefix = _clean(text[_clause_start(text, c.start, 0):c.start])
            if not prefix.endswith(("荣获", "获评", "评为", "获得", "授予")):
                return c
        break
    return None


def named_owner(doc: Doc, init: Mention, ctx: Context) -> str:
    """The key of the committee named as the initiative's owner before or after it, or ""."""
    owner = _named_owner(doc, init, ctx)
    return owner.key if owner is not None else ""


def _named_owner(doc: Doc, init: Mention, ctx: Context) -> Mention | None:
    """:func:`owner_before`, else :func:`owner_after`, once per initiative span of the article
    (:func:`runners` and :func:`relate` both ask; both read only the span of ``init``)."""
    return ctx.once(("owner", init.start, init.end), _owner_of, doc, init, ctx.committees)


def _owner_of(doc: Doc, init: Mention, committees: list[Mention]) -> Mention | None:
    return owner_before(doc, init, committees) or owner_after(doc, init, committees)


def other_owner(doc: Doc, init: Mention, ctx: Context) -> bool:
    """Is the initiative owned by an organisation other than a committee, written right before its
    name (``观摩了民盟某市委开展的“X”活动``, ``县委组织的“X”``) or after it (``“X”活动由民盟某市委
    发起``)?  Its runner is that organisation,
    whoever the subject or the topic of the paragraph is.  Organisations inside a committee's or
    an organ's name (``县政协机关党委``) do not count."""
    text = doc.text
    if _COPULA_CHAR.search(text, init.end, init.end + 32):  # (most names have none after them)
        tail = _clean(text[init.end:init.end + 32])
        after = OTHER_OWNER_AFTER.match(tail)
        if after and "政协" not in after.group():  # 由市委、市政协联合主办: the committee is an owner too
            return True
        after = ASSOCIATION_OWNER_AFTER.match(tail)
        if after and "政协" not in after.group("rest"):  # the committee in the association's name does not count
            return True
        after = OTHER_CREATOR_AFTER.match(tail)
        if after and "政协" not in after.group("org") and not _cppcc_organ(after.group("org")):
            # (“X”由区政协经济委打造, “X”由提案委打造: the committee's own organ)
            return True
    mark = _mark(text, init)
    start = _clause_start(text, mark, max(0, mark - 40))
    clean, offsets = _clean_map(text, start, mark)
    if clean.endswith("的") and _other_creator(clean, offsets, start, ctx):
        return True
    if not _DOER_WORD.search(clean):
        return False  # neither search below can match without one of these words
    a = ASSOCIATION_OWNER.search(clean)
    if a is not None:
        word = offsets[a.end("org") - 1]  # the association word, not a committee's or an organ's
        partner = clean[:a.start()].endswith(COORDINATORS) and any(start <= c.start < offsets[a.start()]
                                                                   for c in ctx.committees)
        if not partner and not any(c.start <= word < c.end for c in ctx.committees + ctx.others
                                   if c.cls != ORGANISATION):
            return True
    m = OTHER_OWNER.search(clean)
    if m is None:
        return False
    pos = offsets[m.start()]
    if clean[:m.start()].endswith(COORDINATORS) and any(start <= c.start < pos for c in ctx.committees):
        return False  # 某市政协联合民盟某市委开展“X”: a partner of the committee, which runs it too
    return not any(c.start <= pos < c.end or c.end == pos for c in ctx.committees + ctx.others
                   if c.cls != ORGANISATION)



def _other_creator(clean: str, offsets: Sequence[int], start: int, ctx: Context) -> bool:
    """Does the cleaned clause before a name end with a creator other than the committee
    (:data:`OTHER_CREATOR`: ``委员们参与街道党工委创设的“X”``)?  Not when the organ word lies in a
    committee's or a committee organ's mention or follows 政协 closely (``区政协经济委打造的``), nor
    when the body is the committee's partner (``区政协联合街道党工委创设的``: the committee runs it
    too).  ``offsets``: the position in the text of each character of ``clean``."""
    m = OTHER_CREATOR.search(clean)
    if m is None:
        return False
    word = offsets[m.end("org") - 1]
    if any(c.start <= word < c.end for c in ctx.committees + ctx.others if c.cls != ORGANISATION):
        return False
    if _COMMITTEE_ORGAN.search(clean, 0, m.start()) or _cppcc_organ(clean[:m.end("org")]):
        return False  # the committee's own organ (区政协经济委, 提案委), not recognised as a mention of its own
    for c in ctx.committees:  # a committee earlier in the clause joined to the body as partners
        if start <= c.start and c.end <= offsets[m.start()]:
            if _CREATOR_PARTNER.match(clean, bisect_left(offsets, c.end), m.start()):
                return False
    return True


def _cppcc_organ(words: str) -> bool:
    """``words`` end in a special committee of a CPPCC committee named without it (提案委,
    文史委, 港澳台侨委): only CPPCC committees have these fields, governments have their own.

    >>> _cppcc_organ("委员们在提案委"), _cppcc_organ("区卫健委")
    (True, False)
    """
    return words.endswith("委") and words[:-1].endswith(_CPPCC_ONLY_FIELDS)


# the fields of special committees that no government commission has (经济, 农业农村 and 城乡建设
# are a government's too)
_CPPCC_ONLY_FIELDS = ("提案", "文史", "学习", "文化文史和学习", "港澳台侨", "港澳台侨和外事", "教科卫体",
                      "人口资源环境", "社会和法制", "民族和宗教", "民族宗教", "委员工作", "委员联络")


# 政协 and a few characters of an organ's name before the organ word (区政协经济|委, 市政协机关|党组), not
# 政协 and what a member does (区政协委员参与街道|党工委)
_COMMITTEE_ORGAN = re.compile(r"政协(?:(?!委员)[\u4e00-\u9fff]){0,5}$")


def distributed(doc: Doc, init: Mention, ctx: Context, sent: Sentence) -> tuple[str, ...] | None:
    """The runners of a name in a distributive list: ``指导A市政协、B市政协分别打造“X”“Y”等平台``
    gives X to A and Y to B (in order, when the counts match); one name after 分别 is run by every
    listed committee; lists of other lengths are ambiguous and give no runner.  None when the name
    is not in such a list.  ``sent``: the sentence of ``init``."""
    text = doc.text
    if text.find(DISTRIBUTIVE, sent.start, init.start) < 0:
        return None
    # the names are the quoted spans of the sentence (some may be no initiative of their own)
    spans = [(m.start() + 1, m.end() - 1) for m in QUOTED.finditer(text, sent.start, sent.end)]
    if not any(a <= init.start and init.end <= b for a, b in spans):
        spans = sorted(spans + [(init.start, init.end)])
    k = next(i for i, (a, b) in enumerate(spans) if a <= init.start and init.end <= b)
    first = k  # the first name of init's list
    while first > 0 and _list_gap(text[spans[first - 1][1]:spans[first][0]]):
        first -= 1
    last = k
    while last + 1 < len(spans) and _list_gap(text[spans[last][1]:spans[last + 1][0]]):
        last += 1
    head = spans[first][0]
    mark = head - 1 if head > 0 and text[head - 1] in "“‘「『《\"" else head
    clause = _clean(text[_clause_start(text, mark, sent.start):mark])
    i = clause.rfind(DISTRIBUTIVE)
    if i < 0 or not _DISTRIBUTED_VERB.fullmatch(clause[i + 2:]):
        return None
    d = text.rfind(DISTRIBUTIVE, sent.start, mark)
    listed: list[Mention] = []
    end = d
    for c in reversed(ctx.committees):  # the committees listed right before 分别
        if c.end > end or c.start < sent.start:
            continue
        gap = _clean(text[c.end:end])
        if gap not in ("", "、", "和", "与", "及", "以及", "，", ","):
            break
        if not listed and gap not in ("",):
            break
        if (c.start, c.end) in {(m.start, m.end) for m in listed}:
            continue
        listed[:0] = siblings(doc, c, ctx.committees)
        end = c.start
    if not listed:
        return None
    keys = list(dict.fromkeys(c.key for c in listed))
    names = spans[first:last + 1]
    if len(names) == 1 or len(keys) == 1:
        return tuple(keys)
    if len(names) == len(keys):
        return (keys[k - first],)
    return ()


_DISTRIBUTED_VERB = re.compile(rf"(?:[\u4e00-\u9fff]{{0,4}}?(?:{_OWNER_VERBS}|创设|培育|推出|建成|设立|成立))?了?")


def _list_gap(gap: str) -> bool:
    """Does ``gap`` only separate two listed names (”“, ”、“, ”和“, ”议事厅和“)?"""
    return bool(LIST_GAP.fullmatch(_clean(gap).strip("“”‘’「」『』《》\"")))


def owner_after(doc: Doc, init: Mention, committees: list[Mention]) -> Mention | None:
    """The owner named after the initiative by a copula or a passive: ``“湖畔议事”是宜昌市政协
    着力打造的协商品牌``, ``“湖畔议事”由宜昌市政协于2020年创办``; or in a later cell of its table
    row (:func:`table_row_owner`)."""
    text = doc.text
    if (row := table_row_owner(text, init, committees)) is not None:
        return row
    for c in committees:
        if c.start < init.end:
            continue
        if c.start - init.end > 16:
            break
        gap = _clean(text[init.end:c.start])
        if not OWNER_AFTER_GAP.match(gap):
            return None
        tail = _clean(text[c.end:c.end + 16])
        return c if OWNER_AFTER_VERB.match(tail) else None
    return None


def table_row_owner(text: str, init: Mention, committees: list[Mention]) -> Mention | None:
    """The committee that fills a later cell of the table row holding the name, when one does
    (a list of studios: ``“X”委员工作室	某县政协	负责人…``, the cells a tab apart as
    :func:`kg.text.html.extract` lays a row out); None when the row has none or several."""
    hi = text.find("\n", init.end)
    hi = len(text) if hi < 0 else hi
    cells = [c for c in committees if init.end < c.start and c.end <= hi and text[c.start - 1] == "\t"
             and (c.end == hi or text[c.end] == "\t")]
    return cells[0] if len(cells) == 1 else None


def owner_region(doc: Doc, init: Mention, ctx: Context) -> str:
    """The committee of a region written right before the name, in summaries that list places
    (``株洲的“湘江议事汇”、常德的“沅水商量”``): that region's committee when the article names it.
    A region after a preposition (``到株洲“…”议事室调研``) is where something happens, not an
    owner."""
    text = doc.text
    mark = _mark(text, init)
    committees = ctx.committees
    ends = ctx.once("region ends", _regions_by_end, doc)
    # the regions ending at the mark or right before 的 at it, in the doc's order
    near = ends.get(mark, [])
    if mark > 0 and text[mark - 1] == "的" and mark - 1 in ends:
        near = sorted(near + ends[mark - 1], key=lambda ir: ir[0])
    if not near:
        return ""
    keys = {c.key for c in committees}
    for _, r in near:
        if any(c.start <= r.start < c.end for c in committees):
            continue
        if _clean(text[max(0, r.start - 4):r.start]).endswith(PLACE_PREPS) or _listed_after_prep(doc, r):
            continue
        key = "committee:" + r.key.partition(":")[2]
        if key in keys:
            return key
    return ""


def _regions_by_end(doc: Doc) -> dict[int, list[tuple[int, Mention]]]:
    """The regions of ``doc`` by where they end, each with its index in the doc's order."""
    ends: dict[int, list[tuple[int, Mention]]] = {}
    for i, r in enumerate(doc.mentions):
        if r.cls == REGION:
            ends.setdefault(r.end, []).append((i, r))
    return ends


def _listed_after_prep(doc: Doc, region: Mention) -> bool:
    """Is ``region`` a later item of a list of places after a preposition (``赴深圳、珠海``)?  A
    destination is never an owner, wherever it stands in the list."""
    text = doc.text
    first = region
    while True:
        prev = [r for r in doc.mentions if r.cls == REGION and r.end <= first.start
                and text[r.end:first.start] in ("、", "和", "与", "及", "以及")]
        if not prev:
            break
        first = max(prev, key=lambda r: (r.end, r.start))
    return first is not region and _clean(text[max(0, first.start - 4):first.start]).endswith(PLACE_PREPS)


def subjects_in(doc: Doc, sent: Sentence, committees: list[Mention]) -> list[Mention]:
    """Subject committees of ``sent``, in order."""
    out = []
    for c in committees:
        if c.start < sent.start or c.end > sent.end:
            continue
        if is_subject(doc, c, sent):
            out.append(c)
    return out


def collective_committee(level: int, committees: list[Mention], main: str) -> str:
    """The committee that speaks for a collective (全区政协 → the province's committee): the
    committee at ``level`` above or equal to the article's main committee, when the article
    mentions it."""
    if level == 0:
        return "committee:CN" if any(c.key == "committee:CN" for c in committees) else ""
    if not main or main == "committee:CN":
        return ""
    code = main.partition(":")[2]
    gaz = gazetteer.default()
    chain = [code] + [d.code for d in gaz.ancestors(code)]
    mentioned = {c.key for c in committees}
    for cand in chain:
        if gazetteer.level_of(cand) == level and f"committee:{cand}" in mentioned:
            return f"committee:{cand}"
    province = chain[-1]
    if level == 2 and province[:2] in MUNICIPALITIES and f"committee:{province}" in mentioned:
        return f"committee:{province}"  # 全市政协 in 北京, 上海, 天津, 重庆
    return ""


def _clean_map(text: str, start: int, end: int) -> tuple[str, Sequence[int]]:
    """``text[start:end]`` without pinyin annotations and spaces, with each kept character's
    offset in ``text``."""
    part = text[start:end]
    if "(" not in part and len("".join(part.split())) == len(part):
        return part, range(start, end)  # no annotation, no white space: all kept
    # the kept characters are the runs of non-space (``\S`` is ``not str.isspace()``) between
    # the pinyin annotations (which hold no space): offsets added a run at a time
    keep: list[int] = []
    pieces: list[str] = []
    pos = start
    for m in [*PINYIN.finditer(text, start, end), None]:
        stop = m.start() if m is not None else end
        for run in _NON_SPACE.finditer(text, pos, stop):
            keep.extend(range(run.start(), run.end()))
            pieces.append(run.group())
        if m is not None:
            pos = m.end()
    return "".join(pieces), keep


_NON_SPACE = re.compile(r"\S+")


def collectives(doc: Doc, sent: Sentence, end: int) -> list[tuple[int, int]]:
    """Collective subjects (全区政协, 全省各级政协系统…) of ``sent`` before ``end`` that open their
    clause or stand right before a quotation mark: (position, level)."""
    out: list[tuple[int, int]] = []
    if doc.text.find("全", sent.start, end) < 0:
        return out  # every collective starts with 全, which cleaning never adds
    clean, offsets = _clean_map(doc.text, sent.start, end)
    for m in COLLECTIVE.finditer(clean):
        i = m.start()
        while i > 0 and clean[i - 1] not in CLAUSE_BOUNDARY:
            i -= 1
        prefix = clean[i:m.start()].strip("“”‘’")
        if ADVERBIAL.match(prefix) or clean[m.end():m.end() + 2].startswith(("“", "‘", "的“")):
            out.append((offsets[m.start()], COLLECTIVE_LEVEL[m.group(1)]))
    return out


def fronted_subject(doc: Doc, sent: Sentence, init: Mention, ctx: Context) -> Mention | None:
    """The subject after a fronted adverbial that names the initiative (``通过“宜商量”平台，宜昌
    市政协收集意见…``): the first subject committee after the initiative in the same sentence."""
    start = _clause_start(doc.text, init.start, sent.start)
    head = _clean(doc.text[start:init.start]).lstrip("“”‘’")
    if not head.startswith(FRONTED):
        return None
    for c in _subject_committees(doc, sent, ctx):
        if c.start > init.end:
            return c
    return None


def main_committee(doc: Doc, placed: Sequence[Placed]) -> str:
    """The committee the article is about: the topic region's committee when it is mentioned,
    else the most mentioned one when it clearly leads; "" when the article has none.
    ``placed``: :func:`_placed` of the article's committees."""
    counts = Counter(c.key for c, _, excluded in placed if not excluded)
    if not counts:
        return ""
    for code in doc.topic_regions or context.topic_regions(doc):
        key = f"committee:{code}"
        if key in counts:
            return key
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
        return ranked[0][0]
    return ""


# a committee mention, its sentence and whether it is in a zone to skip
Placed = tuple[Mention, Sentence | None, bool]


def _placed(doc: Doc, committees: list[Mention], skipped: Callable[[int], bool]) -> list[Placed]:
    """Each committee with its sentence and whether :func:`_excluded` (found once per article:
    the main committee, the digest's head, the guests and the travellers all ask)."""
    out = []
    for c in committees:
        sent = doc.sentence_at(c.start)
        out.append((c, sent, _excluded(skipped, c.start, sent)))
    return out


@dataclass(frozen=True)
class Subject:
    """Something that opens a clause as its subject: a committee (with those coordinated to it),
    a collective standing for a committee, or an organisation that is not a committee."""

    pos: int
    keys: tuple[str, ...]  # committee keys it stands for; () for other organisations
    how: str
    level: int = -1  # for collectives: the level of the committee that speaks for them


def other_doers(doc: Doc, sent: Sentence, ctx: Context, end: int) -> list[Subject]:
    """Party committees, governments, people's organisations and persons (她和某某一起，发起…)
    that open a clause and do something (``县委开展“…”活动``, ``县政府实施“…”行动``): subjects that are not committees,
    found by their generic names when no recogniser marked them.  Committees coordinated to them
    (``县妇联联合县政协开展…``) share the subject."""
    text = doc.text
    out: list[Subject] = []
    stop = min(end, sent.end)
    if not _DOER_WORD.search(text, sent.start, stop) and not _CREATOR_WORD.search(text, sent.start, stop) \
            and not _PERSON_WORD.search(text, sent.start, stop):
        return out  # no pattern below can match without one of their words before stop
    taken = ctx.once("taken", _taken, ctx)
    bounds = _boundaries(text)
    starts = [sent.start] if sent.start < stop else []  # the sentence's start and every clause's
    starts += [b + 1 for b in bounds[bisect_left(bounds, sent.start):bisect_left(bounds, stop - 1)]]
    for i in starts:
        assoc = ASSOCIATION_SUBJECT.match(text, i, stop)
        if assoc is not None and assoc.end("org") - 1 in taken:
            assoc = None  # the association word is part of a committee's or organ's name
        if assoc is None and i in taken:
            continue  # (a committee at the start of an association's name does not hide it)
        m = assoc or OTHER_DOER.match(text, i, stop) or PARTY_SUBJECT.match(text, i, stop) \
            or PERSON_SUBJECT.match(text, i, stop)
        if m is None:
            m = CREATOR_SUBJECT.match(text, i, stop)
            if m is not None and ("政协" in m.group("org") or _cppcc_organ(m.group("org"))
                                  or m.end("org") - 1 in taken):
                m = None  # the committee's own organ (区政协经济委开展…), not another body
        if m is None:
            continue
        partners = []
        for c in ctx.committees:
            if m.end() <= c.start < end:
                gap = _clean(text[m.end():c.start])
                if len(gap) <= 7 and gap.startswith(_JOINING) and not set(gap) & CLAUSE_BOUNDARY:
                    partners.append(c.key)
                break
        out.append(Subject(i, tuple(partners), "other"))
    return out


def _taken(ctx: Context) -> set[int]:
    """Every position inside a committee's or an organ's mention (once per article, for the
    articles that have a doer's word at all)."""
    taken: set[int] = set()
    for m in ctx.committees + ctx.others:
        taken.update(range(m.start, m.end))  # (a range at a time, in C)
    return taken


_WITH_BEFORE = re.compile(r"(?:与|同|和|联合|会同|携手)$")
_TOGETHER_AFTER = re.compile(r"^(?:共同|一起|一道|携手)")


def _with_partners(doc: Doc, keys: tuple[str, ...], pos: int, init: Mention, ctx: Context) -> tuple[str, ...]:
    """``keys`` and the committees that the subject, later in its sentence, does the thing with:
    ``某市政协…，与某县政协共同构建“X”机制`` (both run it)."""
    if not keys:
        return keys
    text = doc.text
    more = [k.key for c in ctx.committees
            if pos < c.start and c.end <= init.start and c.key not in keys
            and _WITH_BEFORE.search(text, max(0, c.start - 2), c.start)
            and _TOGETHER_AFTER.match(_clean(text[c.end:c.end + 4]))
            and not set(text[c.end:init.start]) & CLAUSE_BOUNDARY
            for k in coordinated(doc, c, ctx.committees)]
    return keys + tuple(dict.fromkeys(k for k in more if k not in keys)) if more else keys


def _partners(doc: Doc, pos: int, end: int, ctx: Context) -> tuple[str, ...]:
    """Committees coordinated to an organisation that opens a clause (``某市广播电视台与市政协联合
    开办…``): they run what the organisation and they launch together."""
    for c in ctx.committees:
        if pos <= c.start < end:
            gap = _clean(doc.text[pos:c.start])
            if len(gap) <= 7 and gap.startswith(_JOINING_OR_WITH) and not set(gap) & CLAUSE_BOUNDARY:
                return tuple(k.key for k in coordinated(doc, c, ctx.committees))
            break
    return ()


def subjects(doc: Doc, sent: Sentence, ctx: Context, before: int | None = None) -> Sequence[Subject]:
    """The subjects of ``sent`` (those before ``before`` when given), in text order (those of
    the whole sentence kept for the article, as a tuple: callers cannot change the memo)."""
    if before is not None:
        return _subjects(doc, sent, ctx, before)
    return ctx.once(("subjects", sent.start, sent.end), _whole_subjects, doc, sent, ctx)


def _whole_subjects(doc: Doc, sent: Sentence, ctx: Context) -> tuple[Subject, ...]:
    return tuple(_subjects(doc, sent, ctx, None))


def _sentence_index(doc: Doc, sent: Sentence, ctx: Context) -> int:
    """``doc.sentences.index(sent)``: by bisection over the sentences' ends when they are in
    order (as :meth:`Doc.sentence_at` finds them), else from a table of first indices made once
    per article."""
    ends = doc._sentence_ends  # (worked out once per tuple of sentences by Doc, None when out of order)
    if ends is not None and sent.start < sent.end:
        # the first sentence ending after sent's start; no earlier one can equal sent, which
        # is not empty (sentences in order do not overlap: an equal one would end after it)
        k = bisect_right(ends, sent.start)
        if k < len(ends) and doc.sentences[k] == sent:
            return k
    idx = ctx.once("index", _first_indices, doc.sentences).get(_SENTENCE_FIELDS(sent))
    return doc.sentences.index(sent) if idx is None else idx


# a sentence's fields in the order dataclass equality compares them: two sentences are equal
# exactly when these tuples are (hashed in C, not by the dataclass's __hash__ in Python)
_SENTENCE_FIELDS = attrgetter("start", "end", "paragraph", "zone")
assert [f.name for f in fields(Sentence) if f.compare] == ["start", "end", "paragraph", "zone"], \
    "_SENTENCE_FIELDS must name Sentence's compared fields, in order"


def _first_indices(sentences: Sequence[Sentence]) -> dict[tuple, int]:
    """The index of each sentence's first equal one by its fields (filled from the end, so the
    first index of equal sentences is the one left)."""
    n = len(sentences)
    return dict(zip(map(_SENTENCE_FIELDS, reversed(sentences)), range(n - 1, -1, -1), strict=True))


def _subjects(doc: Doc, sent: Sentence, ctx: Context, before: int | None) -> list[Subject]:
    # the committees and organisations that open a clause before ``before`` are those of the
    # whole sentence starting before it (nothing in their test looks at ``before``); the doers
    # and collectives are matched up to ``before`` and are found again for each ``before``
    named = _named_subjects(doc, sent, ctx)
    out = list(named) if before is None else [x for x in named if x.pos < before]
    end = sent.end if before is None else before
    doers = other_doers(doc, sent, ctx, end)
    out.extend(doers)
    opened = {d.pos for d in doers}
    for pos, level in collectives(doc, sent, end):
        if _clause_start(doc.text, pos, sent.start) in opened:
            continue  # 全国政协某某委员联谊会推出…: the collective is the start of the association's name
        out.append(Subject(pos, (), "collective", level))
    out.sort(key=_POS)
    return out


_POS = attrgetter("pos")


def _named_subjects(doc: Doc, sent: Sentence, ctx: Context) -> list[Subject]:
    """The committees (with those coordinated to them) and the recognised organisations that are
    subjects of the whole of ``sent``, committees first, each in text order (memoised per
    sentence: every initiative of the sentence asks)."""
    return ctx.once(("named", sent.start, sent.end), _find_named_subjects, doc, sent, ctx)


def _find_named_subjects(doc: Doc, sent: Sentence, ctx: Context) -> list[Subject]:
    out = []
    spans: set[tuple[int, int]] = set()
    for c in _subject_committees(doc, sent, ctx):
        if (c.start, c.end) in spans:
            continue  # another committee of the same span (常德、益阳两市政协): one subject for all
        spans.add((c.start, c.end))
        out.append(Subject(c.start, tuple(k.key for k in coordinated(doc, c, ctx.committees)), "committee"))
    for o in ctx.others:
        if sent.start <= o.start and o.end <= sent.end:
            if _clean(doc.text[o.start:o.start + 2]) in PARTNER_PREPS:
                continue  # 联合某市广播电视台开办…: a partner that the recogniser took with its preposition
            if is_subject(doc, o, sent) and not any(c.start <= o.start < c.end for c in ctx.committees):
                committee = o.attrs.get("committee", "") if o.cls == ORGAN else ""
                keys = (committee,) if committee else _partners(doc, o.end, sent.end, ctx)
                out.append(Subject(o.start, keys, o.cls))
    return out


def _subject_committees(doc: Doc, sent: Sentence, ctx: Context,
                        before: int | None = None) -> tuple[Mention, ...]:
    """:func:`subjects_in` of ``sent`` for the article's committees, the whole sentence's
    memoised: those before ``before`` are the ones among them that start before it."""
    found = ctx.once(("committees", sent.start, sent.end), _subject_tuple, doc, sent, ctx.committees)
    return found if before is None else tuple(c for c in found if c.start < before)


def _subject_tuple(doc: Doc, sent: Sentence, committees: list[Mention]) -> tuple[Mention, ...]:
    return tuple(subjects_in(doc, sent, committees))


_MISSING = object()
T = TypeVar("T")


@dataclass(frozen=True)
class Context:
    committees: list[Mention]
    others: list[Mention]  # organs and other organisations
    main: str
    # :func:`_placed` of ``committees``: each with its sentence and whether it is skipped
    placed: Sequence[Placed]
    # (start, end, committee key) of the sections of a digest headed 【某县】 / 【市政协】
    sections: tuple[tuple[int, int, str], ...] = ()
    # results computed once per article (see :meth:`once`)
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    def once(self, key: Hashable, make: Callable[..., T], *args: object) -> T:
        """``make(*args)``, computed the first time ``key`` is asked for in this article (the
        same question comes from several initiatives, sentences or tests); None is a value."""
        found = self.memo.get(key, _MISSING)
        if found is _MISSING:
            found = self.memo[key] = make(*args)
        return found


# a section header opening a line: 【某某县】, 【某某县政协】, 〔市政协〕 (a digest of several committees)
_SECTION_HEAD = re.compile(r"(?:^|(?<=\n))[ \t\u3000]*[【〔［\[]([\u4e00-\u9fff]{2,16})[】〕］\]]")
_SECTION_OPEN = re.compile(r"[【〔［\[]")  # the brackets that _SECTION_HEAD needs
_HEAD_TAIL = re.compile(r"(?:政协委员会|委员会|政协)$")


def sections(doc: Doc, committees: list[Mention], main: str,
             skipped: Callable[[int], bool]) -> tuple[tuple[int, int, str], ...]:
    """The sections of a digest (月度工作动态): a line opening with 【Region】 or 【Region政协】 heads
    a section, up to the next such header, whose topic is that region's committee; 【市政协】 is
    the article's main committee.  The committee comes from a region or committee mention inside
    the brackets, else from a committee of the section whose name starts with the header's
    (【某县】 … 某县政协依托…).  Headers naming no committee (【编者按】) end the previous section
    and leave theirs to the main committee; no sections unless a header names another committee.
    ``skipped``: :func:`regions.skipped` of ``doc``."""
    text = doc.text
    if not _SECTION_OPEN.search(text):
        return ()  # no header, so no section (the loops below would find none)
    regions = [m for m in doc.mentions if m.cls == REGION]
    heads: list[tuple[int, int, str]] = []  # (header start, header end, header text)
    for m in _SECTION_HEAD.finditer(text):
        if _excluded(skipped, m.start(1), doc.sentence_at(m.start(1))):
            continue
        heads.append((m.start(), m.end(), m.group(1)))
    out: list[tuple[int, int, str]] = []
    for i, (start, end, head) in enumerate(heads):
        stop = heads[i + 1][0] if i + 1 < len(heads) else len(text)
        out.append((start, stop, _section_key(head, start, end, stop, committees, regions, main)))
    if not any(key and not context.OWN_HEAD.match(head) for (_, _, head), (_, _, key) in zip(heads, out, strict=True)):
        return ()  # no header names a committee of its own: no digest
    # a header that names no committee (【编者按】, 【经验交流】) leaves its section to the article's
    return tuple((start, stop, key or main) for start, stop, key in out)


def _section_key(head: str, start: int, end: int, stop: int, committees: list[Mention],
                 regions: list[Mention], main: str) -> str:
    if context.OWN_HEAD.match(head):
        return main
    inside = [c for c in committees if start <= c.start and c.end <= end]
    if inside:
        return inside[-1].key
    named = [r for r in regions if start <= r.start and r.end <= end]
    if named and named[-1].attrs.get("code"):
        return f"committee:{named[-1].attrs['code']}"
    stem = _HEAD_TAIL.sub("", head)
    for c in committees:
        if end <= c.start < stop and len(stem) >= 2 and _clean(c.surface).startswith(stem):
            return c.key
    return ""


def _section_at(ctx: Context, pos: int) -> str | None:
    """The committee key of the digest section ``pos`` lies in ("" when the article has no main
    committee), None outside sections."""
    for start, end, key in ctx.sections:
        if start <= pos < end:
            return key
    return None


def _keys(doc: Doc, sent: Sentence, subject: Subject, ctx: Context) -> tuple[str, ...]:
    """The committees a subject stands for.  A collective (全市政协组织) stands for the committee
    at its level: the one the paragraph is about (an earlier subject), else the article's."""
    if subject.how != "collective":
        return subject.keys
    anchors = [c.key for c in _subject_committees(doc, sent, ctx, subject.pos)][::-1]
    idx = _sentence_index(doc, sent, ctx)
    for prev in reversed(doc.sentences[:idx]):
        if prev.paragraph != sent.paragraph:
            break
        anchors.extend(c.key for c in _subject_committees(doc, prev, ctx)[::-1])
    for anchor in anchors + [ctx.main]:
        key = collective_committee(subject.level, ctx.committees, anchor)
        if key:
            return (key,)
    return ()


_VISIT_ENDS = VISIT_VERBS + tuple(v + "了" for v in VISIT_VERBS)
_VISIT_WORDS = VISIT_VERBS + VISIT_PLACE_VERBS
_JOIN_ENDS = JOIN_VERBS + tuple(v + "了" for v in JOIN_VERBS)
# the greedy run up to the last position where a visit word starts: its end is the largest
# ``rfind`` of the visit words (one scan instead of one per word)
_LAST_VISIT_WORD = re.compile(r"(?s:.*)(?=" + "|".join(map(re.escape, _VISIT_WORDS)) + ")")


@lru_cache(maxsize=64)
def _clause_before(text: str, mark: int) -> str:
    """The clause before ``mark`` (at most 40 characters), cleaned: what :func:`visited`,
    :func:`praised` and :func:`merged_into` read before an initiative's name, found once for
    the three of them (a pure function of the text; a few articles' texts are kept)."""
    return _clean(text[_clause_start(text, mark, max(0, mark - 40)):mark])


def visited(doc: Doc, init: Mention) -> bool:
    """Is the initiative the object of a visit (``省政协主席调研“湖畔议事”平台``, ``先后来到
    城东区“湖畔议事”议事室``)?  The visitor does not run what it inspects.  A visit verb earlier in
    the clause counts unless a verb of making follows it (``通过调研开展“X”行动`` is running)."""
    text = doc.text
    mark = _mark(text, init)
    before = _clause_before(text, mark)
    if before.endswith(_VISIT_ENDS):
        return True
    outside = QUOTED.sub("", before)  # names of other initiatives are no verbs (“走进田间地头”“X”)
    last = _LAST_VISIT_WORD.match(outside)  # ends where the last visit word starts
    return last is not None and not MAKING.search(outside, last.end())


def joined(doc: Doc, init: Mention) -> bool:
    """Does the subject only take part in or serve the initiative (``积极参与“X”行动``, ``围绕
    “X”行动建言``, ``助推“X”工程``)?  Someone else's campaign is not the subject's own."""
    text = doc.text
    mark = _mark(text, init)
    before = _clean(text[max(0, mark - 8):mark])
    if not before.endswith(_JOIN_ENDS):
        return False
    return not merged_into(doc, init)


def merged_into(doc: Doc, init: Mention) -> bool:
    """Does the clause put something into the initiative with 把 (``把好的经验做法融入“X”专项行动``)?
    Then the initiative is the subject's own: it takes in what it learnt, it does not join."""
    text = doc.text
    mark = _mark(text, init)
    clause = _clause_before(text, mark)
    return clause.endswith(MERGED_INTO) and "把" in QUOTED.sub("", clause)


def praised(doc: Doc, init: Mention) -> bool:
    """Is the initiative the object of praise (``对“两湖议事”品牌给予充分肯定``, ``点赞“X”``)?
    Whoever praises, visits or reviews it is not its runner.

    >>> from kg.model import Article
    >>> text = "省政协副主席到县调研时，对“湖畔议事”给予充分肯定。"
    >>> i = text.index("湖畔")
    >>> praised(Doc(Article("a", "t", text, "h", "utf-8"), text=text), Mention("Brand", "k", "湖畔议事", i, i + 4, ""))
    True
    """
    text = doc.text
    mark = _mark(text, init)
    before = _clause_before(text, mark)
    if before.endswith(PRAISE_VERBS) or before.endswith(LEARN_VERBS):
        return True  # (此次专程来学习“X”的经验: the learner does not run it)
    if _WORTH_LEARNING.match(text, init.end, min(len(text), init.end + 40)):
        return True  # 某某说，“X”把协商做在基层，值得福建学习借鉴: a visitor's praise
    after = _clean(text[init.end:init.end + 5]).lstrip("”’」』\"")
    if before.endswith(SPREAD_VERBS) and after.startswith(("经验", "做法", "模式")):
        return True  # 州政协将在全州推广“X”经验: another's experience spread
    if before.endswith(("把", "将")) and after.startswith(("的经验", "的做法", "的模式")):
        return True  # 市政协将把“X”的经验提交全市政协工作交流会: another's experience passed on
    if not before.endswith(("对", "对于")):
        return False
    end = init.end
    while end < len(text) and end - init.end < 30 and text[end] not in "。；;！!？?\n":
        end += 1
    return any(w in text[init.end:end] for w in PRAISE_WORDS)


def _guest(doc: Doc, subject: Subject, end: int, ctx: Context, init: Mention, sent: Sentence) -> bool:
    """Is ``subject`` a committee on a trip (``泰州市政协副主席率考察团来盐考察``) between its
    position and ``end``, or earlier in the same paragraph (``某市政协考察团来到某县，…。某市政协
    主席表示，“X”…``)?  A guest does not run what it sees, unless the sentence of ``init`` makes
    it (``…赴外地学习考察。某市政协将持续打造“X”品牌``).

    The article's main committee is a guest only where the text names the other region it goes
    to and does not make anything after (articles about a study trip are often published by the
    visitor): going to its own towns (``县政协主席到乡镇调研``) or to a region under its own is
    work at home.  ``sent``: the sentence of ``init``."""
    if subject.how != "committee" or not subject.keys:
        return False
    home = ctx.main in subject.keys
    key = ctx.main if home else subject.keys[0]
    makes = _makes(doc, sent.start, init, ctx)
    if home and _trip(doc, ctx, key, subject.pos, end, True, min(end, init.start)):
        return subject.pos >= sent.start or not makes
    if not home and not ctx.main:
        return False
    if not home and _trip(doc, ctx, key, subject.pos, end, False, end):
        return True
    if makes:
        return False
    for c, s, excluded in ctx.placed:  # the same committee on a trip earlier in the paragraph
        if c.key != key or c.start >= subject.pos:
            continue
        if s is None or s.paragraph != sent.paragraph or excluded:
            continue
        if _trip(doc, ctx, key, c.start, s.end, home, s.end):
            return True
    return False


def _makes(doc: Doc, start: int, init: Mention, ctx: Context) -> bool:
    """Does a verb of making stand between ``start`` and the initiative (names of other initiatives
    aside), or does the clause put something into it with 把 (:func:`merged_into`)?  Answered
    once per article for each question (the guest test and the owners and travellers of
    :func:`relate` ask the same)."""
    # (all it reads of init is its start)
    return ctx.once(("makes", start, init.start), _makes_before, doc, start, init)


def _makes_before(doc: Doc, start: int, init: Mention) -> bool:
    return _making(QUOTED.sub("", _clean(doc.text[start:init.start]))) or merged_into(doc, init)


# the guest committee itself makes the name, with nothing but an adverbial between: 某区政协近年来着力
# 构建“X”, 某市政协正在打造“X”
_OWN_MAKING = re.compile(rf"^[\u4e00-\u9fff]{{0,8}}?(?:着力|正在|持续|创新|精心)?(?:{_CREATOR_VERBS}|构建)了?"
                         r"[“‘「『\"]$")


def _makes_own(doc: Doc, pos: int, init: Mention, ctx: Context) -> bool:
    """Does the committee at ``pos`` (a subject) make the name in its own clause, right before it?"""
    c_end = max((c.end for c in ctx.committees if c.start == pos), default=pos)
    clause = _clean(doc.text[c_end:init.start])  # (up to the opening mark)
    return not set(clause) & CLAUSE_BOUNDARY and _OWN_MAKING.match(clause) is not None


def _making(clean: str) -> bool:
    """Does a verb of making stand in ``clean`` (organising people for a trip aside)?"""
    if MAKING.search(clean) is None:
        # every match of ORGANISING_PEOPLE opens with a verb of making (组织, or one before
        # 情况/成效): without one there is nothing to take out and nothing to find after
        return False
    return bool(MAKING.search(ORGANISING_PEOPLE.sub("", clean)))


def _trip(doc: Doc, ctx: Context, key: str, start: int, end: int, home: bool, until: int) -> bool:
    """:func:`_trip_at`, answered once per article for the same question (the travellers and
    the guests of a paragraph ask about the same committee mentions)."""
    if not _TRIP_CHAR.search(doc.text, start, end):
        return False  # no trip (most committees' sentences): no span to clean, no memo entry
    return ctx.once(("trip", key, start, end, home, until), _trip_at, doc, key, start, end, home, until)


def _trip_at(doc: Doc, key: str, start: int, end: int, home: bool, until: int) -> bool:
    """Does the committee ``key`` (named at ``start``) go on a trip before ``end``?  Another
    committee is a guest wherever it goes (``来宜考察``); the article's own committee (``home``)
    only when it goes to a region of the text outside its own, or to study or inspect one under
    its own (``考察团来到某县级市``: the county's brand is the county's), and makes nothing after the
    trip before ``until``.  Inspections and research in its own regions (``到某县调研``) are work
    at home."""
    text = doc.text
    clean, offsets = _clean_map(text, start, end)
    own = key.partition(":")[2]
    for m in TRIP.finditer(clean):
        if AFTER_TRIP_MAKING.match(clean, m.end()):
            continue  # 赴某市学习考察后，开展“X”活动: what the committee makes on its return is its own
        if not home:
            return True
        a, b = offsets[m.start()], offsets[m.end() - 1] + 1
        places = [r.key.partition(":")[2] for r in doc.mentions
                  if r.cls == REGION and a <= r.start and r.end <= b and r.key.partition(":")[2] != own]
        away = any(not _within(code, own) for code in places) or (places and STUDY.search(m.group()))
        if not away and not HOST_REGION.search(m.group()):
            continue  # 到乡镇调研, 到某县视察: work at home
        if b < until and _making(QUOTED.sub("", _clean(text[b:until]))):
            continue
        return True
    return False


def _within(code: str, own: str) -> bool:
    """Is region ``code`` the region ``own`` or under it?"""
    if not own or own == "CN" or code == own:
        return True
    return own in {d.code for d in gazetteer.default().ancestors(code)}


def runners(doc: Doc, init: Mention, ctx: Context, sent: Sentence | None) -> tuple[tuple[str, ...], str]:
    """Committee keys that run ``init`` and how they were found.  ``sent``: the sentence of
    ``init`` (``doc.sentence_at(init.start)``, which the caller has in hand)."""
    fallback = ((ctx.main,), "article") if ctx.main else ((), "")
    section = _section_at(ctx, init.start)
    if section is not None:
        # in a digest, a section's committee, not the headline's, runs what its section names
        # without a subject of its own (the header line 【某县】“X”助推…)
        fallback = ((section,), "section") if section else ((), "")
    if sent is None:
        return fallback
    shared = distributed(doc, init, ctx, sent)
    if shared is not None:
        return shared, "distributive"
    owner = _named_owner(doc, init, ctx)
    if owner is None and other_owner(doc, init, ctx):
        return (), "other-owner"
    if owner is None:
        region_owner = owner_region(doc, init, ctx)
        if region_owner:
            return (region_owner,), "owner:region"
    if owner is None and (visited(doc, init) or praised(doc, init)):
        return (), "visited"
    if owner is None and joined(doc, init):
        return (), "joined"
    here = subjects(doc, sent, ctx, before=init.start)
    if owner is not None:
        if here and owner.key in here[-1].keys:  # the owner is (coordinated to) the subject
            return here[-1].keys, "sentence:" + here[-1].how
        return tuple(c.key for c in siblings(doc, owner, ctx.committees)), "owner"
    group = _group_before(doc, sent, init, ctx)
    if group:
        return group, "group"
    # (no owner named: it has returned above)
    if _proposed(doc, sent, init):
        return (), "proposed"
    if _in_title(doc.text, init):
        return (), "title"  # 《“X”协商品牌建设的探索与思考》: a paper's or a book's title, nobody's doing
    if _other_doer(doc, sent, init, ctx):
        return (), "speaker:other"
    we = _we_answer(doc, sent, init, ctx)
    if we:
        return (we,), "speaker:we"  # (before the clause's partners: 我们联合省工商联开展了“X”)
    while here and (_exchange_only(doc, sent, here[-1], ctx) and
                    SPEAKING.search(_clean(doc.text[here[-1].pos:init.start])) or
                    _exchange_only(doc, sent, here[-1], ctx, HOST_ONLY)):
        here = here[:-1]  # 某市政协作书面交流，委员王某表示，“X”…: the committee only spoke
    if here:
        if _guest(doc, here[-1], init.start, ctx, init, sent):
            own = _level_brand(doc, init, here[-1].keys)
            if own:
                return own, "sentence:level"
            if here[-1].how == "committee" and _makes_own(doc, here[-1].pos, init, ctx):
                # 某区政协近年来着力构建“X”协商机制: a visitor telling of what it makes itself
                return here[-1].keys, "sentence:guest-makes"
            return (), "guest"
        return _with_partners(doc, _keys(doc, sent, here[-1], ctx), here[-1].pos, init, ctx), "sentence:" + here[-1].how
    later = fronted_subject(doc, sent, init, ctx)
    if later is not None:
        return tuple(c.key for c in coordinated(doc, later, ctx.committees)), "fronted"
    explained = _explained_owner(doc, sent, ctx)
    if explained is not None:
        return (explained.key,), "owner:next"
    if _outside_speaker(doc, sent, init, ctx):
        return (), "speaker:other"
    about = _report_about(doc, sent, init, ctx)
    if about:
        return (about,), "speaker"
    idx = _sentence_index(doc, sent, ctx)
    spoken = _spoken(doc, sent, ctx)
    if not spoken and doc.text[sent.start:sent.start + 1] in "“\"" and idx + 1 < len(doc.sentences):
        after = doc.sentences[idx + 1]  # “…。”委员王某说。: the speaker named after the quotation
        spoken = after.paragraph == sent.paragraph and _spoken(doc, after, ctx)
    sentences = doc.sentences
    for j in range(idx - 1, -1, -1):  # the earlier sentences, nearest first (no copy of the list)
        prev = sentences[j]
        if prev.paragraph != sent.paragraph:
            break
        found = subjects(doc, prev, ctx)
        if found:
            if _guest(doc, found[-1], prev.end, ctx, init, sent):
                own = _level_brand(doc, init, found[-1].keys)
                return (own, "paragraph:level") if own else ((), "guest")
            if spoken and _exchange_only(doc, prev, found[-1], ctx):
                continue  # 某州政协作书面交流。某委员表示，“X”…: the speaker's topic is not the committee's
            if _exchange_only(doc, prev, found[-1], ctx, HOST_ONLY):
                continue  # 某市政协有关负责同志陪同考察。“X”活动…: a companion is no topic
            return _keys(doc, prev, found[-1], ctx), "paragraph:" + found[-1].how
        spoken = spoken or _spoken(doc, prev, ctx)
    return fallback


# a count of committees (三地政协, 两市政协, 四方政协): a group the article may have defined by a list
GROUP = re.compile("([两二三四五六七八九十])(?:地|方|家|市|县|区|省)政协")
_GROUP_COUNT = {c: i for i, c in enumerate("两三四五六七八九十", 2)} | {"二": 2}
_LIST_SEP = re.compile(r"[、，,和及与\s]{1,2}")


def groups(doc: Doc, committees: list[Mention]) -> dict[str, tuple[str, ...]]:
    """The groups an article defines by listing their committees right before a count of them
    (``上海市青浦区政协、江苏省苏州市吴江区政协、浙江省嘉善县政协三地政协``): the group's word
    (三地政协) -> the listed committees' keys, when the count matches the list."""
    text = doc.text
    out: dict[str, tuple[str, ...]] = {}
    by_end = {c.end: c for c in committees}
    for m in GROUP.finditer(text):
        c = by_end.get(m.start())
        listed: list[Mention] = []
        while c is not None:
            listed.append(c)
            c = next((p for p in reversed(committees) if p.end < c.start and _LIST_SEP.fullmatch(text, p.end, c.start)),
                     None)
        keys = tuple(dict.fromkeys(c.key for c in reversed(listed)))
        if len(keys) == _GROUP_COUNT[m.group(1)] and m.group() not in out:
            out[m.group()] = keys
    return out


def _group_before(doc: Doc, sent: Sentence, init: Mention, ctx: Context) -> tuple[str, ...]:
    """The committees of a group (:func:`groups`) named in the clause before the name with no
    other committee between them: ``三地政协共同打造的“X”``, ``希望三地政协继续用好“X”``."""
    found = ctx.once("groups", groups, doc, ctx.committees)
    if not found:
        return ()
    text = doc.text
    best: tuple[int, tuple[str, ...]] = (-1, ())
    for word, keys in found.items():
        at = text.rfind(word, sent.start, init.start)
        if at > best[0] and not any(at <= c.start < init.start for c in ctx.committees):
            best = (at, keys)
    at, keys = best
    if at < 0 or any(ch in text[at:init.start] for ch in "。；;！？"):
        return ()
    return keys


def _in_title(text: str, init: Mention) -> bool:
    """Is the name inside the 《》 of a paper's or a book's title (not a column's name in 《》
    itself, nor a document a committee issues: 印发《关于深化“X”品牌建设的实施意见》 is its own)?"""
    open_ = text.rfind("《", max(0, init.start - 40), init.start)
    if open_ < 0 or open_ == init.start - 1 or "》" in text[open_:init.start]:
        return False
    close = text.find("》", init.end, init.end + 40)
    return close > init.end and "《" not in text[init.end:close] \
        and not text[init.end:close].endswith(DOC_SUFFIXES)


# a speaker's verb right after his name (某某回应，…; 某某表示，…)
_ANSWERING = re.compile(rf"(?:{'|'.join(_SPEAKING_VERBS)}|回应|答复|回答)[，,:：]")


# a member proposes that something be done (建议实施县域商业“X”工程): a proposal, nobody's yet
_PROPOSES = re.compile("建议[^，,。；;：:！!？?]{0,10}?(?:实施|推行|设立|建立|开展|启动)")


def _proposed(doc: Doc, sent: Sentence, init: Mention) -> bool:
    """Is the name what a proposal in its clause asks for (``建议实施县域商业“补链强链”工程``)?"""
    text = doc.text
    mark = _mark(text, init)
    return _PROPOSES.search(text, _clause_start(text, mark, sent.start), mark) is not None


def _other_doer(doc: Doc, sent: Sentence, init: Mention, ctx: Context) -> bool:
    """Is the name in a clause whose subject is a person holding no committee post, with no
    committee in the clause (an official's: ``国家邮政局副局长某某就“X”工程的进展作了回应``,
    ``某局副局长某某现场演示了“X”管理平台``)?  What an official shows or answers for is his body's."""
    text = doc.text
    mark = _mark(text, init)
    start = _clause_start(text, mark, sent.start)
    persons = [m for m in _persons_in(doc, sent, ctx) if start <= m.start and m.end <= mark]
    if not persons:
        # or the speaker of the sentence, whose words the name is in (局长某某回应，将在…试点“X”)
        # (a committee's word in his chain of posts makes him a member: 市政协委员、某公司董事长某某说)
        said = [m for m in _persons_in(doc, sent, ctx) if m.end <= start
                and _ANSWERING.match(_clean(text[m.end:m.end + 4])) and "政协" not in text[sent.start:m.start]]
        persons, start, near = (said[-1:], said[-1].start, False) if said else ([], start, True)
    else:
        near = True  # the subject right before the name (some words of a verb between at most)
    if not persons or any(start <= c.start < mark for c in ctx.committees):
        return False
    # (a name repeated without its posts has those of its other mentions; every person of the
    # clause, so that 副局长某某与委员某某演示了“X” stays the member's committee's)
    by_person = ctx.once("posts", _posts_by_person, doc)
    posts = [p for m in persons for p in (m.attrs.get("posts") or by_person.get(m.key, []))]
    return bool(posts) and all(p.get("kind") in ("government", "other", "party") for p in posts) \
        and (not near or len(_clean(text[persons[-1].end:mark])) <= 16)


def _posts_by_person(doc: Doc) -> dict[str, list[dict[str, str]]]:
    """Every person's posts, from all their mentions in the article."""
    out: dict[str, list[dict[str, str]]] = {}
    for m in doc.mentions:
        if m.cls == PERSON and m.attrs.get("posts"):
            out.setdefault(m.key, []).extend(m.attrs["posts"])
    return out


def _outside_speaker(doc: Doc, sent: Sentence, init: Mention, ctx: Context) -> bool:
    """Is the name announced by a person speaking for another body: ``某市政协常委、某青年联会主席
    某某表示，将联同有关团体推出“X”计划`` (the post nearest the name is not a committee's, and no
    committee is named between them)?"""
    text = doc.text
    for m in _persons_in(doc, sent, ctx):
        if m.end > init.start:
            break
        posts = m.attrs.get("posts") or []
        if posts and posts[0].get("kind") == "other" and SPEAKING.match(_clean(text[m.end:m.end + 4])) \
                and _ANNOUNCES.search(text, m.end, init.start) is not None \
                and not any(m.end <= c.start < init.start for c in ctx.committees):
            return True
    return False


# what a speaker says he (his body) will do with the name: 将联同有关团体推出“X”, 将发起“X”
_ANNOUNCES = re.compile(rf"{_OWNER_VERBS}|{_CREATOR_VERBS}|联同|发起|推出|启动")


def _persons_in(doc: Doc, sent: Sentence, ctx: Context) -> tuple[Mention, ...]:
    """The person mentions of ``sent``, in text order (once per sentence: every name asks)."""
    return ctx.once(("persons", sent.start, sent.end), _find_persons, doc, sent)


def _find_persons(doc: Doc, sent: Sentence) -> tuple[Mention, ...]:
    return tuple(sorted((m for m in doc.mentions if m.cls == PERSON and sent.start <= m.start < sent.end),
                        key=attrgetter("start")))


# the clause of an answer that its speaker opens with 我们 (我们联合某会开展了“X”活动)
_WE = re.compile(r"^(?:今年|去年|近年来|下一步|同时|此外)?，?我们")
# an answer's label opening its paragraph: 发布人某某：, 某某：
_ANSWER_LABEL = re.compile(r"[ \t\u3000]*(?:发布人|答)?[ \t\u3000]*$")


def _we_answer(doc: Doc, sent: Sentence, init: Mention, ctx: Context) -> str:
    """In an interview or a press conference, the committee of the speaker whose answer says 我们
    (``发布人某某：……我们联合省工商联开展了“X”专项活动``): the committee of his nearest committee
    post, when his label (a name and a colon) opens the paragraph."""
    text = doc.text
    mark = _mark(text, init)
    if not _WE.match(_clean(text[_clause_start(text, mark, sent.start):mark])):
        return ""
    first = next((s for s in doc.sentences if s.paragraph == sent.paragraph), None)
    if first is None:
        return ""
    for m in _persons_in(doc, first, ctx):
        if m.start >= first.start + 12:
            break
        if text[m.end:m.end + 1] in "：:" and _ANSWER_LABEL.fullmatch(text, first.start, m.start):
            posts = m.attrs.get("posts") or ctx.once("posts", _posts_by_person, doc).get(m.key, [])
            return next((p.get("committee", "") for p in posts if p.get("kind") == "cppcc"), "")
    return ""


# a speaker's own unit: 某某说，自己所在的“X”委员工作室…
_OWN_UNIT = re.compile(r"^(?:说|表示|介绍|谈到)[，,：:]?(?:自己|我们?|他|她)所在的[“‘「『\"]?$")


def _report_about(doc: Doc, sent: Sentence, init: Mention, ctx: Context) -> str:
    """The committee of a member who reports about the name (``听取了市政协委员、某县政协副主席
    某某关于“X”平台建设情况的交流发言``): the committee of the post nearest the speaker's name; or
    who speaks of the one he belongs to (``市政协委员、某公司总经理某某说，自己所在的“X”委员工作室…``):
    the committee of his nearest committee post."""
    for m in _persons_in(doc, sent, ctx):
        if not m.end < init.start <= m.end + 12:
            continue
        posts = m.attrs.get("posts") or []
        gap = _clean(doc.text[m.end:init.start])
        if init.start <= m.end + 3 and gap.startswith("关于"):
            if posts and posts[0].get("kind") == "cppcc":
                return posts[0].get("committee", "")
        elif _OWN_UNIT.match(gap):
            return next((p.get("committee", "") for p in posts if p.get("kind") == "cppcc"), "")
    return ""


# the sentence after a name with no subject says who made it: 墙上“X”的牌子格外醒目。这是某县政协去年在
# 某街道设立的委员工作室。
_THIS_IS = re.compile(r"^(?:这|这里|这个|该[\u4e00-\u9fff]{1,4})(?:就)?是")
_MADE_BY = re.compile(rf"^[^，,。；;：:！!？?“”]{{0,16}}?(?:{_CREATOR_VERBS}|{_OWNER_VERBS})的"
                      r"[^，,。；;：:！!？?]{0,6}?(?:工作室|议事厅|议事室|议事会|平台|品牌|联络站|工作站|之家|驿站|服务站|阵地)")


def _explained_owner(doc: Doc, sent: Sentence, ctx: Context) -> Mention | None:
    """The committee that the next sentence of the paragraph, opening with 这是, says made the
    thing: ``这是某县政协去年在某街道设立的委员工作室``."""
    idx = _sentence_index(doc, sent, ctx)
    if idx + 1 >= len(doc.sentences):
        return None
    nxt = doc.sentences[idx + 1]
    if nxt.paragraph != sent.paragraph:
        return None
    text = doc.text
    head = _THIS_IS.match(_clean(text[nxt.start:nxt.start + 8]))
    if head is None:
        return None
    for c in ctx.committees:
        if nxt.start < c.start < nxt.start + 24 and _MADE_BY.match(_clean(text[c.end:nxt.end])):
            return c
    return None


# a name that the text calls the brand of a whole level: “X”全市品牌, “X”全省协商品牌
LEVEL_BRAND = re.compile(
    r"^[”’」』》\"]?(全国|全自治区|全省|全区|全市|全州|全盟|全县|全旗)(?:政协)?(?:协商|履职|委员)?(?:品牌|平台)")


# a name shown as a sign (挂着“X”的牌子, 挂上“X”牌匾): what it says does not tell who runs it
# (not 招牌: 擦亮“X”招牌 is how a brand is praised)
SIGN_AFTER = re.compile(r"[”’」』》\"]?的?(?:牌子|牌匾|标牌|门牌)")


def _sign(doc: Doc, init: Mention) -> bool:
    """Is ``init`` only the words of a sign (``村里的联系点挂着“X”的牌子``)?"""
    return SIGN_AFTER.match(doc.text, init.end, init.end + 6) is not None


def _level_brand(doc: Doc, init: Mention, keys: tuple[str, ...]) -> tuple[str, ...]:
    """The committees among ``keys`` (a visiting subject's) whose level the text names as the
    initiative's whole (``市政协副主席到某县调研，希望持续深化“X”全市品牌建设``: the visitor's
    city-wide brand, which it runs), or ().  A visitor otherwise runs nothing it talks about."""
    m = LEVEL_BRAND.match(_clean(doc.text[init.end:init.end + 12]))
    if m is None:
        return ()
    word = m.group(1)
    # the levels the word may name: 全区 is an autonomous region's or a district's, 全市 also a
    # municipality's (北京, 上海, 天津, 重庆 are provinces by their codes)
    levels = {COLLECTIVE_LEVEL[word]} | ({3} if word == "全区" else set())
    out = []
    for key in keys:
        code = key.partition(":")[2]
        if not code.isdigit() or len(code) != 6:
            if key == "committee:CN" and word == "全国":
                out.append(key)
            continue
        level = gazetteer.level_of(code)
        if level in levels or (word == "全市" and level == 1 and code[:2] in MUNICIPALITIES):
            out.append(key)
    return tuple(out)


def _spoken(doc: Doc, sent: Sentence, ctx: Context) -> bool:
    """Does a person speak in ``sent`` (:data:`SPEAKING`)?  Asked for the same sentences by every
    initiative of a paragraph: answered once per sentence of the article."""
    return ctx.once(("spoken", sent.start, sent.end), _speaks, doc, sent)


def _speaks(doc: Doc, sent: Sentence) -> bool:
    return bool(SPEAKING.search(_clean(doc.text[sent.start:sent.end])))


def _exchange_only(doc: Doc, sent: Sentence, subject: Subject, ctx: Context,
                   only: re.Pattern[str] = EXCHANGE_ONLY) -> bool:
    """Does the committee ``subject`` of ``sent`` only speak at or attend a meeting (``某州政协、
    某市政协作书面交流``, ``某县政协负责同志列席会议``), or with ``only=HOST_ONLY`` only accompany
    visitors (``某市政协、某市政协有关负责同志陪同考察``)?"""
    if subject.how != "committee":
        return False
    return bool(only.match(_predicate(doc, sent, subject, ctx)))


_LINKING = frozenset("、和与及政协")  # what may stand between committees coordinated to a subject


def _predicate(doc: Doc, sent: Sentence, subject: Subject, ctx: Context) -> str:
    """The cleaned rest of the clause of the committee ``subject`` of ``sent``, past the
    committees coordinated to it: what :func:`_exchange_only` reads, found once per article for
    both of its patterns and every initiative that asks."""
    return ctx.once(("predicate", sent.start, sent.end, subject), _find_predicate, doc, sent, subject, ctx)


def _find_predicate(doc: Doc, sent: Sentence, subject: Subject, ctx: Context) -> str:
    text = doc.text
    end = subject.pos
    for c in ctx.committees:  # past the committees coordinated to the subject
        if c.start >= end and c.start < sent.end and c.key in subject.keys and \
                set(_clean(text[end:c.start])) <= _LINKING:
            end = c.end
    return _clean(text[end:_clause_end(text, end, sent.end)])


def relate(doc: Doc) -> list[Relation]:
    """``runs`` relations (committee key -> initiative key), evidence = the initiative's sentence."""
    committees = sorted((m for m in doc.mentions if m.cls == COMMITTEE), key=_SPAN_KEY)
    inits = [m for m in doc.mentions if m.cls in (BRAND, PROGRAMME)]
    if not committees or not inits:
        return []
    others = sorted((m for m in doc.mentions if m.cls in (ORGAN, ORGANISATION)), key=_SPAN_KEY)
    skipped = regions.skipped(doc)
    placed = _placed(doc, committees, skipped)
    main = main_committee(doc, placed)
    parts = sections(doc, committees, main, skipped)
    if parts:
        # a digest is the headline committee's (某市政协系统10月工作动态), however often the
        # sections name theirs; a bare 市政协 in its own 【市政协】 section is that committee
        head = next((c.key for c, _, excluded in placed if c.end <= parts[0][0]
                     and not context.OWN_HEAD.match(_clean(c.surface)) and not excluded), "")
        if head and head != main:
            main = head
            parts = sections(doc, committees, main, skipped)
    ctx = Context(committees, others, main, placed, parts)
    found = []
    for init in inits:
        sent = doc.sentence_at(init.start)
        if _excluded(skipped, init.start, sent):
            continue
        found.append((init, sent, *runners(doc, init, ctx, sent)))
    # what a visitor saw: initiatives visited or praised somewhere in the article, or owned by a
    # named committee (“X”是某县政协打造的…, 某县政协打造的“X”)
    # (with who saw it: the sentence's subjects, None when it names none; a visit to the home
    # committee's platform, 某县政协一行来我县考察“X”, does not make X a host's for the home committee)
    seen: dict[str, set[str] | None] = {}
    for init, sent, _, how in found:
        if how in ("visited", "guest"):
            by = {k for sub in subjects(doc, sent, ctx, before=init.start) for k in sub.keys} if sent else set()
            prev = seen.get(init.key, set())
            seen[init.key] = None if not by or prev is None else prev | by
    owners: dict[str, set[str]] = {}  # committees named as owners or making it somewhere
    for init, sent, keys, how in found:
        if how.startswith("owner") or (how not in FALLBACK_HOWS and _makes(doc, sent.start if sent else 0, init, ctx)) \
                or (how == "sentence:committee" and named_owner(doc, init, ctx) in keys):
            owners.setdefault(init.key, set()).update(keys)
    # initiatives that an organisation other than a committee owns or runs somewhere in the article
    # (某联谊会举办“X”活动): the article's committee gets none of them from the fallback alone
    theirs = {init.key for init, _, keys, how in found
              if not keys and (how == "other-owner" or how.endswith((":other", ":" + ORGANISATION)))}
    away = travellers(doc, ctx)
    out: dict[tuple[str, str, int], Relation] = {}
    # initiatives that a committee other than the fallback's runs somewhere in the article from
    # its own sentence (区政协推出“X”…; 自治区政协调研组开展“X”专题调研): the article's committee gets
    # none of them from the fallback alone (a leader's speech about it later: 要坚持把“X”作为…)
    named: dict[str, set[str]] = {}  # initiative key -> committees found by a subject, an owner, a list
    for init, _, keys, how in found:
        if keys and how not in FALLBACK_HOWS:
            named.setdefault(init.key, set()).update(keys)
    for init, sent, keys, how in found:
        start, end = (sent.start, sent.end) if sent else (init.start, init.end)
        if how in FALLBACK_HOWS and (init.key in theirs or named.get(init.key, set()) - set(keys)
                                     or _sign(doc, init)):
            continue
        if away & set(keys) and how in WEAK_HOWS and not _makes(doc, start, init, ctx):
            # a committee that travels in the article does not get the host's initiative from being
            # the topic or the subject of a sentence that only talks about it, unless it makes it
            # somewhere in the article
            made = owners.get(init.key, set())
            keys = tuple(k for k in keys
                         if not (k in away and k not in made and (_saw(seen, init.key, k) or made - {k})))
        for key in keys:
            if not key:
                continue
            out.setdefault((key, init.key, start), Relation(RUNS, key, init.key, start, end, attrs={"how": how}))
    return sorted(out.values(), key=attrgetter("start", "subject", "object"))


_SPAN_KEY = attrgetter("start", "end", "key")  # mentions in text order (the same tuples as a lambda's)


def _saw(seen: dict[str, set[str] | None], init_key: str, key: str) -> bool:
    """Was the initiative visited or praised by the committee ``key`` (or by someone unnamed)?"""
    if init_key not in seen:
        return False
    by = seen[init_key]
    return by is None or key in by


# ways of finding a runner from the subject or the topic only, not from an owner or a list
# the article's or a digest section's committee, for want of a subject
FALLBACK_HOWS = ("article", "section")
WEAK_HOWS = ("sentence:committee", "paragraph:committee", "fronted", "article", "section")


def travellers(doc: Doc, ctx: Context) -> set[str]:
    """Committees that go on a trip somewhere in the article (``某市政协考察团来我市考察``): another
    committee wherever it goes, the article's own committee when it goes to another region."""
    out: set[str] = set()
    if not ctx.main:
        return out
    for c, sent, excluded in ctx.placed:
        if c.key in out:
            continue
        if sent is None or excluded:
            continue
        if _trip(doc, ctx, c.key, c.start, sent.end, c.key == ctx.main, sent.end):
            out.add(c.key)
    return out
