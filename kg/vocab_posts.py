"""Generic vocabulary for people, posts, organs and other organisations.

Nothing here names a real person or committee: only surnames, post titles, organ names,
party names and cue words, which hold for every article from every province.  The
recognisers in :mod:`kg.recognise.people`, :mod:`kg.recognise.organs` and friends read
these lists; keeping them in one place lets a reviewer check that no seed fact crept in.
"""

from __future__ import annotations

# ---------------------------------------------------------------------------------------------
# surnames (the 百家姓 plus the common modern ones); a name is a surname + 1-2 characters

SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
    "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮"
    "柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉"
    "缪简车项连芦麦褚娄窦戚岑景宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑"
    "郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊"
    "仝郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄"
    "邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸孝习寿"
    # rarer ones, still seen in any province's leadership lists (洪, 贲, 嵇, 逄, 缑 ...); left out on
    # purpose: 和 国 区 党 (function words and organisation names) and 危 幸 扶 揭 (verbs that
    # follow post titles: 主任揭牌)
    "洪贲尉嵇宦慕战濮湛竺邴郦钮訾谯逄缑庾蒯亢笪暨桓郏苍弘莘"
    "赖丘磨闭禤植"  # 赖 everywhere in the south, 丘 Hakka, 磨 闭 禤 Zhuang and Cantonese
    # the rest of the 百家姓 and modern rare surnames that start few common words (汲取, 檀香 and
    # 旷日 are caught by the other tests; the ones that start many, 暴 折 拓 山 水 ..., are in
    # RARE_SURNAMES below)
    "酆昝荀羿汲隗宓郗钭璩郤殳夔厍乜仉佴禚蹇郄菅撖芈檀旷苌睢眭泮綦弋"
    "恽"  # a Jiangnan surname that starts no common word
    "庹"  # (达州市政协主席庹某某)
    "芶"  # (局长芶某某; a form of 苟)
    "琚"  # (民建省委会副主委琚某某)
)

COMPOUND_SURNAMES = frozenset({
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文", "司徒",
    "夏侯", "轩辕", "端木", "西门", "南宫", "独孤", "呼延", "澹台", "申屠", "太史", "闻人", "万俟", "钟离",
    "单于", "司空", "百里", "东郭", "公冶", "赫连", "拓跋", "完颜", "爱新觉罗", "左丘", "第五", "梁丘", "微生",
})

# Characters that are (almost) never part of a given name: function words, verbs that follow
# names in news prose, and the characters of organisations and dates.  (向 is left out: it is
# common in given names, 田向利, and 张三向… still ends at 向, a follow word.)
NON_NAME_CHARS = frozenset(
    "的了在是和等说与及为对把被将从也都就已还又再要会并所之其这那们着过率赴告批坦晒表指称讲提认介参"
    "区市县省政协党委员部厅局处办组届次年日号个名位项件期场余约共各全该本此每某第"
)

# Characters of NON_NAME_CHARS that are common in given names all the same (李为民, 王和平,
# 刘再明, 李其昌, 张之华, 王全胜): a name may hold them when it ends on a clear boundary.
# 年 of dates and of 王永年; 政, 会 (李建政, 刘会明); 约 of Lahu and Wa names (娜约, 扎约)
SOFT_NAME_CHARS = frozenset("为和再其之全年政会约")

