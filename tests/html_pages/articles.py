"""Articles for the HTML test pages: written for this project (made-up places, people and firms).

Each article is a headline and a list of blocks: plain strings are paragraphs, ("h", s) a subhead,
("cap", s) a photo caption. The gold text of a page is the headline and these blocks, in order.
"""

ARTICLES = {
    "zh_county": dict(
        title="县委书记韩立明调研园区重点企业",
        date="2024-03-18 10:21", source="临川县融媒体中心", editor="许文静",
        blocks=[
            "3月16日，县委书记韩立明深入经济开发区，走访调研鸿远精密机械有限公司、青禾新材料科技有限公司等重点企业，详细了解企业生产经营、技术改造和项目建设情况。",
            "在鸿远精密机械有限公司，韩立明走进生产车间，察看智能化生产线运行情况，与企业负责人深入交流，询问订单储备和用工保障等问题。",
            ("h", "一、坚定发展信心"),
            "韩立明指出，今年以来全县工业经济稳中有进，企业是经济发展的主体，要坚定信心、抢抓机遇，加大研发投入，不断提升核心竞争力。",
            ("h", "二、优化营商环境"),
            "韩立明强调，各级各部门要当好服务企业的“店小二”，主动靠前帮助企业解决融资、用地、人才等方面的实际困难，为企业发展营造良好环境。",
            "县领导周海涛、县直有关部门主要负责同志参加调研。",
        ],
    ),
    "zh_city_meeting": dict(
        title="全市一季度经济运行分析会召开",
        date="2024-04-09 18:40", source="北湖日报", editor="林晓",
        blocks=[
            "4月8日下午，市委副书记、市长邵建华主持召开全市一季度经济运行分析会，听取各县区和市直部门工作汇报，分析研判当前经济形势，安排部署下一阶段重点工作。",
            "会议指出，一季度全市地区生产总值同比增长5.8%，规模以上工业增加值增长7.1%，固定资产投资增长6.4%，主要经济指标实现良好开局。",
            "邵建华强调，要牢牢扭住项目建设这个“牛鼻子”，加快推进在建项目进度，确保新开工项目尽早形成实物工作量；要全力稳住外贸基本盘，支持企业参加境内外展会、拓展国际市场。",
            ("cap", "会议现场。记者 马骁 摄"),
            "邵建华要求，各地各部门要树牢“抓经济就是抓发展”的鲜明导向，压紧压实责任，以时不我待的紧迫感推动各项任务落地见效，奋力夺取“双过半”。",
            "市领导陈卫东、刘芳出席会议。",
        ],
    ),
    "zh_forum": dict(
        title="第三届纺织产业创新发展论坛在东港举行",
        date="2024-05-21 09:05", source="东港新闻网", editor="孙楠",
        blocks=[
            "5月20日，第三届纺织产业创新发展论坛在东港国际会展中心举行。来自全国各地的行业专家、企业代表共300余人齐聚一堂，共话纺织产业转型升级。",
            "省工业和信息化厅副厅长吴永亮在致辞中表示，纺织产业是我省传统优势产业，要以数字化、绿色化为方向，推动产业链向高端延伸。",
            "论坛期间，与会嘉宾围绕智能制造、功能性面料研发、品牌建设等议题作主旨演讲。活动现场共签约项目12个，总投资额达46.5亿元。",
            "据了解，东港市现有纺织服装企业1800余家，其中规模以上企业236家，去年全产业链产值突破千亿元。",
        ],
    ),
    "zh_press": dict(
        title="我市举行优化营商环境新闻发布会",
        date="2024-06-12 15:30", source="南屿市人民政府新闻办公室", editor="郑海燕",
        blocks=[
            "6月12日上午，南屿市人民政府新闻办公室举行新闻发布会，市发展和改革委员会主任黄志刚介绍我市优化营商环境三年行动方案有关情况，并回答记者提问。",
            "黄志刚介绍，行动方案聚焦市场准入、政务服务、要素保障、法治环境等领域，提出了28条具体措施，力争到2026年营商环境主要指标进入全省第一方阵。",
            "在回答记者关于企业开办时间的提问时，黄志刚表示，目前我市企业开办已实现全程网办，平均用时压缩至1个工作日以内。",
            "市市场监督管理局、市行政审批服务局有关负责同志出席发布会并回答提问。",
        ],
    ),
    "zh_symposium": dict(
        title="市政协召开民营企业家座谈会",
        date="2024-07-03 17:12", source="西川政协网", editor="赵一鸣",
        blocks=[
            "7月2日，市政协主席田国平主持召开民营企业家座谈会，面对面听取企业家对推动民营经济高质量发展的意见建议。",
            "座谈会上，8位企业家代表结合企业实际，围绕拓宽融资渠道、降低物流成本、加强人才引进等方面畅所欲言，提出了许多具有针对性的意见建议。",
            "田国平认真倾听大家的发言，不时与企业家交流互动。他表示，民营企业是推动发展的重要力量，市政协将充分发挥协商民主作用，把企业家的呼声转化为有质量的提案和建议。",
            "市政协副主席、秘书长李春燕参加座谈。",
        ],
    ),
    "zh_township": dict(
        title="石桥镇开展安全生产大检查",
        date="2024-08-15 11:00", source="石桥镇人民政府", editor="王琳",
        blocks=[
            "为切实做好汛期安全生产工作，8月14日，石桥镇党委书记彭勇带队深入辖区企业、建筑工地和在建项目开展安全生产大检查。",
            "检查组一行先后来到三家规模以上企业和两处建筑工地，详细查看了消防设施配备、危化品储存、高空作业防护等情况，对发现的问题当场提出整改意见。",
            "彭勇要求，各企业要切实履行安全生产主体责任，全面排查整治各类风险隐患，坚决防范和遏制各类安全事故发生。",
        ],
    ),
    "zh_newspaper": dict(
        title="丰河市加快建设现代物流枢纽",
        date="2024-09-02", source="丰河日报", editor="",
        blocks=[
            "记者从市发展改革部门获悉，今年以来，丰河市围绕建设区域性现代物流枢纽，加快推进一批重大物流项目，全市社会物流总额同比增长9.3%。",
            "在丰河港综合物流园，集装箱堆场上一派繁忙景象。园区负责人介绍，二期工程投用后，园区年吞吐能力将提升至120万标箱。",
            "市发展改革委相关负责人表示，下一步将积极推动多式联运发展，完善冷链物流体系，降低全社会物流成本，为产业发展提供有力支撑。",
        ],
    ),
    "zh_visit": dict(
        title="省商务厅厅长赵宏亮来我区考察外贸企业",
        date="2024-10-11 08:45", source="江北区融媒体中心", editor="钱多多",
        blocks=[
            "10月10日，省商务厅党组书记、厅长赵宏亮一行来我区考察外贸企业发展情况。区委书记林海波、区长汪静陪同考察。",
            "赵宏亮一行先后来到跨境电商产业园、锦程服饰进出口有限公司，详细了解企业出口订单、海外仓布局和品牌建设等情况。",
            "赵宏亮指出，江北区外贸基础扎实、特色鲜明，要积极培育外贸新业态新模式，支持企业开拓多元化市场，推动外贸稳规模、优结构。",
            "林海波表示，江北区将认真落实考察要求，进一步优化外贸服务，全力推动外贸高质量发展。",
        ],
    ),
    "zh_signing": dict(
        title="新能源电池材料项目签约落户高新区",
        date="2024-11-06 16:20", source="南岭高新区管委会", editor="韦小宝",
        blocks=[
            "11月5日，南岭高新区与华澜新能源科技集团举行新能源电池材料项目签约仪式。高新区党工委书记何志远、华澜集团董事长孔令杰出席并见证签约。",
            "该项目总投资约30亿元，主要建设正极材料生产线及研发中心，全部达产后预计年产值可达50亿元，新增就业岗位1200个。",
            "何志远表示，高新区将组建专班全程跟踪服务，推动项目早开工、早投产、早见效。",
        ],
    ),
    "zh_notice": dict(
        title="关于开展2024年度中小企业数字化转型试点申报工作的通知",
        date="2024-02-27 09:30", source="清溪市工业和信息化局", editor="",
        blocks=[
            "各县（市、区）工业和信息化主管部门，各有关企业：",
            "为加快推动中小企业数字化转型，根据省有关工作部署，现就开展2024年度中小企业数字化转型试点申报工作有关事项通知如下。",
            ("h", "一、申报条件"),
            "申报企业应在我市依法注册登记，具有独立法人资格，近两年未发生重大安全、环保、质量事故，且数字化转型基础较好、示范带动作用明显。",
            ("h", "二、申报时间"),
            "申报截止时间为2024年3月31日，逾期不予受理。请各地认真组织推荐，确保申报材料真实有效。",
            "联系人：市工业和信息化局中小企业科。",
        ],
    ),
    "zh_wechat": dict(
        title="这场招聘会，200多家企业带来5000余个岗位",
        date="2024-03-02", source="云溪人社", editor="",
        blocks=[
            "3月1日，云溪市2024年春风行动大型招聘会在市体育中心举行，吸引了200多家企业进场招聘，提供就业岗位5000余个。",
            "招聘会现场人头攒动，求职者穿梭在各个展位之间，仔细询问岗位要求和薪资待遇。不少企业现场就与求职者达成了初步就业意向。",
            "据市人力资源和社会保障局相关负责人介绍，本次招聘会涵盖制造、电子商务、医疗护理等多个行业，其中技能型岗位占比超过六成。",
            "下一步，市人社部门还将陆续举办高校毕业生专场、退役军人专场等系列招聘活动，持续为企业和求职者搭建对接平台。",
        ],
    ),
    "zh_repeat": dict(
        title="湖滨区召开文旅产业发展推进会",
        date="2024-04-26 19:02", source="湖滨发布", editor="唐雪",
        blocks=[
            "4月25日，湖滨区召开文旅产业发展推进会，总结去年文旅工作，部署今年重点任务。区委副书记、区长顾明远出席会议并讲话。",
            "顾明远强调，要深挖湖滨山水和历史文化资源，打造一批精品旅游线路和文旅消费新场景，推动文旅产业提质增效。",
            "会上，区文化广电旅游体育局负责人通报了重点文旅项目建设情况，3个街道作交流发言。",
        ],
    ),
    "zh_hant_tw": dict(
        title="縣長陳志明視察科技園區建設進度",
        date="2024-05-08 14:10", source="嘉和縣政府新聞處", editor="林怡君",
        blocks=[
            "嘉和縣長陳志明7日上午前往科技園區，視察第二期公共工程及標準廠房建設進度，並聽取工程單位簡報。",
            "陳志明表示，科技園區是縣府推動產業升級的重要據點，目前已有十七家廠商完成進駐，預計明年全區完工後可創造三千個就業機會。",
            "他要求工程團隊在確保施工品質與工地安全的前提下，加快各項工程進度，讓廠商能夠儘早投產。",
            "建設處長黃文彬說明，第二期工程整體進度已達百分之七十二，較預定進度超前。",
        ],
    ),
    "zh_hant_hk": dict(
        title="商務局局長出席灣區創科合作論壇",
        date="2024-06-19 20:35", source="港灣新聞網", editor="",
        blocks=[
            "商務及經濟發展局局長梁家樂今日出席灣區創科合作論壇並致辭，介紹特區政府推動創新科技產業發展的最新措施。",
            "梁家樂表示，特區政府將繼續善用本地科研優勢，加強與大灣區內地城市的合作，推動更多科研成果落地轉化。",
            "論壇吸引了約四百名來自政府、學術界及業界的代表參加，與會者就人工智能、生物科技及綠色金融等議題進行深入交流。",
        ],
    ),
    "en_visit": dict(
        title="Provincial Governor Inspects New Energy Projects in Riverside County",
        date="2024-07-22", source="Lanzhou Valley Daily", editor="Zhang Wei",
        blocks=[
            "Governor Liu Hongbo of the province visited Riverside County on Monday to inspect several new energy projects and meet with local officials and business leaders.",
            "At a solar panel factory run by Brightfield Energy, Liu toured the assembly lines and asked managers about export orders, research spending and the supply of skilled workers.",
            "Liu said the province would continue to support the clean energy sector with land, financing and talent policies, and urged local governments to cut red tape for investors.",
            "County Party Secretary Wang Jianping and Mayor Chen Lin accompanied the governor during the inspection.",
        ],
    ),
    "en_forum": dict(
        title="Textile Industry Forum Draws Global Buyers to Eastport",
        date="2024-09-17", source="Eastport News", editor="",
        blocks=[
            "More than 500 buyers and manufacturers from 30 countries gathered in Eastport on Tuesday for the annual textile industry forum, organizers said.",
            "Speaking at the opening ceremony, Vice-Mayor Sun Li said the city would invest in digital design centers and green dyeing technologies to help local mills move up the value chain.",
            "During the three-day event, exhibitors will showcase functional fabrics, recycled fibers and smart garments. Deals worth about 2 billion yuan are expected to be signed.",
            "The forum, first held in 2016, has become one of the largest industry gatherings in the region.",
        ],
    ),
}
