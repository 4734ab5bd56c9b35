"""Hand-written articles of the genre (invented, not copied) with the record ANNOTATION.md expects.

Each case: `text` (first line a headline) and the expected fields. A set field lists every entity
of that type; an item that is a tuple accepts any of its forms (锡山 or 锡山区 for the locale of
锡山区委). `None` leaves a field unchecked. `main` is (name, titles, org) with org a str or tuple.
"""

from __future__ import annotations

CASES: list[dict] = [
    dict(
        id="zh_province_secretary_inspection",
        text=(
            "韩东明在芜湖调研先进制造业发展\n"
            "3月15日,省委书记韩东明到芜湖市调研先进制造业发展情况。他先后来到奇瑞汽车股份有限公司、芜湖长信科技股份有限公司,"
            "察看生产线,了解企业研发投入和市场拓展情况。韩东明强调,要坚定不移推动制造业高端化、智能化、绿色化发展。"
            "省委常委、芜湖市委书记宁坤,副省长周德峰一同调研。\n"
        ),
        type="inspection", md="03-15", iso=None,
        main=("韩东明", ["省委书记"], "省委"),
        persons={"韩东明", "宁坤", "周德峰"},
        orgs={"奇瑞汽车股份有限公司", "芜湖长信科技股份有限公司", "芜湖市委"},
        places={"芜湖市"},
        participants={"宁坤", "周德峰"},
        visited={"奇瑞汽车股份有限公司", "芜湖长信科技股份有限公司"},
    ),
    dict(
        id="zh_city_standing_meeting_pubtime",
        text=(
            "市政府召开第36次常务会议\n"
            "发布时间:2023-04-08 09:12\n"
            "4月7日上午,市长刘振宇主持召开市政府第36次常务会议,研究部署一季度经济运行和安全生产等工作。"
            "会议指出,1-3月全市规模以上工业增加值增长6.2%,截至3月底,全市新增市场主体1.2万户。副市长陈建华、孙丽出席会议。\n"
        ),
        type="meeting", md="04-07", iso="2023-04-07",
        main=("刘振宇", ["市长"], "市政府"),
        persons={"刘振宇", "陈建华", "孙丽"}, orgs=set(), places=set(),
        participants={"陈建华", "孙丽"}, visited=set(),
    ),
    dict(
        id="zh_county_head_towns_coop",
        text=(
            "马志远到常河镇调研乡村振兴工作\n"
            "5月12日,县委副书记、县长马志远深入常河镇、义岗川镇,调研农业产业化和乡村振兴工作。"
            "马县长一行先后来到常河镇王家村马铃薯种植基地、义岗川镇鑫源种植农民专业合作社,详细了解产业发展、群众增收等情况。"
            "县委常委、副县长杨晓红,县农业农村局负责人陪同调研。\n"
        ),
        type="inspection", md="05-12", iso=None,
        main=("马志远", ["县委副书记", "县长"], ("县政府", "县委")),
        persons={"马志远", "杨晓红"},
        orgs={("鑫源种植农民专业合作社", "义岗川镇鑫源种植农民专业合作社")},
        places={"常河镇", "义岗川镇", "王家村"},
        participants={"杨晓红"},
        visited={("鑫源种植农民专业合作社", "义岗川镇鑫源种植农民专业合作社")},
    ),
    dict(
        id="zh_district_symposium",
        text=(
            "锡山区召开民营企业家座谈会\n"
            "6月20日下午,锡山区委书记赵建军主持召开民营企业家座谈会,听取企业发展意见建议。区领导钱峰、吴敏参加座谈。"
            "江苏长电科技股份有限公司、无锡先导智能装备股份有限公司等8家企业负责人先后发言。"
            "赵建军指出,要持续优化营商环境,全力支持民营企业做大做强。\n"
        ),
        type="symposium", md="06-20", iso=None,
        main=("赵建军", ["锡山区委书记"], "锡山区委"),
        persons={"赵建军", "钱峰", "吴敏"},
        orgs={"锡山区委", "江苏长电科技股份有限公司", "无锡先导智能装备股份有限公司"},
        places={("锡山", "锡山区")},
        participants={"钱峰", "吴敏"},
        visited={"江苏长电科技股份有限公司", "无锡先导智能装备股份有限公司"},
    ),
    dict(
        id="zh_town_secretary_villages",
        text=(
            "桃源镇开展高标准农田建设督导\n"
            "7月3日,桃源镇党委书记李卫东带领镇村干部走访永丰村、三里村,实地察看高标准农田建设情况。"
            "在永丰村,李书记详细询问了农田灌溉设施建设进度,要求确保工程质量。\n"
        ),
        type="inspection", md="07-03", iso=None,
        main=("李卫东", ["桃源镇党委书记"], "桃源镇党委"),
        persons={"李卫东"}, orgs={"桃源镇党委"},
        places={("桃源镇", "桃源"), "永丰村", "三里村"},
        participants=set(), visited=set(),
    ),
    dict(
        id="zh_devzone_party_working_committee",
        text=(
            "周海涛调研园区重点项目建设\n"
            "8月16日,宜宾临港经开区党工委书记、管委会主任周海涛到园区重点项目现场调研,先后察看了宁德时代新能源科技股份有限公司"
            "动力电池生产基地和比亚迪刀片电池项目建设进展。周海涛要求,要倒排工期、挂图作战,确保项目早日投产达效。\n"
        ),
        type="inspection", md="08-16", iso=None,
        main=("周海涛", ["宜宾临港经开区党工委书记", "管委会主任"], "宜宾临港经开区党工委"),
        persons={"周海涛"},
        orgs=None,
        places=None,
        participants=set(),
        visited={"宁德时代新能源科技股份有限公司", "比亚迪"},
        orgs_include={"宁德时代新能源科技股份有限公司", "比亚迪", "宜宾临港经开区党工委"},
        places_include={"宜宾临港经开区"},
    ),
    dict(
        id="zh_congress_director_inspection",
        text=(
            "市人大常委会视察校园安全工作\n"
            "9月5日,湖州市人大常委会主任孙国庆带队视察全市中小学校园安全工作。市人大常委会副主任刘红梅、秘书长郑涛参加视察。"
            "视察组一行先后来到湖州中学、爱山小学,实地察看校园安保设施。\n"
        ),
        type="inspection", md="09-05", iso=None,
        main=("孙国庆", ["湖州市人大常委会主任"], "湖州市人大常委会"),
        persons={"孙国庆", "刘红梅", "郑涛"},
        orgs={"湖州市人大常委会", "湖州中学", "爱山小学"},
        places={("湖州", "湖州市")},
        participants={"刘红梅", "郑涛"},
        visited={"湖州中学", "爱山小学"},
    ),
    dict(
        id="zh_cppcc_consultative_symposium",
        text=(
            "市政协召开协商座谈会\n"
            "10月11日,嘉兴市政协召开“推动民营经济高质量发展”协商座谈会。市政协主席黄立新出席并讲话,市政协副主席何静主持会议。"
            "市工商联、市发展改革委有关负责人和5位企业家代表参加座谈。\n"
        ),
        type="symposium", md="10-11", iso=None,
        main=("黄立新", ["市政协主席"], "嘉兴市政协"),
        persons={"黄立新", "何静"}, orgs={"嘉兴市政协"},
        places={("嘉兴", "嘉兴市")},
        participants={"何静"}, visited=set(),
    ),
    dict(
        id="zh_vice_premier_province",
        text=(
            "张国华在云南调研生物医药产业\n"
            "11月2日至3日,国务院副总理张国华在云南省调研,先后来到昆明市、玉溪市,深入云南白药集团股份有限公司、"
            "玉溪高新技术产业开发区,了解生物医药产业发展情况。云南省委书记陈思远、省长罗建平陪同调研。\n"
        ),
        type="inspection", md="11-02", iso=None,
        main=("张国华", ["国务院副总理"], "国务院"),
        persons={"张国华", "陈思远", "罗建平"},
        orgs={"国务院", "云南白药集团股份有限公司", "云南省委"},
        places={("云南省", "云南"), "昆明市", "玉溪市", "玉溪高新技术产业开发区"},
        participants={"陈思远", "罗建平"},
        visited={"云南白药集团股份有限公司"},
    ),
    dict(
        id="zh_soe_chairman",
        text=(
            "林志强到镇海炼化调研安全生产工作\n"
            "12月6日,中国石化集团有限公司党组书记、董事长林志强一行到镇海炼化公司调研安全生产工作,察看了乙烯装置区和码头作业现场。"
            "集团公司副总经理赵亮陪同调研。\n"
        ),
        type="inspection", md="12-06", iso=None,
        main=("林志强", ["中国石化集团有限公司党组书记", "董事长"], "中国石化集团有限公司"),
        persons={"林志强", "赵亮"},
        orgs={"中国石化集团有限公司", "镇海炼化公司"},
        places=set(),
        participants={"赵亮"},
        visited={"镇海炼化公司"},
    ),
    dict(
        id="zh_title_after_name",
        text=(
            "王建国到桐乡调研企业发展\n"
            "2月21日,嘉兴市委书记王建国到桐乡市调研。在振石控股集团有限公司,王建国书记详细询问企业订单和用工情况。"
            "桐乡市委副书记、市长李刚陪同调研。李刚市长表示,将全力做好要素保障。\n"
        ),
        type="inspection", md="02-21", iso=None,
        main=("王建国", ["嘉兴市委书记"], "嘉兴市委"),
        persons={"王建国", "李刚"},
        orgs={"嘉兴市委", "振石控股集团有限公司", "桐乡市委"},
        # The fullest written form: 嘉兴 is written only as 嘉兴市(委书记), so the place is 嘉兴市.
        places={"嘉兴市", "桐乡市"},
        participants={"李刚"},
        visited={"振石控股集团有限公司"},
    ),
    dict(
        id="zh_compound_titles_port",
        text=(
            "方世杰调研港口建设\n"
            "3月28日,省委常委、宁波市委书记方世杰到北仑港区码头调研,察看集装箱作业情况。市委副书记、市长唐一帆一同调研。"
            "方世杰强调,要加快建设世界一流强港。\n"
        ),
        type="inspection", md="03-28", iso=None,
        main=("方世杰", ["省委常委", "宁波市委书记"], "宁波市委"),
        persons={"方世杰", "唐一帆"},
        orgs={"宁波市委"},
        places={"宁波市", ("北仑港区码头", "北仑港区")},
        participants={"唐一帆"},
        visited=None,
    ),
    dict(
        id="zh_minority_names",
        text=(
            "次仁多吉深入乡村调研牧业发展\n"
            "6月8日,当雄县委副书记、县长次仁多吉带队深入纳木湖乡、宁中乡,调研牦牛养殖和牧民增收工作。"
            "副县长格桑卓玛、县农牧局局长阿布都拉·艾买提一同调研。在宁中乡,次仁多吉与牧民群众亲切交流。\n"
        ),
        type="inspection", md="06-08", iso=None,
        main=("次仁多吉", ["当雄县委副书记", "县长"], ("当雄县政府", "当雄县委", "县政府")),
        persons={"次仁多吉", "格桑卓玛", "阿布都拉·艾买提"},
        orgs={"当雄县委"},
        places={("当雄", "当雄县"), "纳木湖乡", "宁中乡"},
        participants={"格桑卓玛", "阿布都拉·艾买提"},
        visited=set(),
    ),
    dict(
        id="zh_compound_surname_vice_mayor",
        text=(
            "欧阳晓峰调研数字经济发展\n"
            "9月12日,长沙市副市长欧阳晓峰到岳麓区调研数字经济发展工作,先后走访了湖南麒麟信安科技股份有限公司、"
            "湖南大学科技园。区委书记王强陪同。\n"
        ),
        type="inspection", md="09-12", iso=None,
        main=("欧阳晓峰", ["长沙市副市长"], "长沙市政府"),
        persons={"欧阳晓峰", "王强"},
        orgs=None, places=None,
        orgs_include={"湖南麒麟信安科技股份有限公司"},
        places_include={"长沙市", "岳麓区"},
        participants={"王强"},
        visited={"湖南麒麟信安科技股份有限公司"},
    ),
    dict(
        id="zh_department_head_locales",
        text=(
            "省商务厅到义乌调研外贸工作\n"
            "7月19日,浙江省商务厅厅长韩杰带队到义乌市调研外贸稳增长工作,先后走访义乌国际商贸城、浙江新光饰品股份有限公司和义乌市商务局,"
            "并召开外贸企业座谈会。商务局有关负责人汇报了全市外贸运行情况。\n"
        ),
        type="inspection", md="07-19", iso=None,
        main=("韩杰", ["浙江省商务厅厅长"], "浙江省商务厅"),
        persons={"韩杰"},
        orgs={"浙江省商务厅", "义乌国际商贸城", "浙江新光饰品股份有限公司", "义乌市商务局"},
        places={("浙江", "浙江省"), "义乌市"},
        participants=set(),
        visited={"义乌国际商贸城", "浙江新光饰品股份有限公司", "义乌市商务局"},
    ),
    dict(
        id="zh_national_bodies_press",
        text=(
            "国新办举行一季度工业和信息化发展情况新闻发布会\n"
            "4月20日,国务院新闻办公室举行新闻发布会,工业和信息化部新闻发言人、运行监测协调局局长罗俊杰介绍一季度工业和信息化发展情况,"
            "并答记者问。国家发展改革委、国家统计局有关负责人出席发布会。\n"
        ),
        type="press_conference", md="04-20", iso=None,
        main=("罗俊杰", ["工业和信息化部新闻发言人", "运行监测协调局局长"], None),
        persons={"罗俊杰"},
        orgs={"国务院新闻办公室", "工业和信息化部", "国家发展改革委", "国家统计局"},
        places=set(),
        participants=set(), visited=None,
    ),
    dict(
        id="zh_press_qa_full_date",
        text=(
            "宁波市举行稳外贸新闻发布会\n"
            "2023年3月5日,宁波市人民政府新闻办公室举行新闻发布会,市商务局党组书记、局长张晓东介绍全市外贸稳规模优结构有关情况。\n"
            "记者提问:今年以来,我市外贸企业面临哪些困难?\n"
            "张晓东答:1-2月,全市进出口总额同比增长5.1%。下一步,我们将加大对外贸企业的帮扶力度。\n"
        ),
        type="press_conference", md="03-05", iso="2023-03-05",
        main=("张晓东", ["市商务局党组书记", "局长"], ("宁波市商务局", "市商务局")),
        persons={"张晓东"},
        orgs={"宁波市人民政府新闻办公室"},
        places={("宁波市", "宁波")},
        participants=set(), visited=None,
    ),
    dict(
        id="zh_policy_news_other",
        text=(
            "我省出台支持制造业高质量发展若干政策措施\n"
            "日前,省政府办公厅印发《关于加快推进制造业高质量发展的若干政策措施》,从加大财政支持、强化金融服务、保障用地需求等方面"
            "提出20条具体举措。政策明确,到2025年,全省制造业增加值占地区生产总值比重保持在35%以上。"
            "截至6月底,全省已累计培育国家级专精特新“小巨人”企业1200余家。\n"
        ),
        type="other", md=None, iso=None, main=None,
        persons=set(), orgs=set(), places=set(), participants=set(), visited=set(),
    ),
    dict(
        id="zh_industry_news_short_company_names",
        text=(
            "我市新能源汽车产业链加速集聚\n"
            "近日,记者从市经信局获悉,今年1-6月,我市新能源汽车产量同比增长45%。比亚迪、宁德时代等龙头企业带动效应明显,"
            "全市已集聚上下游配套企业120余家。\n"
        ),
        type="other", md=None, iso=None, main=None,
        persons=set(), orgs={"比亚迪", "宁德时代"}, places=set(), participants=set(), visited=set(),
    ),
    dict(
        id="zh_yesterday_district_meeting",
        text=(
            "全区安全生产工作推进会召开\n"
            "昨天上午,区委副书记、区长陈立新主持召开全区安全生产工作推进会,部署下阶段重点工作。"
            "副区长周斌通报了前期安全生产大检查情况。\n"
        ),
        type="meeting", md=None, iso=None,
        main=("陈立新", ["区委副书记", "区长"], ("区政府", "区委")),
        persons={"陈立新", "周斌"}, orgs=set(), places=set(),
        participants={"周斌"}, visited=set(),
    ),
    dict(
        id="zh_plenary_with_byline",
        text=(
            "市政府召开第十二次全体会议\n"
            "本报讯(记者 李娜 通讯员 王涛)1月16日,市长吴天明主持召开绍兴市政府第十二次全体会议,"
            "总结2022年工作,部署2023年重点任务。常务副市长郑国强作工作报告。\n"
        ),
        type="meeting", md="01-16", iso=None,
        main=("吴天明", ["市长"], "绍兴市政府"),
        persons={"吴天明", "郑国强"}, orgs={"绍兴市政府"}, places={"绍兴市"},
        participants={"郑国强"}, visited=set(),
    ),
    dict(
        id="zh_range_study_tour",
        text=(
            "我市党政代表团赴深圳东莞考察学习\n"
            "4月21日至22日,市委书记沈明带领市党政代表团赴深圳市、东莞市考察学习,先后走访华为技术有限公司、"
            "松山湖高新技术产业开发区等地。市委常委、秘书长黄涛参加考察。\n"
        ),
        type="inspection", md="04-21", iso=None,
        main=("沈明", ["市委书记"], "市委"),
        persons={"沈明", "黄涛"},
        orgs={"华为技术有限公司"},
        places={"深圳市", "东莞市", "松山湖高新技术产业开发区"},
        participants={"黄涛"},
        visited={"华为技术有限公司"},
    ),
    dict(
        id="zh_report_meeting_year_stat",
        text=(
            "县政府听取文旅产业规划汇报\n"
            "2022年12月8日,德清县政府召开文旅产业发展规划汇报会,县长汪建平出席并讲话。会上,规划编制单位汇报了规划初步成果。"
            "据统计,2022年1-11月,全县接待游客同比增长18%。\n"
        ),
        type="meeting", md="12-08", iso="2022-12-08",
        main=("汪建平", ["县长"], "德清县政府"),
        persons={"汪建平"}, orgs={"德清县政府"}, places={("德清县", "德清")},
        participants=set(), visited=set(),
    ),
    dict(
        id="zh_recently_inspection_with_symposium",
        text=(
            "王海峰到企业走访调研\n"
            "近日,象山县委书记王海峰深入石浦镇走访调研渔业企业,并主持召开企业家座谈会。"
            "王书记强调,要做好渔业转型升级文章。县领导刘洋参加调研。\n"
        ),
        type="inspection", md=None, iso=None,
        main=("王海峰", ["象山县委书记"], "象山县委"),
        persons={"王海峰", "刘洋"}, orgs={"象山县委"},
        places={("象山", "象山县"), "石浦镇"},
        participants={"刘洋"}, visited=set(),
    ),
    # --- Traditional script ------------------------------------------------------------------
    dict(
        id="zh_hant_city_inspection",
        text=(
            "溫州市委書記陳國棟調研民營經濟\n"
            "5月9日,溫州市委書記陳國棟到樂清市調研,先後來到正泰集團股份有限公司、柳市鎮電器產業園,"
            "察看企業生產經營情況。陳書記強調,要大力弘揚新時代溫州人精神。副市長林靜陪同調研。\n"
        ),
        type="inspection", md="05-09", iso=None,
        main=("陳國棟", ["溫州市委書記"], "溫州市委"),
        persons={"陳國棟", "林靜"},
        orgs={"溫州市委", "正泰集團股份有限公司"},
        places={"溫州", "樂清市", ("柳市鎮電器產業園", "柳市鎮")},
        participants={"林靜"},
        visited={"正泰集團股份有限公司"},
        places_include=None,
    ),
    dict(
        id="zh_hant_press",
        text=(
            "市政府新聞辦舉行新聞發布會\n"
            "11月3日,杭州市人民政府新聞辦公室舉行新聞發布會。市經信局副局長徐曉明介紹全市數字經濟發展情況,並回答記者提問。\n"
        ),
        type="press_conference", md="11-03", iso=None,
        main=("徐曉明", ["市經信局副局長"], ("杭州市經信局", "市經信局")),
        persons={"徐曉明"}, orgs={"杭州市人民政府新聞辦公室"}, places={("杭州市", "杭州")},
        participants=set(), visited=None,
    ),
    # --- English ----------------------------------------------------------------------------
    dict(
        id="en_provincial_secretary",
        text=(
            "Wang Haoran inspects new energy vehicle industry in Huzhou\n"
            "On September 29, Wang Haoran, Secretary of the Zhejiang Provincial Party Committee, visited Huzhou City to inspect "
            "the development of the new energy vehicle industry. He visited Tianneng Group and Chaowei Power Holdings Limited. "
            "Li Ming, Secretary of the Huzhou Municipal Party Committee, and Vice Governor Zhou Xin accompanied the inspection.\n"
        ),
        type="inspection", md="09-29", iso=None,
        main=("Wang Haoran", ["Secretary of the Zhejiang Provincial Party Committee"], "Zhejiang Provincial Party Committee"),
        persons={"Wang Haoran", "Li Ming", "Zhou Xin"},
        orgs={"Zhejiang Provincial Party Committee", "Tianneng Group", "Chaowei Power Holdings Limited",
              "Huzhou Municipal Party Committee"},
        places={"Zhejiang", "Huzhou City"},  # the fullest written form (ANNOTATION.md); Huzhou is its alias
        participants={"Li Ming", "Zhou Xin"},
        visited={"Tianneng Group", "Chaowei Power Holdings Limited"},
    ),
    dict(
        id="en_mayor_executive_meeting",
        text=(
            "Jinhua holds executive meeting of the municipal government\n"
            "On Sept. 12, Mayor Chen Long presided over the executive meeting of the Jinhua Municipal Government to study "
            "measures for stabilizing industrial growth. Vice Mayor Zhang Wei attended the meeting.\n"
        ),
        type="meeting", md="09-12", iso=None,
        main=("Chen Long", ["Mayor"], "Jinhua Municipal Government"),
        persons={"Chen Long", "Zhang Wei"}, orgs={"Jinhua Municipal Government"}, places={"Jinhua"},
        participants={"Zhang Wei"}, visited=set(),
    ),
    dict(
        id="en_party_chief_dmy",
        text=(
            "Changzhou Party chief visits photovoltaic companies\n"
            "On 12 March 2023, Liu Jian, Party secretary of Changzhou, visited Trina Solar Co., Ltd. in Wujin District "
            "to learn about the development of the photovoltaic industry. Sun Hao, Party chief of Wujin District, accompanied him.\n"
        ),
        type="inspection", md="03-12", iso="2023-03-12",
        main=("Liu Jian", ["Party secretary of Changzhou"], None),
        persons={"Liu Jian", "Sun Hao"}, orgs={"Trina Solar Co., Ltd."}, places={"Changzhou", ("Wujin", "Wujin District")},
        participants={"Sun Hao"}, visited={"Trina Solar Co., Ltd."},
    ),
    dict(
        id="en_press_conference_spokesperson",
        text=(
            "Shenzhen holds press conference on foreign trade\n"
            "On August 3, the Information Office of the Shenzhen Municipal Government held a press conference. Huang Min, "
            "spokesperson of the Shenzhen Municipal Bureau of Commerce, introduced the city's foreign trade in the first half "
            "of the year and answered reporters' questions.\n"
        ),
        type="press_conference", md="08-03", iso=None,
        main=("Huang Min", ["spokesperson of the Shenzhen Municipal Bureau of Commerce"], "Shenzhen Municipal Bureau of Commerce"),
        persons={"Huang Min"},
        orgs={"Information Office of the Shenzhen Municipal Government", "Shenzhen Municipal Bureau of Commerce"},
        places={"Shenzhen"},
        participants=set(), visited=None,
    ),
    dict(
        id="en_recently_governor_symposium",
        text=(
            "Governor chairs symposium with private entrepreneurs\n"
            "Recently, Governor Zhao Gang of Fujian Province chaired a symposium with private entrepreneurs in Fuzhou. "
            "Representatives from Anta Sports and Fujian Septwolves Industry Co., Ltd. spoke at the symposium.\n"
        ),
        type="symposium", md=None, iso=None,
        main=("Zhao Gang", ["Governor"], ("Fujian Provincial Government", "Provincial Government")),
        persons={"Zhao Gang"},
        orgs={"Anta Sports", "Fujian Septwolves Industry Co., Ltd."},
        places={("Fujian", "Fujian Province"), "Fuzhou"},
        participants=set(),
        visited={"Anta Sports", "Fujian Septwolves Industry Co., Ltd."},
    ),

    # --- second batch: harder variants ---------------------------------------------------------
    dict(
        id="zh_governor_many_companions",
        text=(
            "省长周立平在绍兴调研纺织产业转型升级\n"
            "9月27日,省长周立平在绍兴市柯桥区调研纺织产业转型升级工作。他先后来到中国轻纺城、浙江迎丰科技股份有限公司,"
            "详细了解市场交易和印染企业技改情况。省委常委、常务副省长许建新,省政府秘书长陆涛,绍兴市委书记温和平、市长钱伟陪同调研。\n"
        ),
        type="inspection", md="09-27", iso=None,
        main=("周立平", ["省长"], "省政府"),
        persons={"周立平", "许建新", "陆涛", "温和平", "钱伟"},
        orgs={"中国轻纺城", "浙江迎丰科技股份有限公司", "绍兴市委"},
        places={("绍兴市", "绍兴"), "柯桥区"},
        participants={"许建新", "陆涛", "温和平", "钱伟"},
        visited={"中国轻纺城", "浙江迎丰科技股份有限公司"},
    ),
    dict(
        id="zh_village_chain_honorific_same_surname",
        text=(
            "张书记到王家村督导人居环境整治\n"
            "3月9日,通渭县委书记张明远到常河镇王家村督导农村人居环境整治工作。常河镇党委书记张丽陪同。"
            "张明远书记指出,要把人居环境整治作为乡村振兴的重要抓手。\n"
        ),
        type="inspection", md="03-09", iso=None,
        main=("张明远", ["通渭县委书记"], "通渭县委"),
        persons={"张明远", "张丽"},
        orgs={"通渭县委", "常河镇党委"},
        places={("通渭", "通渭县"), ("常河镇", "常河"), "王家村"},
        participants={"张丽"}, visited=set(),
    ),
    dict(
        id="zh_press_spokesperson_answers",
        text=(
            "我市召开优化营商环境新闻发布会\n"
            "6月16日上午,温州市政府新闻办召开新闻发布会。市政府新闻发言人、市政府副秘书长叶青松出席发布会,"
            "介绍我市优化营商环境有关举措,并回答记者提问。市发展改革委副主任陈斌、市市场监管局副局长胡晓明参加发布会。\n"
        ),
        type="press_conference", md="06-16", iso=None,
        main=("叶青松", ["市政府新闻发言人", "市政府副秘书长"], None),
        persons={"叶青松", "陈斌", "胡晓明"},
        orgs={"温州市政府新闻办"},
        places={"温州市"},
        participants={"陈斌", "胡晓明"}, visited=None,
    ),
    dict(
        id="zh_meeting_work_conference_statistics",
        text=(
            "全市经济工作会议召开\n"
            "截至11月底,全市规上工业增加值同比增长7.8%。12月26日,丽水市委经济工作会议召开,市委书记胡海峰出席会议并讲话,"
            "市长吴晓东主持会议。\n"
        ),
        type="meeting", md="12-26", iso=None,
        main=("胡海峰", ["市委书记"], "丽水市委"),
        persons={"胡海峰", "吴晓东"}, orgs={"丽水市委"}, places={"丽水市"},
        participants={"吴晓东"}, visited=set(),
    ),
    dict(
        id="zh_recently_pubtime_relative",
        text=(
            "发布时间:2023-05-06 10:20:31\n"
            "县领导走访慰问困难企业\n"
            "近日,平阳县委副书记、县长林晓峰带队走访鳌江镇部分困难企业,帮助协调解决企业融资难题。\n"
        ),
        type="inspection", md=None, iso=None,
        main=("林晓峰", ["平阳县委副书记", "县长"], ("平阳县政府", "平阳县委", "县政府")),
        persons={"林晓峰"}, orgs={"平阳县委"},
        places={("平阳", "平阳县"), "鳌江镇"},
        participants=set(), visited=set(),
    ),
    dict(
        id="zh_hant_qa_fullwidth",
        text=(
            "台州市舉行穩經濟新聞發布會\n"
            "2023年7月12日，台州市人民政府新聞辦公室舉行新聞發布會。\n"
            "記者提問：下半年我市將如何幫扶中小企業？\n"
            "市經信局局長黃志剛答：我們將持續開展“萬名幹部進萬企”活動，幫助企業解決實際困難。\n"
        ),
        type="press_conference", md="07-12", iso="2023-07-12",
        main=("黃志剛", ["市經信局局長"], ("台州市經信局", "市經信局")),
        persons={"黃志剛"}, orgs={"台州市人民政府新聞辦公室"},
        places={("台州市", "台州")},
        participants=set(), visited=None,
    ),
    dict(
        id="zh_enterprise_symposium_mayor",
        text=(
            "市长主持召开外资企业座谈会\n"
            "8月2日下午,嘉兴市市长陈明华主持召开外资企业座谈会,听取企业对优化营商环境的意见建议。"
            "嘉兴敏实汽车零部件有限公司、日本电产(浙江)有限公司等12家外资企业代表参加座谈。副市长李建国参加会议。\n"
        ),
        type="symposium", md="08-02", iso=None,
        main=("陈明华", ["嘉兴市市长"], "嘉兴市政府"),
        persons={"陈明华", "李建国"}, orgs=None,
        orgs_include={"嘉兴敏实汽车零部件有限公司"},
        places={("嘉兴", "嘉兴市")},
        participants={"李建国"}, visited=None,
    ),
    dict(
        id="en_lowercase_titles_yesterday",
        text=(
            "Jiangsu governor inspects flood control\n"
            "Yesterday, Xu Kun, deputy secretary of the Jiangsu Provincial Party Committee and governor of Jiangsu Province, "
            "inspected flood control work in Yangzhou. Vice Governor Ma Lin accompanied the inspection.\n"
        ),
        type="inspection", md=None, iso=None,
        main=("Xu Kun", None, None),
        persons={"Xu Kun", "Ma Lin"},
        orgs={"Jiangsu Provincial Party Committee"},
        places={"Jiangsu Province", "Yangzhou"},  # the fullest written form; Jiangsu is its alias
        participants={"Ma Lin"}, visited=set(),
    ),
    dict(
        id="en_vice_mayor_symposium",
        text=(
            "Vice mayor chairs symposium on textile industry\n"
            "On April 21-22, Vice Mayor Chen Hui of Shaoxing chaired a symposium on the textile industry in Keqiao District. "
            "Representatives of Zhejiang Yingfeng Technology Co., Ltd. and China Light Textile City attended the symposium.\n"
        ),
        type="symposium", md="04-21", iso=None,
        main=("Chen Hui", ["Vice Mayor"], None),
        persons={"Chen Hui"},
        orgs={"Zhejiang Yingfeng Technology Co., Ltd.", "China Light Textile City"},
        places={"Shaoxing", ("Keqiao", "Keqiao District")},
        participants=set(), visited=None,
    ),
    dict(
        id="zh_industry_company_announcement_other",
        text=(
            "宁德时代发布2023年半年度报告\n"
            "7月25日晚,宁德时代新能源科技股份有限公司发布2023年半年度报告。报告显示,今年1-6月,公司实现营业收入1892亿元,"
            "同比增长67.5%。\n"
        ),
        type="other", md="07-25", iso=None, main=None,
        persons=set(), orgs={("宁德时代新能源科技股份有限公司", "宁德时代")}, places=set(),
        participants=set(), visited=set(),
    ),
]