# Words that follow a name in news prose (the name ends where one of these starts).
FOLLOW_WORDS = (
    "总书记", "同志", "先生", "女士", "委员", "主席", "副主席", "书记", "主任", "代表", "教授", "院士",
    "表示", "指出", "强调", "出席", "告诉", "率队", "带队", "坦言", "批示", "主持", "讲话", "介绍", "认为",
    "提出", "说", "一行", "参加", "调研", "考察", "会见", "看望", "慰问", "自豪", "感慨", "谈到", "透露",
    "在", "的", "等", "和", "与", "及", "为", "对", "向", "也", "都", "就", "还", "又", "则", "曾", "准时",
    "从",  # 教授某某从科技支撑角度提出建议
    "领衔",  # 由县政协常委、某协会会长某某领衔
    "作", "做", "任", "担任", "兼任", "当选", "荣获", "获得",
    "发言", "希望", "要求", "建议", "回忆", "解释", "补充", "笑着", "坦承", "告", "称", "作为",
    # adverbs that open the predicate after a name or a name list (张三、李四分别带队)
    "分别", "一同", "共同", "先后", "随后", "陪同", "亲自", "首先", "等人", "一起",
    # and of time (乡村医生某某至今保存着…, 女儿某某今年考上…, 某某记得…)
    "至今", "如今", "仍然", "依然", "始终", "一直", "今年", "去年", "记得", "近日",
    "讲述", "分享", "讲解", "演示", "展示", "此前", "此后", "关注", "聚焦", "一边",
    # verbs of leading, reporting and visiting (主任某某带领委员视察, 秘书长某某宣读决定)
    "带领", "率领", "听取", "宣读", "通报", "汇报", "传达", "领学", "带头", "应邀", "受邀", "深入", "走访",
    "察看", "查看", "前往", "来到", "详细", "围绕", "结合", "寄语", "点评", "总结", "部署", "解读", "宣布",
    "颁发", "看到", "接受", "答复", "回答", "说道", "谈及", "谈起", "呼吁", "倡议", "建言",
    "牵头", "通过", "专门", "专程", "特意", "这样", "现场", "当场", "当即", "随即", "仔细", "认真", "回应",
    # 到 of a visit (某某到某地调研): never in a given name
    "到",
    # a verb with its aspect particle (某某算了一笔账, 某某讲起…): 算 and 讲 are rare in given names
    "算了", "算起", "讲了", "讲起", "谈了", "聊起",
    # 是 已 率 are never in a given name (V.NON_NAME_CHARS): 某某是一名教师, 某某已在…, 某某率考察团
    "是", "已",
)

# Verbs that make a bare name at the start of a clause a person (宋立伟出席; 龚晓峰率队赴...).
CLAUSE_VERBS = (
    "出席", "强调", "率队", "带队", "指出", "表示", "主持", "讲话", "提出", "告诉", "坦言", "会见", "看望",
    "慰问", "调研", "考察", "一行", "说", "介绍", "参加", "作报告", "致辞", "发言", "批示",
    "带领", "率领", "宣读", "通报", "传达", "寄语", "呼吁", "牵头", "回忆", "回应",
    "率",  # 某某率考察团: 率 alone (率队, 率团 are its usual words)
)
# 张三在……会上强调: the verb that ends the "在…上" frame
FRAME_VERBS = ("强调", "指出", "提出", "表示", "讲话", "说", "发言", "致辞", "作报告", "要求", "希望")

# Honorifics that follow a name and make it a person on their own.
HONORIFICS = ("总书记", "同志", "先生", "女士", "委员", "常委", "院士", "教授", "主席", "副主席", "秘书长", "书记",
              "主任", "省长", "市长", "县长", "部长", "董事长", "会长", "院长", "校长", "老师")

# ---------------------------------------------------------------------------------------------
# posts

# Media roles: bylines (本报记者 某某, （通讯员 某某 记者 某某）, 编辑：某某).
MEDIA_TITLES = ("文/图", "图/文", "文／图", "图／文", "记 者", "编 辑", "审核人", "编辑人", "责任人",
                "作者", "本报记者", "本报通讯员", "特约记者", "见习记者", "记者", "通讯员", "责任编辑", "责编", "编辑",
                "摄影", "摄", "校对", "审核", "审校", "终审", "初审", "复审", "一审", "二审", "三审",
                "主编", "编审", "美编", "统筹", "监制", "策划",
                "首席记者", "融媒体记者", "全媒体记者", "实习生", "图", "文", "撰稿", "供稿",
                "执笔", "执笔人",  # a report's drafter (（执笔：某某）), credited like a reporter
                "文图", "图文", "文字",  # 文图：某某, 文字：某某
                "图片", "视频", "摄像", "排版",  # a WeChat post's footer (图片：某某)
                "整理")  # a chronicle's compiler (（整理：某某）)

# CPPCC posts (kind "cppcc" when attached to a committee or bare in a CPPCC article).
CPPCC_TITLES = ("驻会副主任", "驻会主任", "党组书记", "党组副书记", "党组成员", "机关党组书记", "机关党委书记",
                "驻会副主席", "常务副主席", "专职副主席", "兼职副主席",
                # civil-service ranks of a committee's office (市政协一级巡视员某某)
                "一级巡视员", "二级巡视员", "巡视员", "副巡视员", "一级调研员", "二级调研员", "调研员",
                "副主席", "主席", "副秘书长", "秘书长", "常务委员", "常委", "委员",
                "领导")  # 市政协领导张三、李四 (weak: 领导班子, 领导干部 follow it too)
# Posts of an organ (专委会主任, 办公厅主任 ...): CPPCC when the organ belongs to a committee.
ORGAN_TITLES = ("副主任", "主任", "分党组书记", "分党组副书记", "书记", "副书记", "召集人", "负责人",
                "副厅长", "厅长", "副部长", "部长")
# Party posts (书记 of a 党委/市委/县委, 总书记 ...).
PARTY_TITLES = ("总书记", "党委书记", "党委副书记", "副书记", "书记", "常委", "统战部部长", "部长", "党委委员")
# Government posts.
GOVERNMENT_TITLES = ("常务副省长", "常务副市长", "常务副县长", "代省长", "代市长", "代县长", "代区长",
                     "副省长", "省长", "副市长", "市长", "副县长", "县长", "副区长", "区长", "副州长", "州长",
                     "副旗长", "旗长", "副盟长", "盟长", "副主席", "主席", "副厅长", "厅长", "副局长", "局长",
                     "副处长", "处长", "副科长", "科长", "副主任", "主任",
                     "副镇长", "镇长", "副乡长", "乡长", "村支书", "支书", "总理", "副总理", "国务委员",
                     "行署专员", "专员", "副专员")  # a prefecture's (地区) head: 地委副书记、行署专员某某
# Other posts.
OTHER_TITLES = ("省领导", "市领导", "县领导", "区领导", "州领导", "领导同志", "负责同志",
                "董事长", "副董事长", "总经理", "副总经理", "总裁", "创始人", "负责人", "校长", "副校长", "院长",
                "副院长", "教授", "研究员", "专家", "博士", "党支部书记", "支部书记", "会长", "副会长", "理事长",
                "馆长", "所长", "站长", "社长", "经理", "医生", "律师", "老师", "村民", "群众", "代表",
                "副委员长", "委员长", "司令员", "政委", "检察长", "庭长", "主任委员", "副主任委员",
                "组长", "副组长", "主持人", "新闻发言人", "发言人", "联系人",
                # jobs a member is introduced by after his CPPCC posts (市政协常委、某集团总工程师某某)
                "总工程师", "副总工程师", "高级工程师", "工程师", "合伙人", "教师", "医师", "主治医师",
                "护士长", "总监", "厂长", "园长", "队长", "会计师", "设计师", "农艺师", "技术员",
                "畜牧师", "兽医师", "兽医", "药师", "规划师", "经济师",
                "总经济师", "总会计师", "传承人", "带头人", "调解员", "网格员", "讲解员", "护士", "村医",
                "议事员", "信息员", "联络员",
                "种植户", "养殖户", "经营户", "个体户", "企业家", "创办人", "主理人", "店长", "首席专家", "技术骨干",
                "主管", "班组长", "车间主任",  # a company's staff quoted in a member's profile
                "院士", "副总编辑", "总编辑", "首席执行官", "首席科学家", "行长", "副行长",
                "首席数据官", "首席技术官", "首席信息官", "首席财务官", "首席运营官",
                # deputies of the titles above, each a title of its own (某企业副总裁某某: not 总裁
                # with 副 left in the organisation's name, which broke the chain of posts)
                "副总裁", "副总监", "副所长", "副馆长", "副站长", "副社长", "副理事长", "副经理", "副厂长", "副主编",
                "副园长", "副队长", "主任医师", "副主任医师", "副教授", "副研究员",
                "CEO", "CTO", "CFO", "COO", "CIO",  # 联合创始人兼CTO某某
                "董事", "独立董事", "执行董事",  # 港澳委员、香港某集团董事某某 (董事会 is no name)
                "附议人", "提案者", "提案人",  # a proposal's signers (附议人：某某　某某)
                "党员",  # 旗政协委员、牧民党员某某: a member's standing after his posts
                "盟员", "社员",  # 市政协委员、台盟盟员、某学院教授某某 (a democratic party's member)
                "台商", "侨商", "港商", "总干事",  # 市政协特邀委员、在莆台商、某公司董事长某某
                "会员",  # 县政协委员、某协会会员某某
                # a member's calling after his posts (原县政协副主席、书法家某某; 爱国民主人士某某)
                "艺术家", "书法家", "画家", "作家", "摄影家", "科学家", "教育家", "经济学家", "首席经济学家", "人士",
                "篆刻家", "雕塑家", "音乐家", "舞蹈家", "收藏家", "研究馆员", "副研究馆员", "馆员",
                "退休干部",  # 省政协常委、某林业局退休干部某某
                "创业青年", "返乡青年",  # 县政协委员、返乡创业青年某某
                "台胞", "归侨",  # 市政协特邀委员、台胞、某公司总经理某某; 市政协委员、马来西亚归侨、…
                "艺术大师", "工艺美术大师",  # 区政协常委、中国陶瓷艺术大师某某
                "艺人", "手艺人", "匠人", "画师", "厨师长",  # 白族木雕艺人某某一边…, 唐卡画师某某
                "师长", "副师长", "团长", "副团长",  # the Corps' divisions and regiments (第四师副师长某某)
                "特约监督员", "监督员",
                "种植大户", "养殖大户",
                # an association's officer and a young entrepreneur (某会理事某某, 青年创业者某某)
                "理事", "常务理事", "创业者", "经营者",
                # democratic parties' posts (民盟市委主委, 九三学社省委副主委), listed with CPPCC posts
                "主委", "副主委", "常务副主委", "专职副主委",
                # representatives of a group (代表 alone is too loose: 代表委员, 代表性)
                "群众代表", "村民代表", "居民代表", "企业代表", "职工代表", "人大代表", "党代表", "学生代表",
                "青年代表", "家长代表", "商户代表", "种植户代表", "农民工代表", "农民代表", "工人代表", "妇女代表",
                "少数民族代表", "参农代表", "果农代表", "茶农代表", "牧民代表")

# Every title, longest first (the post regex takes the longest).
ALL_TITLES = tuple(sorted(set(MEDIA_TITLES + CPPCC_TITLES + ORGAN_TITLES + PARTY_TITLES + GOVERNMENT_TITLES
                              + OTHER_TITLES) - {"图", "文", "摄", "群众", "村民", "专家", "代表", "博士"},
                          key=lambda t: (-len(t), t)))

# Titles that make a CPPCC membership when bare (no organisation before them).
BARE_CPPCC_TITLES = frozenset({"党组书记", "党组副书记", "党组成员",
                               "主席", "副主席", "秘书长", "副秘书长", "常委", "常务委员", "委员", "驻会副主席",
                               "常务副主席", "专职副主席", "一级巡视员", "二级巡视员"})

# Party organisations: 自治区党委, 市委, 县委, 区委, 省委, 州委, 中共中央, 党中央.
PARTY_ORG_SUFFIXES = ("党委", "党工委", "市委", "县委", "区委", "省委", "州委", "盟委", "旗委", "中央",
                      "统战部", "组织部", "宣传部", "纪委", "监委")

# ---------------------------------------------------------------------------------------------
# organs of a committee

# Named special committees (专门委员会) are "<field>委员会"; these fields are the usual ones.
SPECIAL_COMMITTEE_FIELDS = (
    "提案", "经济", "农业和农村", "人口资源环境", "人口资源和环境", "教科卫体", "教育科技卫生体育",
    "社会和法制", "社会法制", "民族和宗教", "民族宗教", "港澳台侨和外事", "港澳台侨外事", "港澳台侨",
    "文化文史和学习", "文化文史和学习宣传", "文史和学习", "文史资料", "学习和文史", "科技和教育", "科教卫体",
    "农业农村", "人口资源环境和建设", "城乡建设", "财政经济", "社会建设", "外事", "民族宗教和港澳台侨",
    "文化和旅游", "科学技术", "妇女", "青年", "法制", "社会福利和社会保障", "农业", "环境资源", "医药卫生",
    "委员工作", "委员联络", "联络", "研究", "学习宣传", "文史",
)
# Organs named by a fixed word (after the committee): longest first.
FIXED_ORGANS = ("机关党组", "机关党委", "机关纪委", "党组", "办公厅", "办公室", "研究室", "专委会", "委员联络委员会",
                "理论研究会", "文史馆", "书画院", "委员之家", "委员活动中心")

# The 34 CPPCC sectors (界别) are named by these words, a democratic party or a trade.
SECTOR_WORDS = ("中共", "共青团", "工会", "妇联", "青联", "科协", "台联", "侨联", "文化艺术", "科学技术", "社会科学",
                "经济", "农业", "教育", "体育", "新闻出版", "医药卫生", "对外友好", "社会福利和社会保障",
                "少数民族", "宗教", "特别邀请人士", "特邀", "无党派人士", "环境资源", "社会福利", "港澳",
                "新闻", "文艺", "科技", "民族", "工商联")

# ---------------------------------------------------------------------------------------------
# other organisations

# Democratic parties and the federation of industry and commerce: short form -> full name.
DEMOCRATIC_PARTIES: dict[str, str] = {
    "民革": "中国国民党革命委员会",
    "民盟": "中国民主同盟",
    "民建": "中国民主建国会",
    "民进": "中国民主促进会",
    "农工党": "中国农工民主党",
    "致公党": "中国致公党",
    "九三学社": "九三学社",
    "台盟": "台湾民主自治同盟",
    "工商联": "中华全国工商业联合会",
}
DEMOCRATIC_PARTY_FULL = {v: k for k, v in DEMOCRATIC_PARTIES.items()}

# Organisation names end in one of these.
COMPANY_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团公司", "集团", "合作社")
MEDIA_SUFFIXES = ("日报社", "日报", "晚报", "政协报", "报社", "电视台", "广播电视台", "新闻网", "网", "杂志社")

# Middle dots between the parts of a transliterated name (买买提·吐尔逊, 努尔兰・别克): the
# scorer removes these three; the others are typing variants, labelled with the first.
NAME_DOTS = "·・•"
NAME_DOT_VARIANTS = "‧･∙⋅"
# Characters of Uyghur, Kazakh, Kyrgyz, Mongolian and Tibetan names written in Han characters
# (吐尔逊, 阿不都拉, 托合提, 别克, 热依汗): where the last part of a dotted name ends is decided
# by them (the verb after the name, 出席, 主持, 表示, is made of other characters).
DOTTED_NAME_CHARS = frozenset(
    "阿艾爱安昂敖奥巴拜班包宝保贝本比毕别宾波伯博布才查朝楚达代丹道德迪地丁东都杜敦多朵俄额恩尔法凡菲夫"
    "弗福甫盖甘刚高戈格根古贡哈海含汗罕杭合何赫黑亨洪胡呼花华环霍吉加佳贾杰捷金居俊喀卡开凯坎康考柯科"
    "克肯空孔库夸奎坤昆拉腊来莱赖兰朗劳勒雷蕾力丽利莉里连良列林琳玲柳龙隆娄卢鲁路伦罗洛吕玛马迈麦曼满芒"
    "毛茂梅美门蒙孟米密敏明摩莫墨姆木穆那纳娜乃奈南尼妮宁努奴诺欧帕排潘庞佩皮坡普齐其奇琪恰乔切钦青琼秋"
    "曲确热仁日茹如儒若萨赛塞桑色森沙莎山尚舍申什石史舒斯司松苏素索塔台太泰坦汤唐特提天铁通图吐托瓦娃"
    "万旺维卫温文翁沃乌吾武西希锡夏仙贤香祥谢辛新欣兴休秀旭雅亚娅延燕扬杨耶叶伊依衣义易音尤友玉裕元约"
    "云扎则泽增詹哲珍真孜宗祖左逊买卓珠嘎旦措次顿追拥央白"
    "不卜肉乎牙琴登再噶"  # 阿不都, 阿卜杜, 肉孜, 托乎提, 尼牙孜, 斯琴, 敖登, 再努尔, 噶尔
)

# Characters of transliterated minority names (Yi 吉克石布, 沙马阿依; Tibetan 扎西多吉; Uyghur
# 买买提江; Mongolian 巴特尔): a four-character name after a post is taken whole when at least
# two of its last three characters are among these.
TRANSLIT_NAME_CHARS = frozenset(
    "阿尔克布呷依则木巴拉吉扎西多曲比果日格桑次仁旦措卓玛央嘎加索朗泽顿珠达娃姆尼乌兰特孜买提江古丽努艾热合曼"
    "沙马苏呷莫惹什哈且铁图门都其各那达赛罕乃斯坦亚库孔普布琼洛追强巴白玛"
    "瓦金益降绒郎贡旺堆宗俄勒约伍海来乃惹"
    "吐逊汗托洪甫迪"  # Uyghur and Kazakh: 吐尔逊, 热依汗, 托合提
)

# Syllables of Tibetan names written in Han characters (索南, 才让, 卓嘎, 更尕): a Tibetan name
# has no surname and is two syllables (扎西多吉, 次仁卓嘎) or one and a final (卓玛措), so where
# it ends is decided by them, not by a surname reading (洛桑才|让 is wrong).
TIBETAN_SYLLABLES = frozenset("""
扎西 尼玛 达瓦 达娃 多吉 多杰 卓玛 卓嘎 卓尕 旦增 丹增 格桑 央金 德吉 次仁 才仁 泽仁 平措 彭措 洛桑 罗桑
顿珠 巴桑 拉姆 拉毛 才旦 桑杰 桑吉 贡布 贡保 罗布 仁青 仁欠 曲珍 白玛 普布 索南 索朗 才让 次成 更尕
更藏 更登 求培 昂旺 措毛 措姆 旺加 旺堆 旺姆 昂文 多布 加措 嘉措 坚赞 坚参 强巴 降措 边巴 央宗 德央 德青
俄让 泽郎 泽让 旦真 东智
拉巴 拉珍 琼达 群培 曲措 曲扎 次旦 斯郎 斯朗 拉加 尕玛 尕藏 公保 贡觉 吉美 久美 晋美 扎巴 才吉 才措
周措 卡卓 娘吉 桑周 俄日 完德 万玛 吾金 乌金 夏吾 仓央 洛松 朗杰 南加 旺秀 巴丁 巴登 班玛 班觉
玉珍 益西 意西 永措 占堆 措吉 次央 次珍 丹巴 旦巴 丹珍 旦正 格列 更桑 贡桑 华旦 加央 江措 金巴
拉吉 闹布 诺布 培措 确吉 群佩 热旦 仁增 桑丁 索加 塔杰 土旦 图旦 完玛 旺青 香巴 央措 云丹
泽旺 泽措 宗吉 尕让 多拉 仁措 才加 卓措 吉措 拉措 德措 白措 扎措 央吉 卓姆 次吉 尼措
四郎 邓珠 登珠 洛绒 向巴 翁姆 拥珍 格绒 泽翁 呷绒 降初 志玛 此里 仁真 益珍 秋吉 旺久
""".split())  # (the last line: Kham forms, as written in 甘孜: 四郎降措, 扎西邓珠, 洛绒益西)
# Elements of Mongolian names written in Han characters (common names and name words: 娜仁
# "sun", 托娅 "ray", 萨仁 "moon", 高娃 "beautiful", 乌力吉 "luck", 巴特尔 "hero", 那顺 "long life"):
# such a name has no surname and is one element or two (娜仁托娅, 敖日格乐, 乌日根达来), or one and
# a final (:data:`MONGOLIAN_FINALS`: 乌力吉图), so where it ends is decided by them.  Taken only where
# the context says a name follows (a post title, an election).
MONGOLIAN_NAME_PARTS = frozenset("""
娜仁 托娅 萨仁 高娃 乌力吉 巴特尔 那顺 乌兰 宝音 朝鲁 苏和 孟和 布和 斯琴 乌云 塔娜 图雅 巴图 哈斯
呼和 其其格 额尔敦 格日勒 吉日嘎拉 阿拉坦 毕力格 满都拉 特木尔 那日苏 萨日娜 乌日娜 其木格 额尔德尼
白音 图门 巴雅尔 宝力道 巴根 查干 德勒格 呼斯楞 巴音 乌日根 达来 道尔吉 阿古拉 格根 莫日根 苏德
赛音 吉雅 敖其尔 那仁 朝克 额尔和 布仁 桑布 敖日格乐 敖日格勒 其仁
孟克 德力格尔 苏日娜 乌日
""".split())
MONGOLIAN_FINALS = frozenset("图")  # 乌力吉图, 宝音图, 朝克图

# Single syllables that may close a three-character Tibetan name (卓玛措, 才让吉, 卓玛加).
TIBETAN_FINALS = frozenset("措姆吉加杰草")  # 草: Amdo women's names (完玛草, 旦正草)

# Clan names (family names) of the Yi (彝族), written in Han characters (阿说, 吉克, 沙马, 曲比):
# a Yi name is the clan name and a given name of one or two characters (吉克石布, 曲比阿呷),
# whose characters are transliterations that no Han given-name list holds, so where it ends is
# decided by the clan name and the boundary after it.  Taken only where the context says a name
# follows (a post title, a resident word, 叫…的): alone, 阿尔, 马海 may start place names.
YI_CLAN_NAMES = frozenset("""
阿说 阿苦 阿尔 阿约 阿合 阿的 阿木 阿西 阿力 阿史 阿侯 阿牛 阿鲁 阿支 阿加 阿吉 阿育 阿卓 阿里 阿皮
吉克 吉木 吉史 吉伍 吉布 吉尔 吉巴 吉子 吉牛 吉觉 吉洛 吉则 吉古 吉地 吉力
沙马 沙玛 马海 马黑 马加 海来 曲比 曲木 勒格 瓦扎 倮伍 苏呷 迪惹 日火 金古 洛古 比曲 安哈 加拉 俄底 俄木
拉马 木乃 果基 立布 尔古 巴莫 罗洪 井叶 克惹 补约 吉狄 阿都 瓦渣 且沙 俄尼 苏尼 莫色 什木
""".split())

# Further characters of Mongolian names written without a dot (阿木古楞, 宝力浩, 苏和): with the
# characters above they make up the long undotted names taken after a strong post title.
MONGOLIAN_NAME_CHARS = frozenset("仓楞浩钢和顺干云腾")  # 云: 乌云 (乌云毕力格, 乌云格日勒); 腾: 阿拉腾, 腾格尔

# Surnames of Hui, Yi, Manchu and other minority families that are also common words or
# verbs (纳入, 哈哈, 锁定, 达到): a name starting with one is only taken right after a strong post
# title or a media role (市政协副主席纳某某, 记者 拜某某), never on a weaker cue.
RARE_SURNAMES = frozenset(
    "纳撒拜哈喇虎锁妥者铁买达"
    # the 百家姓 surnames and modern rare ones that also start common words or verbs (暴雨,
    # 折合, 拓展, 通过, 山区, 经济): same treatment.  和 国 党 从 stay out (function words and
    # organisation names)
    "水昌凤元危经干家松富弓牧山蓬仰秋暴幸怀咸籍阴能双贡扶堵宰通别充鱼慎终居衡步广禄东沃利越"
    "勾融空毋养须后红益公茅糜贝滑蔚戎束韶蓟鄂巢折拓逢展种粘银信揭库闪保么玄占代巨寸矫淡奉揣"
    "承"  # 承担, 承办: only after a strong title (秘书长承某某)
    "斯"  # 斯文: a surname of the Zhuji area (镇党委书记斯某某)
    "区"  # a Cantonese surname (区政协主席区某某, 审核：区某某), mostly the district's word
    "郇逄亓昝笪隗郦仉衣"  # rare surnames of the north (统战部部长郇某某, 委员会主任衣某某)
    "闾雒操"  # and of the east and west (教授闾某某, 退休教师雒某某, 副局长操某某)
    "党"  # 副县长党某某 (党组, 党委 are words: no name)
    "畅呼"  # 委员畅某某 (畅通, 畅谈), 讲解员呼某某 (呼吁)
    "冶星"  # Hui and Tu surnames of Qinghai: 局长冶某某 (冶炼), 副主席星某某 (星期)
    "卯智归言"  # 卯某某, 智某某, 归某某, 言某某 after strong titles (卯足劲, 智能, 归来, 言论)
    "岩玉刀"  # Dai names (主席岩某某, 研究员玉某某, 副主席刀某某): 岩石, 玉米, 刀具 are words
)

# Dai names: 岩 (a man's) and 玉 (a woman's) open the name, then one or two syllables written
# with these characters (岩庄温, 玉侬香, 岩甩), which are rare in Han given names
DAI_PREFIXES = frozenset("岩玉")
DAI_NAME_CHARS = frozenset("温罕腊坎章甩庄香侬叫拉光应龙丙依帕嫩喃旺胆宰那伦康坦燕波叶捧论三万尖楠扁罗涛保湘儿南娇")

# Posts of the "chief" systems (林长制, 河长制: 市级林长, 各级河长, 委员林长们): a surname
# character + 长, so the two characters alone are a post, never a name (林长青 still is one).
CHIEF_POSTS = frozenset({"林长", "河长", "湖长", "路长", "田长", "街长", "巷长", "楼长", "链长", "山长", "湾长",
                         "滩长", "段长"})

# Characters common in given names.  A name after a weak cue (委员, 主任 ...) that jieba does
# not tag is still taken when every given-name character is one of these (苏志佳, 黄龙云),
# and not when one is a verb or noun rarely seen in names (委员为国履职).
GIVEN_NAME_CHARS = frozenset(
    "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰"
    "涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦"
    "亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘秀娟"
    "英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍"
    "贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融"
    "园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵"
    "罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟小轩晋军红卫东"
    "方晖昊昕晟炜焕煜熙玮琨璋瑜璇皓睿硕祺禹程竣笑筱纬缨翊耀聿舟芃芮苒茵荃莹萌蒙蔚蕾虹蛟衡裴谨豫贺赫轶辉迪"
    "遥邵醇钊铭锋锐镇闯阔雷霖靖韬颂飙馨骏魁鹤黎鼎龄丰之乾云亭仲伦佑作佩俐俭倍健儒兆先光克全兵典冬凯函刚"
    "励劲勃匡升卓南博卫厚友双可吉君启吟和咏品哲唐喜嘉国圣坤城培基堃塘增壁士壬声夏大天太奎奕女如妙姗威娅娜"
    "子孝孟季学宇守安宏宗宙宝宣家容富寒寿尧山岗岭岳峥崇嵘川州巍帅常平年庆康廷建开弘强彤彦彬德心志忠怀恩悦"
    "惠慈成才承抒拓振敏文斐斯新方旺昀昆昊昌明昭晋晓晗景晴智曙朝木本杉杨松柏栋格桐梓森楷正武毅民永江池沁沛"
    "沫河治泓泉波泰津洪洲浩海涛润涵淼清渊源溪滨澄澍灿炎炳烨然照熠燕片牧猛玉王珂珏珑琛琪瑞璞瓒甜生田甫男界"
    "畅白百皎益盈真睿石磊礼祥福秀科秦稳立竞笛笙筑简箐米精素红纲纳纶绍经维缘继罗群羲翔翰耘聪胜能至舒航良艺"
    "芙芷花苗若英茂范茹荣莹菲萍营萧葆蒲蓬虎蜀西观言誉诗语谊谷豪贞贤质赞越跃路轩辉辰达迈连逸道遵邦郁金鑫钢"
    "铁银锦长闻阳隆雅雪霏青靓静非音韩顺颜飞香驰骥高魁鸣鹰麒黄齐远棠曦鸥"
)
