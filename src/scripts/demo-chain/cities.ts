/**
 * Facts about the cities of the demo chain: where each city's centre is, how far its urban
 * area reaches, its real area code, province, urban districts and some of their real roads,
 * and the water (lakes, sea, rivers, the Hong Kong border) a shop must not land in.
 *
 * Centres are well-known central points (a main square or the old commercial centre), to
 * about 0.01°. District points are the approximate middle of each district's built-up part:
 * a generated shop takes the district whose point is nearest, so its address district and
 * its coordinates agree. Roads are listed under the district they (mostly) run through.
 * The keep-out shapes are deliberately generous simplifications, not survey lines.
 *
 * Pure data: no I/O, no Medusa imports. Generators live in shops.ts and territories.ts.
 */

export interface Road {
  /** As written in an address: 南屏街, 人民中路. */
  zh: string
  /** As used in an English shop name: Nanping Street. */
  en: string
}

export interface CityArea {
  /** The district (区) as written in an address: 五华区. */
  name: string
  /** Approximate middle of the district's built-up part. */
  lat: number
  lng: number
  roads: Road[]
}

/** A shape no shop may be placed in: a lake, the sea, a river, a border. */
export type AvoidZone =
  | { kind: "circle"; label: string; lat: number; lng: number; radius_km: number }
  /** A closed ring of [lat, lng] points. */
  | { kind: "polygon"; label: string; points: ReadonlyArray<readonly [number, number]> }
  /** A river as a centre line of [lat, lng] points and a half width. */
  | { kind: "river"; label: string; points: ReadonlyArray<readonly [number, number]>; half_width_km: number }

/** For big cities: two district territories, each covering some of the city's districts. */
export interface CityTerritory {
  /** Appended to the district territory code: D-KM-N. */
  suffix: string
  name: string
  name_en: string
  /** District (区) names covered; every area of the city is in exactly one. */
  areas: string[]
}

export interface City {
  /** Pinyin initials, the prefix of shop codes: KM → KM-001. */
  code: string
  name: string
  name_en: string
  province: string
  province_en: string
  lat: number
  lng: number
  /** Urban radius around the centre within which shops are spread. */
  radius_km: number
  /** Long-distance area code, the prefix of shop phone numbers. */
  area_code: string
  /** Digits of a local landline number after the area code. */
  phone_digits: 7 | 8
  /** District (区) names, derived from `areas`. */
  districts: string[]
  /** Territory code of the city's region (R-SW …). */
  region_code: string
  /** 1 = first-tier or the home city, 2 = large provincial capital, 3 = smaller city. */
  tier: 1 | 2 | 3
  /** Retail shops (warehouses not counted) in the "full" demo chain. */
  full_shops: number
  areas: CityArea[]
  avoid: AvoidZone[]
  /** Absent: the city is one district territory. */
  territories?: CityTerritory[]
  /** The famous shopping street that the city's first flagship stands on. */
  flagship_road?: string
  /**
   * Far-western cities keep later wall-clock hours in Beijing time (Urumqi is ~2 h of sun
   * behind Beijing but uses China Standard Time): added to the usual hours.
   */
  hours_offset_min?: number
}

export interface Region {
  /** Territory code: R-SW. */
  code: string
  name: string
  name_en: string
  /** Code of the city where the region's distribution centre stands. */
  main_city: string
}

export const TIME_ZONE = "Asia/Shanghai"

/** The chain's head office. */
export const HQ = { code: "HQ", name: "集团总部（昆明）", name_en: "Head Office (Kunming)", city: "KM" } as const

export const REGIONS: Region[] = [
  { code: "R-SW", name: "西南大区", name_en: "Southwest Region", main_city: "KM" },
  { code: "R-EC", name: "华东大区", name_en: "East China Region", main_city: "SH" },
  { code: "R-SC", name: "华南大区", name_en: "South China Region", main_city: "GZ" },
  { code: "R-NC", name: "华北大区", name_en: "North China Region", main_city: "BJ" },
  { code: "R-CC", name: "华中大区", name_en: "Central China Region", main_city: "WH" },
  { code: "R-NW", name: "西北大区", name_en: "Northwest Region", main_city: "XA" },
  { code: "R-NE", name: "东北大区", name_en: "Northeast Region", main_city: "SY" },
]

/**
 * Warehouses beyond the one distribution centre per region. Urumqi's forward warehouse runs
 * on local (Xinjiang) time, the one place in the demo where a location's timezone is not
 * Asia/Shanghai.
 */
export const FORWARD_WAREHOUSES = [
  { city: "WLMQ", name: "乌鲁木齐前置仓", name_en: "Urumqi Forward Warehouse", timezone: "Asia/Urumqi" },
] as const

// ---------------------------------------------------------------------------------------------
// Small builders so the table below stays a table.

type RawArea = [name: string, lat: number, lng: number, roads: string[]]
type RawCity = Omit<City, "districts" | "areas" | "avoid" | "phone_digits"> & {
  phone_digits?: 7 | 8
  areas: RawArea[]
  avoid?: AvoidZone[]
}

function road(spec: string): Road {
  const [zh, en] = spec.split("|")
  if (!zh || !en) throw new Error(`road "${spec}" must be "中文|English"`)
  return { zh, en }
}

function city(raw: RawCity): City {
  const areas = raw.areas.map(([name, lat, lng, roads]) => ({ name, lat, lng, roads: roads.map(road) }))
  return {
    ...raw,
    phone_digits: raw.phone_digits ?? 8,
    districts: areas.map((a) => a.name),
    areas,
    avoid: raw.avoid ?? [],
  }
}

const circle = (label: string, lat: number, lng: number, radius_km: number): AvoidZone => ({
  kind: "circle",
  label,
  lat,
  lng,
  radius_km,
})
const polygon = (label: string, points: Array<[number, number]>): AvoidZone => ({ kind: "polygon", label, points })
const river = (label: string, half_width_km: number, points: Array<[number, number]>): AvoidZone => ({
  kind: "river",
  label,
  points,
  half_width_km,
})

// ---------------------------------------------------------------------------------------------

export const CITIES: City[] = [
  // ======================================== 西南大区 ========================================
  city({
    code: "KM", name: "昆明", name_en: "Kunming", province: "云南省", province_en: "Yunnan",
    lat: 25.0406, lng: 102.7123, radius_km: 10, area_code: "0871", region_code: "R-SW", tier: 1, full_shops: 26,
    flagship_road: "南屏街",
    areas: [
      ["五华区", 25.052, 102.7, ["南屏街|Nanping Street", "正义路|Zhengyi Road", "人民中路|Renmin Middle Road", "青年路|Qingnian Road", "东风西路|Dongfeng West Road", "一二一大街|Yi'eryi Avenue", "学府路|Xuefu Road", "西昌路|Xichang Road"]],
      ["盘龙区", 25.065, 102.728, ["北京路|Beijing Road", "白塔路|Baita Road", "东风东路|Dongfeng East Road", "穿金路|Chuanjin Road", "联盟路|Lianmeng Road"]],
      ["官渡区", 25.012, 102.748, ["春城路|Chuncheng Road", "民航路|Minhang Road", "关上中路|Guanshang Middle Road", "金马路|Jinma Road", "广福路|Guangfu Road"]],
      ["西山区", 25.03, 102.672, ["滇池路|Dianchi Road", "前兴路|Qianxing Road", "人民西路|Renmin West Road", "西园路|Xiyuan Road", "昌源中路|Changyuan Middle Road"]],
    ],
    territories: [
      { suffix: "N", name: "昆明北片区", name_en: "Kunming North", areas: ["五华区", "盘龙区"] },
      { suffix: "S", name: "昆明南片区", name_en: "Kunming South", areas: ["官渡区", "西山区"] },
    ],
    avoid: [
      circle("滇池草海", 25.005, 102.655, 1.5),
      circle("滇池草海南部", 24.975, 102.645, 2.0),
      circle("滇池外海北部", 24.95, 102.69, 3.5),
      circle("滇池外海", 24.88, 102.7, 6.0),
    ],
  }),
  city({
    code: "QJ", name: "曲靖", name_en: "Qujing", province: "云南省", province_en: "Yunnan",
    lat: 25.4911, lng: 103.7961, radius_km: 5, area_code: "0874", phone_digits: 7, region_code: "R-SW", tier: 3, full_shops: 6,
    areas: [
      ["麒麟区", 25.495, 103.795, ["麒麟南路|Qilin South Road", "麒麟北路|Qilin North Road", "南宁西路|Nanning West Road", "寥廓南路|Liaokuo South Road", "文昌街|Wenchang Street"]],
    ],
  }),
  city({
    code: "YX", name: "玉溪", name_en: "Yuxi", province: "云南省", province_en: "Yunnan",
    lat: 24.352, lng: 102.543, radius_km: 4, area_code: "0877", phone_digits: 7, region_code: "R-SW", tier: 3, full_shops: 5,
    areas: [
      ["红塔区", 24.354, 102.544, ["红塔大道|Hongta Avenue", "聂耳路|Nie'er Road", "珊瑚路|Shanhu Road", "凤凰路|Fenghuang Road"]],
    ],
  }),
  city({
    code: "CD", name: "成都", name_en: "Chengdu", province: "四川省", province_en: "Sichuan",
    lat: 30.6574, lng: 104.0658, radius_km: 12, area_code: "028", region_code: "R-SW", tier: 1, full_shops: 12,
    flagship_road: "春熙路",
    areas: [
      ["锦江区", 30.652, 104.088, ["春熙路|Chunxi Road", "红星路|Hongxing Road", "东大街|Dongda Street", "总府路|Zongfu Road"]],
      ["青羊区", 30.674, 104.045, ["人民中路|Renmin Middle Road", "蜀都大道|Shudu Avenue", "光华大道|Guanghua Avenue", "青华路|Qinghua Road"]],
      ["金牛区", 30.705, 104.05, ["营门口路|Yingmenkou Road", "金府路|Jinfu Road", "沙湾路|Shawan Road", "蜀汉路|Shuhan Road"]],
      ["武侯区", 30.63, 104.045, ["武侯祠大街|Wuhouci Street", "科华北路|Kehua North Road", "人民南路|Renmin South Road", "玉林路|Yulin Road", "高升桥路|Gaoshengqiao Road"]],
      ["成华区", 30.672, 104.108, ["建设路|Jianshe Road", "府青路|Fuqing Road", "双林路|Shuanglin Road", "二仙桥东路|Erxianqiao East Road"]],
    ],
    territories: [
      { suffix: "E", name: "成都东片区", name_en: "Chengdu East", areas: ["锦江区", "成华区"] },
      { suffix: "W", name: "成都西片区", name_en: "Chengdu West", areas: ["青羊区", "金牛区", "武侯区"] },
    ],
  }),
  city({
    code: "CQ", name: "重庆", name_en: "Chongqing", province: "重庆市", province_en: "Chongqing",
    lat: 29.5576, lng: 106.577, radius_km: 12, area_code: "023", region_code: "R-SW", tier: 1, full_shops: 11,
    flagship_road: "民权路",
    areas: [
      ["渝中区", 29.553, 106.565, ["民权路|Minquan Road", "邹容路|Zourong Road", "民族路|Minzu Road", "中山一路|Zhongshan 1st Road", "大坪正街|Daping Main Street"]],
      ["江北区", 29.578, 106.535, ["建新北路|Jianxin North Road", "建新南路|Jianxin South Road", "洋河路|Yanghe Road", "红锦大道|Hongjin Avenue"]],
      ["南岸区", 29.525, 106.57, ["南坪正街|Nanping Main Street", "江南大道|Jiangnan Avenue", "南城大道|Nancheng Avenue"]],
      ["沙坪坝区", 29.558, 106.458, ["沙坪坝正街|Shapingba Main Street", "小龙坎正街|Xiaolongkan Main Street", "汉渝路|Hanyu Road"]],
      ["九龙坡区", 29.505, 106.515, ["杨家坪正街|Yangjiaping Main Street", "西郊路|Xijiao Road", "谢家湾正街|Xiejiawan Main Street", "石杨路|Shiyang Road"]],
    ],
    territories: [
      { suffix: "E", name: "重庆东片区", name_en: "Chongqing East", areas: ["渝中区", "江北区", "南岸区"] },
      { suffix: "W", name: "重庆西片区", name_en: "Chongqing West", areas: ["沙坪坝区", "九龙坡区"] },
    ],
  }),
  city({
    code: "GY", name: "贵阳", name_en: "Guiyang", province: "贵州省", province_en: "Guizhou",
    lat: 26.5783, lng: 106.7135, radius_km: 10, area_code: "0851", region_code: "R-SW", tier: 2, full_shops: 6,
    areas: [
      ["云岩区", 26.592, 106.715, ["中华北路|Zhonghua North Road", "延安中路|Yan'an Middle Road", "北京路|Beijing Road", "宝山北路|Baoshan North Road"]],
      ["南明区", 26.565, 106.716, ["中华南路|Zhonghua South Road", "都司路|Dusi Road", "遵义路|Zunyi Road", "富水南路|Fushui South Road"]],
      ["观山湖区", 26.615, 106.63, ["长岭北路|Changling North Road", "林城西路|Lincheng West Road", "金阳南路|Jinyang South Road"]],
    ],
  }),

  // ======================================== 华东大区 ========================================
  city({
    code: "SH", name: "上海", name_en: "Shanghai", province: "上海市", province_en: "Shanghai",
    lat: 31.2304, lng: 121.4737, radius_km: 13, area_code: "021", region_code: "R-EC", tier: 1, full_shops: 14,
    flagship_road: "南京东路",
    areas: [
      ["黄浦区", 31.228, 121.485, ["南京东路|Nanjing East Road", "淮海中路|Huaihai Middle Road", "西藏中路|Xizang Middle Road", "河南中路|Henan Middle Road", "复兴中路|Fuxing Middle Road"]],
      ["静安区", 31.245, 121.455, ["南京西路|Nanjing West Road", "江宁路|Jiangning Road", "万航渡路|Wanhangdu Road", "共和新路|Gonghexin Road"]],
      ["徐汇区", 31.185, 121.437, ["漕溪北路|Caoxi North Road", "肇嘉浜路|Zhaojiabang Road", "衡山路|Hengshan Road", "天钥桥路|Tianyaoqiao Road"]],
      ["长宁区", 31.215, 121.41, ["长宁路|Changning Road", "天山路|Tianshan Road", "遵义路|Zunyi Road", "愚园路|Yuyuan Road", "仙霞路|Xianxia Road"]],
      ["浦东新区", 31.222, 121.55, ["世纪大道|Century Avenue", "张杨路|Zhangyang Road", "陆家嘴环路|Lujiazui Ring Road", "浦东南路|Pudong South Road", "东方路|Dongfang Road", "杨高南路|Yanggao South Road"]],
      ["杨浦区", 31.275, 121.525, ["淞沪路|Songhu Road", "四平路|Siping Road", "黄兴路|Huangxing Road", "控江路|Kongjiang Road"]],
      ["虹口区", 31.268, 121.5, ["四川北路|Sichuan North Road", "曲阳路|Quyang Road", "西江湾路|Xijiangwan Road", "大连路|Dalian Road"]],
      ["普陀区", 31.25, 121.395, ["长寿路|Changshou Road", "曹杨路|Caoyang Road", "真北路|Zhenbei Road", "中山北路|Zhongshan North Road"]],
    ],
    territories: [
      { suffix: "W", name: "上海浦西片区", name_en: "Shanghai Puxi", areas: ["黄浦区", "静安区", "徐汇区", "长宁区", "杨浦区", "虹口区", "普陀区"] },
      { suffix: "E", name: "上海浦东片区", name_en: "Shanghai Pudong", areas: ["浦东新区"] },
    ],
  }),
  city({
    code: "HZ", name: "杭州", name_en: "Hangzhou", province: "浙江省", province_en: "Zhejiang",
    lat: 30.274, lng: 120.16, radius_km: 11, area_code: "0571", region_code: "R-EC", tier: 1, full_shops: 9,
    flagship_road: "延安路",
    areas: [
      ["上城区", 30.25, 120.175, ["延安路|Yan'an Road", "解放路|Jiefang Road", "湖滨路|Hubin Road", "庆春路|Qingchun Road", "钱江路|Qianjiang Road"]],
      ["拱墅区", 30.3, 120.158, ["体育场路|Tiyuchang Road", "中山北路|Zhongshan North Road", "莫干山路|Moganshan Road", "湖墅南路|Hushu South Road", "上塘路|Shangtang Road"]],
      ["西湖区", 30.278, 120.122, ["文三路|Wensan Road", "教工路|Jiaogong Road", "天目山路|Tianmushan Road", "文二西路|Wen'er West Road", "古墩路|Gudun Road"]],
      ["滨江区", 30.205, 120.21, ["江南大道|Jiangnan Avenue", "江陵路|Jiangling Road", "滨盛路|Binsheng Road", "长河路|Changhe Road"]],
    ],
    avoid: [
      circle("西湖", 30.244, 120.143, 1.9),
      river("钱塘江", 0.7, [[30.198, 120.13], [30.205, 120.15], [30.22, 120.175], [30.233, 120.195], [30.245, 120.215], [30.255, 120.24], [30.262, 120.27]]),
    ],
  }),
  city({
    code: "NJ", name: "南京", name_en: "Nanjing", province: "江苏省", province_en: "Jiangsu",
    lat: 32.0415, lng: 118.7784, radius_km: 10, area_code: "025", region_code: "R-EC", tier: 2, full_shops: 8,
    flagship_road: "中山路",
    areas: [
      ["玄武区", 32.05, 118.8, ["中山路|Zhongshan Road", "珠江路|Zhujiang Road", "太平北路|Taiping North Road", "北京东路|Beijing East Road"]],
      ["秦淮区", 32.025, 118.795, ["中华路|Zhonghua Road", "太平南路|Taiping South Road", "贡院街|Gongyuan Street", "中山南路|Zhongshan South Road", "瑞金路|Ruijin Road"]],
      ["鼓楼区", 32.066, 118.768, ["中山北路|Zhongshan North Road", "湖南路|Hunan Road", "汉中路|Hanzhong Road", "广州路|Guangzhou Road", "山西路|Shanxi Road"]],
      ["建邺区", 32.005, 118.73, ["江东中路|Jiangdong Middle Road", "河西大街|Hexi Street", "应天大街|Yingtian Street", "庐山路|Lushan Road"]],
      ["雨花台区", 31.99, 118.775, ["雨花南路|Yuhua South Road", "软件大道|Ruanjian Avenue", "宁南大道|Ningnan Avenue"]],
    ],
    avoid: [
      circle("玄武湖", 32.075, 118.795, 1.2),
      circle("长江（河西）", 32.03, 118.66, 4.0),
      circle("长江（下关）", 32.11, 118.715, 2.0),
    ],
  }),
  city({
    code: "SUZ", name: "苏州", name_en: "Suzhou", province: "江苏省", province_en: "Jiangsu",
    lat: 31.311, lng: 120.62, radius_km: 9, area_code: "0512", region_code: "R-EC", tier: 2, full_shops: 7,
    flagship_road: "观前街",
    areas: [
      ["姑苏区", 31.315, 120.62, ["观前街|Guanqian Street", "人民路|Renmin Road", "干将路|Ganjiang Road", "广济路|Guangji Road", "十全街|Shiquan Street"]],
      ["苏州工业园区", 31.318, 120.705, ["现代大道|Xiandai Avenue", "星海街|Xinghai Street", "苏州大道东|Suzhou Avenue East", "金鸡湖大道|Jinjihu Avenue"]],
      ["吴中区", 31.265, 120.63, ["东吴北路|Dongwu North Road", "宝带西路|Baodai West Road", "吴中大道|Wuzhong Avenue"]],
      ["虎丘区", 31.3, 120.57, ["狮山路|Shishan Road", "长江路|Changjiang Road", "竹园路|Zhuyuan Road"]],
      ["相城区", 31.37, 120.64, ["相城大道|Xiangcheng Avenue", "嘉元路|Jiayuan Road"]],
    ],
    avoid: [circle("金鸡湖", 31.312, 120.685, 1.5)],
  }),
  city({
    code: "NB", name: "宁波", name_en: "Ningbo", province: "浙江省", province_en: "Zhejiang",
    lat: 29.87, lng: 121.553, radius_km: 8, area_code: "0574", region_code: "R-EC", tier: 2, full_shops: 5,
    areas: [
      ["海曙区", 29.868, 121.54, ["中山西路|Zhongshan West Road", "开明街|Kaiming Street", "药行街|Yaohang Street", "解放南路|Jiefang South Road"]],
      ["江北区", 29.89, 121.55, ["人民路|Renmin Road", "大庆南路|Daqing South Road", "槐树路|Huaishu Road"]],
      ["鄞州区", 29.825, 121.55, ["天童南路|Tiantong South Road", "四明中路|Siming Middle Road", "钱湖北路|Qianhu North Road", "中山东路|Zhongshan East Road"]],
    ],
  }),
  city({
    code: "HF", name: "合肥", name_en: "Hefei", province: "安徽省", province_en: "Anhui",
    lat: 31.864, lng: 117.283, radius_km: 9, area_code: "0551", region_code: "R-EC", tier: 2, full_shops: 5,
    areas: [
      ["庐阳区", 31.878, 117.27, ["长江中路|Changjiang Middle Road", "淮河路|Huaihe Road", "阜阳路|Fuyang Road", "蒙城路|Mengcheng Road", "宿州路|Suzhou Road"]],
      ["蜀山区", 31.85, 117.24, ["长江西路|Changjiang West Road", "黄山路|Huangshan Road", "肥西路|Feixi Road", "望江西路|Wangjiang West Road"]],
      ["包河区", 31.81, 117.3, ["马鞍山路|Ma'anshan Road", "徽州大道|Huizhou Avenue", "望江东路|Wangjiang East Road", "屯溪路|Tunxi Road"]],
      ["瑶海区", 31.87, 117.32, ["胜利路|Shengli Road", "长江东路|Changjiang East Road", "铜陵路|Tongling Road"]],
    ],
  }),

  // ======================================== 华南大区 ========================================
  city({
    code: "GZ", name: "广州", name_en: "Guangzhou", province: "广东省", province_en: "Guangdong",
    lat: 23.1291, lng: 113.2644, radius_km: 13, area_code: "020", region_code: "R-SC", tier: 1, full_shops: 11,
    flagship_road: "北京路",
    areas: [
      ["越秀区", 23.129, 113.27, ["北京路|Beijing Road", "中山五路|Zhongshan 5th Road", "东风中路|Dongfeng Middle Road", "环市东路|Huanshi East Road", "农林下路|Nonglinxia Road"]],
      ["天河区", 23.13, 113.34, ["天河路|Tianhe Road", "体育东路|Tiyu East Road", "花城大道|Huacheng Avenue", "天河北路|Tianhe North Road", "黄埔大道西|Huangpu Avenue West"]],
      ["海珠区", 23.095, 113.32, ["江南大道中|Jiangnan Avenue Middle", "新港中路|Xingang Middle Road", "工业大道|Gongye Avenue", "宝岗大道|Baogang Avenue"]],
      ["荔湾区", 23.118, 113.238, ["上九路|Shangjiu Road", "中山七路|Zhongshan 7th Road", "康王中路|Kangwang Middle Road", "芳村大道|Fangcun Avenue"]],
      ["白云区", 23.175, 113.27, ["机场路|Jichang Road", "白云大道|Baiyun Avenue", "广园中路|Guangyuan Middle Road"]],
    ],
    territories: [
      { suffix: "E", name: "广州东片区", name_en: "Guangzhou East", areas: ["天河区", "海珠区"] },
      { suffix: "W", name: "广州西片区", name_en: "Guangzhou West", areas: ["越秀区", "荔湾区", "白云区"] },
    ],
  }),
  city({
    code: "SZ", name: "深圳", name_en: "Shenzhen", province: "广东省", province_en: "Guangdong",
    lat: 22.5431, lng: 114.0579, radius_km: 13, area_code: "0755", region_code: "R-SC", tier: 1, full_shops: 11,
    flagship_road: "华强北路",
    areas: [
      ["福田区", 22.54, 114.055, ["华强北路|Huaqiang North Road", "深南大道|Shennan Avenue", "福华路|Fuhua Road", "益田路|Yitian Road", "彩田路|Caitian Road", "新洲路|Xinzhou Road"]],
      ["罗湖区", 22.55, 114.125, ["东门中路|Dongmen Middle Road", "人民南路|Renmin South Road", "宝安南路|Bao'an South Road", "深南东路|Shennan East Road", "解放路|Jiefang Road"]],
      ["南山区", 22.53, 113.935, ["南海大道|Nanhai Avenue", "科苑路|Keyuan Road", "南山大道|Nanshan Avenue", "后海大道|Houhai Avenue", "海德三道|Haide 3rd Road"]],
      ["龙华区", 22.655, 114.04, ["人民路|Renmin Road", "民治大道|Minzhi Avenue", "梅龙大道|Meilong Avenue"]],
    ],
    territories: [
      { suffix: "W", name: "深圳西片区", name_en: "Shenzhen West", areas: ["福田区", "南山区"] },
      { suffix: "E", name: "深圳东片区", name_en: "Shenzhen East", areas: ["罗湖区", "龙华区"] },
    ],
    avoid: [
      // South of the Shenzhen River is Hong Kong; west of Nanshan is Shenzhen Bay.
      polygon("深圳河以南（香港）与深圳湾", [
        [22.47, 113.905], [22.5, 113.935], [22.515, 113.955], [22.515, 114.0], [22.515, 114.05],
        [22.52, 114.08], [22.532, 114.11], [22.545, 114.14], [22.56, 114.17], [22.55, 114.23],
        [22.53, 114.3], [22.2, 114.3], [22.2, 113.85], [22.47, 113.85],
      ]),
    ],
  }),
  city({
    code: "FS", name: "佛山", name_en: "Foshan", province: "广东省", province_en: "Guangdong",
    lat: 23.025, lng: 113.11, radius_km: 8, area_code: "0757", region_code: "R-SC", tier: 2, full_shops: 5,
    areas: [
      ["禅城区", 23.015, 113.11, ["祖庙路|Zumiao Road", "季华路|Jihua Road", "汾江中路|Fenjiang Middle Road", "人民路|Renmin Road"]],
      ["南海区", 23.04, 113.15, ["南海大道|Nanhai Avenue", "桂澜路|Guilan Road", "海八路|Haiba Road", "佛平路|Foping Road"]],
    ],
  }),
  city({
    code: "NN", name: "南宁", name_en: "Nanning", province: "广西壮族自治区", province_en: "Guangxi",
    lat: 22.8167, lng: 108.3275, radius_km: 9, area_code: "0771", region_code: "R-SC", tier: 2, full_shops: 5,
    areas: [
      ["青秀区", 22.815, 108.37, ["民族大道|Minzu Avenue", "东葛路|Dongge Road", "金湖路|Jinhu Road"]],
      ["兴宁区", 22.826, 108.325, ["朝阳路|Chaoyang Road", "兴宁路|Xingning Road", "民生路|Minsheng Road", "人民东路|Renmin East Road"]],
      ["西乡塘区", 22.835, 108.29, ["大学东路|Daxue East Road", "北大路|Beida Road", "明秀西路|Mingxiu West Road", "秀灵路|Xiuling Road"]],
      ["江南区", 22.79, 108.3, ["星光大道|Xingguang Avenue", "江南路|Jiangnan Road", "白沙大道|Baisha Avenue"]],
    ],
  }),
  city({
    // The centre is that of Xiamen Island, where the city's shops are; the spread stays on the island.
    code: "XM", name: "厦门", name_en: "Xiamen", province: "福建省", province_en: "Fujian",
    lat: 24.485, lng: 118.12, radius_km: 4, area_code: "0592", region_code: "R-SC", tier: 2, full_shops: 5,
    areas: [
      ["思明区", 24.465, 118.105, ["中山路|Zhongshan Road", "湖滨南路|Hubin South Road", "厦禾路|Xiahe Road", "嘉禾路|Jiahe Road", "莲前西路|Lianqian West Road"]],
      ["湖里区", 24.51, 118.14, ["湖里大道|Huli Avenue", "吕岭路|Lüling Road", "金尚路|Jinshang Road"]],
    ],
    avoid: [circle("筼筜湖", 24.482, 118.095, 1.0)],
  }),
  city({
    code: "FZ", name: "福州", name_en: "Fuzhou", province: "福建省", province_en: "Fujian",
    lat: 26.0745, lng: 119.2965, radius_km: 8, area_code: "0591", region_code: "R-SC", tier: 2, full_shops: 5,
    areas: [
      ["鼓楼区", 26.085, 119.295, ["五四路|Wusi Road", "东街|Dongjie Street", "杨桥中路|Yangqiao Middle Road", "八一七北路|Bayiqi North Road", "湖东路|Hudong Road"]],
      ["台江区", 26.06, 119.31, ["八一七中路|Bayiqi Middle Road", "工业路|Gongye Road", "江滨中大道|Jiangbin Middle Avenue"]],
      ["晋安区", 26.085, 119.33, ["福新中路|Fuxin Middle Road", "六一北路|Liuyi North Road"]],
      ["仓山区", 26.04, 119.31, ["首山路|Shoushan Road", "则徐大道|Zexu Avenue", "浦上大道|Pushang Avenue"]],
    ],
    avoid: [river("闽江", 0.3, [[26.075, 119.2], [26.055, 119.25], [26.052, 119.29], [26.05, 119.32], [26.045, 119.36]])],
  }),

  // ======================================== 华北大区 ========================================
  city({
    code: "BJ", name: "北京", name_en: "Beijing", province: "北京市", province_en: "Beijing",
    lat: 39.9087, lng: 116.3975, radius_km: 13, area_code: "010", region_code: "R-NC", tier: 1, full_shops: 13,
    flagship_road: "王府井大街",
    areas: [
      ["东城区", 39.925, 116.416, ["王府井大街|Wangfujing Street", "东单北大街|Dongdan North Street", "东直门内大街|Dongzhimen Inner Street", "崇文门外大街|Chongwenmen Outer Street", "交道口南大街|Jiaodaokou South Street"]],
      ["西城区", 39.915, 116.366, ["西单北大街|Xidan North Street", "金融大街|Jinrong Street", "德胜门外大街|Deshengmen Outer Street", "西直门内大街|Xizhimen Inner Street", "广安门内大街|Guang'anmen Inner Street"]],
      ["朝阳区", 39.935, 116.475, ["建国路|Jianguo Road", "三里屯路|Sanlitun Road", "朝阳北路|Chaoyang North Road", "望京街|Wangjing Street", "工人体育场北路|Gongren Tiyuchang North Road", "酒仙桥路|Jiuxianqiao Road"]],
      ["海淀区", 39.975, 116.305, ["中关村大街|Zhongguancun Street", "海淀大街|Haidian Street", "学院路|Xueyuan Road", "知春路|Zhichun Road", "成府路|Chengfu Road"]],
      ["丰台区", 39.858, 116.287, ["丰台北路|Fengtai North Road", "南三环西路|South Third Ring West Road", "马家堡东路|Majiapu East Road"]],
      ["石景山区", 39.906, 116.21, ["石景山路|Shijingshan Road", "鲁谷路|Lugu Road", "古城大街|Gucheng Street"]],
    ],
    territories: [
      { suffix: "E", name: "北京东片区", name_en: "Beijing East", areas: ["东城区", "朝阳区"] },
      { suffix: "W", name: "北京西片区", name_en: "Beijing West", areas: ["西城区", "海淀区", "丰台区", "石景山区"] },
    ],
  }),
  city({
    code: "TJ", name: "天津", name_en: "Tianjin", province: "天津市", province_en: "Tianjin",
    lat: 39.125, lng: 117.2, radius_km: 10, area_code: "022", region_code: "R-NC", tier: 1, full_shops: 7,
    flagship_road: "滨江道",
    areas: [
      ["和平区", 39.118, 117.205, ["滨江道|Binjiang Road", "和平路|Heping Road", "南京路|Nanjing Road", "营口道|Yingkou Road", "大沽北路|Dagu North Road"]],
      ["河西区", 39.1, 117.225, ["友谊路|Youyi Road", "大沽南路|Dagu South Road", "解放南路|Jiefang South Road", "围堤道|Weidi Road"]],
      ["南开区", 39.135, 117.155, ["鞍山西道|Anshan West Road", "白堤路|Baidi Road", "南门外大街|Nanmenwai Street"]],
      ["河北区", 39.152, 117.2, ["中山路|Zhongshan Road", "金纬路|Jinwei Road"]],
      ["河东区", 39.125, 117.248, ["十一经路|Shiyijing Road", "津塘路|Jintang Road"]],
    ],
  }),
  city({
    code: "SJZ", name: "石家庄", name_en: "Shijiazhuang", province: "河北省", province_en: "Hebei",
    lat: 38.0428, lng: 114.5149, radius_km: 9, area_code: "0311", region_code: "R-NC", tier: 2, full_shops: 4,
    areas: [
      ["长安区", 38.047, 114.54, ["中山东路|Zhongshan East Road", "建设北大街|Jianshe North Street", "胜利北大街|Shengli North Street"]],
      ["桥西区", 38.035, 114.475, ["中山西路|Zhongshan West Road", "裕华西路|Yuhua West Road", "友谊南大街|Youyi South Street"]],
      ["新华区", 38.062, 114.465, ["和平西路|Heping West Road", "民族路|Minzu Road"]],
      ["裕华区", 38.012, 114.53, ["槐安东路|Huai'an East Road", "裕华东路|Yuhua East Road", "体育南大街|Tiyu South Street"]],
    ],
  }),
  city({
    code: "TY", name: "太原", name_en: "Taiyuan", province: "山西省", province_en: "Shanxi",
    lat: 37.8706, lng: 112.5489, radius_km: 9, area_code: "0351", region_code: "R-NC", tier: 2, full_shops: 4,
    areas: [
      ["迎泽区", 37.86, 112.565, ["迎泽大街|Yingze Street", "柳巷|Liuxiang Street", "开化寺街|Kaihuasi Street", "并州北路|Bingzhou North Road"]],
      ["杏花岭区", 37.89, 112.57, ["解放路|Jiefang Road", "五一路|Wuyi Road", "胜利街|Shengli Street", "府东街|Fudong Street"]],
      ["万柏林区", 37.86, 112.52, ["千峰南路|Qianfeng South Road", "和平北路|Heping North Road", "长风西街|Changfeng West Street"]],
      ["小店区", 37.81, 112.56, ["长风街|Changfeng Street", "亲贤北街|Qinxian North Street", "平阳路|Pingyang Road"]],
    ],
  }),
  city({
    code: "JN", name: "济南", name_en: "Jinan", province: "山东省", province_en: "Shandong",
    lat: 36.661, lng: 117.02, radius_km: 9, area_code: "0531", region_code: "R-NC", tier: 2, full_shops: 5,
    flagship_road: "泉城路",
    areas: [
      ["历下区", 36.665, 117.06, ["泉城路|Quancheng Road", "泺源大街|Luoyuan Street", "解放路|Jiefang Road", "经十路|Jingshi Road", "山大路|Shanda Road"]],
      ["市中区", 36.645, 116.995, ["经四路|Jingsi Road", "经七路|Jingqi Road", "舜耕路|Shungeng Road", "英雄山路|Yingxiongshan Road"]],
      ["槐荫区", 36.655, 116.93, ["张庄路|Zhangzhuang Road", "纬十二路|Wei Shi'er Road"]],
      ["天桥区", 36.69, 116.99, ["北园大街|Beiyuan Street", "堤口路|Dikou Road", "无影山中路|Wuyingshan Middle Road"]],
    ],
    avoid: [circle("大明湖", 36.675, 117.022, 0.6)],
  }),
  city({
    // The centre is just inland of 五四广场; the sea lies south and Jiaozhou Bay west.
    code: "QD", name: "青岛", name_en: "Qingdao", province: "山东省", province_en: "Shandong",
    lat: 36.07, lng: 120.385, radius_km: 8, area_code: "0532", region_code: "R-NC", tier: 2, full_shops: 6,
    areas: [
      ["市南区", 36.066, 120.395, ["香港中路|Xianggang Middle Road", "中山路|Zhongshan Road", "东海西路|Donghai West Road", "闽江路|Minjiang Road", "南京路|Nanjing Road"]],
      ["市北区", 36.087, 120.36, ["台东一路|Taidong 1st Road", "延吉路|Yanji Road", "辽宁路|Liaoning Road", "敦化路|Dunhua Road"]],
      ["崂山区", 36.105, 120.465, ["香港东路|Xianggang East Road", "深圳路|Shenzhen Road", "海尔路|Haier Road"]],
      ["李沧区", 36.15, 120.43, ["京口路|Jingkou Road", "书院路|Shuyuan Road", "九水东路|Jiushui East Road", "振华路|Zhenhua Road"]],
    ],
    avoid: [
      polygon("胶州湾与黄海", [
        [36.2, 120.36], [36.15, 120.345], [36.1, 120.318], [36.075, 120.305], [36.05, 120.285],
        [36.058, 120.32], [36.053, 120.345], [36.05, 120.365], [36.058, 120.385], [36.06, 120.41],
        [36.068, 120.43], [36.072, 120.445], [36.095, 120.47], [36.12, 120.5],
        [35.9, 120.5], [35.9, 120.2], [36.2, 120.2],
      ]),
    ],
  }),

  // ======================================== 华中大区 ========================================
  city({
    code: "WH", name: "武汉", name_en: "Wuhan", province: "湖北省", province_en: "Hubei",
    lat: 30.58, lng: 114.29, radius_km: 12, area_code: "027", region_code: "R-CC", tier: 1, full_shops: 9,
    flagship_road: "江汉路",
    areas: [
      ["江汉区", 30.595, 114.27, ["江汉路|Jianghan Road", "解放大道|Jiefang Avenue", "建设大道|Jianshe Avenue", "新华路|Xinhua Road", "中山大道|Zhongshan Avenue"]],
      ["江岸区", 30.615, 114.3, ["沿江大道|Yanjiang Avenue", "黄浦大街|Huangpu Street", "台北路|Taibei Road", "京汉大道|Jinghan Avenue", "后湖大道|Houhu Avenue"]],
      ["硚口区", 30.578, 114.24, ["汉正街|Hanzheng Street", "宝丰路|Baofeng Road", "古田二路|Gutian 2nd Road"]],
      ["汉阳区", 30.553, 114.255, ["汉阳大道|Hanyang Avenue", "鹦鹉大道|Yingwu Avenue", "墨水湖北路|Moshuihu North Road", "龙阳大道|Longyang Avenue"]],
      ["武昌区", 30.55, 114.315, ["中南路|Zhongnan Road", "中北路|Zhongbei Road", "武珞路|Wuluo Road", "和平大道|Heping Avenue", "徐东大街|Xudong Street"]],
      ["洪山区", 30.51, 114.345, ["珞喻路|Luoyu Road", "鲁磨路|Lumo Road", "雄楚大道|Xiongchu Avenue", "民族大道|Minzu Avenue", "珞狮路|Luoshi Road"]],
    ],
    territories: [
      { suffix: "N", name: "武汉汉口片区", name_en: "Wuhan Hankou", areas: ["江汉区", "江岸区", "硚口区"] },
      { suffix: "S", name: "武汉武昌汉阳片区", name_en: "Wuhan Wuchang-Hanyang", areas: ["汉阳区", "武昌区", "洪山区"] },
    ],
    avoid: [
      river("长江", 0.6, [[30.47, 114.24], [30.5, 114.255], [30.525, 114.268], [30.55, 114.287], [30.575, 114.3], [30.6, 114.318], [30.625, 114.34], [30.65, 114.37], [30.67, 114.4]]),
      circle("东湖", 30.57, 114.395, 2.5),
    ],
  }),
  city({
    code: "CS", name: "长沙", name_en: "Changsha", province: "湖南省", province_en: "Hunan",
    lat: 28.196, lng: 112.977, radius_km: 10, area_code: "0731", region_code: "R-CC", tier: 2, full_shops: 7,
    flagship_road: "黄兴中路",
    areas: [
      ["芙蓉区", 28.192, 113.005, ["五一大道|Wuyi Avenue", "黄兴中路|Huangxing Middle Road", "解放西路|Jiefang West Road", "车站北路|Chezhan North Road"]],
      ["天心区", 28.17, 112.985, ["坡子街|Pozi Street", "黄兴南路|Huangxing South Road", "劳动西路|Laodong West Road"]],
      ["开福区", 28.225, 112.985, ["湘江中路|Xiangjiang Middle Road", "芙蓉中路|Furong Middle Road", "东风路|Dongfeng Road"]],
      ["岳麓区", 28.215, 112.93, ["麓山南路|Lushan South Road", "枫林一路|Fenglin 1st Road", "银盆南路|Yinpen South Road", "金星中路|Jinxing Middle Road"]],
      ["雨花区", 28.15, 113.03, ["劳动东路|Laodong East Road", "韶山中路|Shaoshan Middle Road", "万家丽中路|Wanjiali Middle Road"]],
    ],
    avoid: [river("湘江", 0.6, [[28.08, 112.965], [28.13, 112.963], [28.18, 112.958], [28.22, 112.957], [28.26, 112.958], [28.31, 112.96]])],
  }),
  city({
    code: "ZZ", name: "郑州", name_en: "Zhengzhou", province: "河南省", province_en: "Henan",
    lat: 34.752, lng: 113.666, radius_km: 11, area_code: "0371", region_code: "R-CC", tier: 2, full_shops: 7,
    flagship_road: "德化街",
    areas: [
      ["二七区", 34.74, 113.645, ["二七路|Erqi Road", "德化街|Dehua Street", "大学路|Daxue Road", "嵩山南路|Songshan South Road", "航海中路|Hanghai Middle Road"]],
      ["金水区", 34.785, 113.675, ["花园路|Huayuan Road", "金水路|Jinshui Road", "农业路|Nongye Road", "经三路|Jingsan Road", "文化路|Wenhua Road"]],
      ["中原区", 34.75, 113.61, ["建设西路|Jianshe West Road", "中原中路|Zhongyuan Middle Road", "伏牛路|Funiu Road", "桐柏路|Tongbai Road"]],
      ["管城回族区", 34.745, 113.69, ["紫荆山路|Zijingshan Road", "城东路|Chengdong Road", "商城路|Shangcheng Road"]],
      ["郑东新区", 34.765, 113.73, ["商务外环路|Shangwu Outer Ring Road", "金水东路|Jinshui East Road", "农业东路|Nongye East Road"]],
    ],
  }),
  city({
    code: "NC", name: "南昌", name_en: "Nanchang", province: "江西省", province_en: "Jiangxi",
    lat: 28.676, lng: 115.905, radius_km: 9, area_code: "0791", region_code: "R-CC", tier: 2, full_shops: 4,
    areas: [
      ["东湖区", 28.685, 115.9, ["中山路|Zhongshan Road", "胜利路|Shengli Road", "八一大道|Bayi Avenue", "叠山路|Dieshan Road"]],
      ["西湖区", 28.66, 115.888, ["象山南路|Xiangshan South Road", "孺子路|Ruzi Road", "船山路|Chuanshan Road", "洪城路|Hongcheng Road"]],
      ["青山湖区", 28.685, 115.95, ["青山南路|Qingshan South Road", "北京东路|Beijing East Road", "上海路|Shanghai Road"]],
      ["红谷滩区", 28.695, 115.852, ["红谷中大道|Honggu Middle Avenue", "丰和中大道|Fenghe Middle Avenue", "赣江中大道|Ganjiang Middle Avenue"]],
    ],
    avoid: [river("赣江", 0.6, [[28.6, 115.855], [28.64, 115.862], [28.68, 115.872], [28.72, 115.885], [28.76, 115.905]])],
  }),

  // ======================================== 西北大区 ========================================
  city({
    code: "XA", name: "西安", name_en: "Xi'an", province: "陕西省", province_en: "Shaanxi",
    lat: 34.261, lng: 108.9423, radius_km: 12, area_code: "029", region_code: "R-NW", tier: 1, full_shops: 9,
    flagship_road: "东大街",
    areas: [
      ["碑林区", 34.25, 108.945, ["东大街|Dong Street", "南大街|Nan Street", "长安北路|Chang'an North Road", "和平路|Heping Road", "友谊东路|Youyi East Road"]],
      ["莲湖区", 34.265, 108.925, ["西大街|Xi Street", "北院门|Beiyuanmen Street", "劳动路|Laodong Road", "丰庆路|Fengqing Road"]],
      ["新城区", 34.27, 108.965, ["解放路|Jiefang Road", "东五路|Dongwu Road", "长乐西路|Changle West Road", "康复路|Kangfu Road"]],
      ["雁塔区", 34.215, 108.95, ["小寨东路|Xiaozhai East Road", "长安中路|Chang'an Middle Road", "雁塔路|Yanta Road", "高新路|Gaoxin Road", "科技路|Keji Road"]],
      ["未央区", 34.31, 108.945, ["凤城五路|Fengcheng 5th Road", "未央路|Weiyang Road", "文景路|Wenjing Road"]],
    ],
    territories: [
      { suffix: "N", name: "西安城北片区", name_en: "Xi'an North", areas: ["莲湖区", "新城区", "未央区"] },
      { suffix: "S", name: "西安城南片区", name_en: "Xi'an South", areas: ["碑林区", "雁塔区"] },
    ],
  }),
  city({
    // A valley city: the Yellow River runs through it, with mountains to the south and hills to the north-east.
    code: "LZ", name: "兰州", name_en: "Lanzhou", province: "甘肃省", province_en: "Gansu",
    lat: 36.0611, lng: 103.8343, radius_km: 6, area_code: "0931", region_code: "R-NW", tier: 2, full_shops: 4,
    areas: [
      ["城关区", 36.055, 103.84, ["张掖路|Zhangye Road", "庆阳路|Qingyang Road", "东岗西路|Donggang West Road", "天水北路|Tianshui North Road", "酒泉路|Jiuquan Road"]],
      ["七里河区", 36.065, 103.785, ["西津西路|Xijin West Road", "西津东路|Xijin East Road", "敦煌路|Dunhuang Road", "兰工坪路|Langongping Road"]],
    ],
    avoid: [
      river("黄河", 0.3, [[36.085, 103.72], [36.075, 103.78], [36.068, 103.83], [36.065, 103.87], [36.065, 103.92]]),
      polygon("皋兰山", [[36.035, 103.7], [36.04, 103.8], [36.038, 103.85], [36.045, 103.9], [35.9, 103.9], [35.9, 103.7]]),
      polygon("白塔山以北", [[36.078, 103.79], [36.075, 103.86], [36.075, 103.95], [36.2, 103.95], [36.2, 103.79]]),
    ],
  }),
  city({
    code: "WLMQ", name: "乌鲁木齐", name_en: "Urumqi", province: "新疆维吾尔自治区", province_en: "Xinjiang",
    lat: 43.8256, lng: 87.6168, radius_km: 8, area_code: "0991", region_code: "R-NW", tier: 2, full_shops: 4,
    hours_offset_min: 60,
    areas: [
      ["天山区", 43.795, 87.63, ["解放南路|Jiefang South Road", "中山路|Zhongshan Road", "新华南路|Xinhua South Road", "和平南路|Heping South Road", "光明路|Guangming Road"]],
      ["沙依巴克区", 43.8, 87.595, ["友好北路|Youhao North Road", "友好南路|Youhao South Road", "西北路|Xibei Road", "西虹东路|Xihong East Road"]],
      ["新市区", 43.855, 87.59, ["北京南路|Beijing South Road", "长春中路|Changchun Middle Road", "北京中路|Beijing Middle Road"]],
      ["水磨沟区", 43.83, 87.645, ["南湖北路|Nanhu North Road", "水磨沟路|Shuimogou Road"]],
    ],
  }),
  city({
    code: "YC", name: "银川", name_en: "Yinchuan", province: "宁夏回族自治区", province_en: "Ningxia",
    lat: 38.48, lng: 106.25, radius_km: 8, area_code: "0951", region_code: "R-NW", tier: 3, full_shops: 3,
    areas: [
      ["兴庆区", 38.47, 106.285, ["解放西街|Jiefang West Street", "新华东街|Xinhua East Street", "鼓楼北街|Gulou North Street", "文化东街|Wenhua East Street", "民族北街|Minzu North Street"]],
      ["金凤区", 38.475, 106.235, ["北京中路|Beijing Middle Road", "宁安大街|Ning'an Street", "正源北街|Zhengyuan North Street", "亲水大街|Qinshui Street"]],
      ["西夏区", 38.495, 106.15, ["怀远路|Huaiyuan Road", "北京西路|Beijing West Road"]],
    ],
    avoid: [circle("阅海湿地", 38.525, 106.215, 1.5)],
  }),

  // ======================================== 东北大区 ========================================
  city({
    code: "SY", name: "沈阳", name_en: "Shenyang", province: "辽宁省", province_en: "Liaoning",
    lat: 41.8057, lng: 123.4315, radius_km: 10, area_code: "024", region_code: "R-NE", tier: 2, full_shops: 6,
    flagship_road: "中街路",
    areas: [
      ["和平区", 41.79, 123.41, ["太原街|Taiyuan Street", "中华路|Zhonghua Road", "南京北街|Nanjing North Street", "三好街|Sanhao Street", "青年大街|Qingnian Street"]],
      ["沈河区", 41.797, 123.455, ["中街路|Zhongjie Road", "北站路|Beizhan Road", "市府大路|Shifu Road", "文艺路|Wenyi Road"]],
      ["皇姑区", 41.825, 123.425, ["北陵大街|Beiling Street", "黄河南大街|Huanghe South Street", "长江街|Changjiang Street", "崇山中路|Chongshan Middle Road"]],
      ["大东区", 41.81, 123.475, ["大东路|Dadong Road", "北海街|Beihai Street"]],
      ["铁西区", 41.8, 123.36, ["兴华北街|Xinghua North Street", "建设大路|Jianshe Road", "重工街|Zhonggong Street"]],
    ],
  }),
  city({
    // Zhongshan Square area on a narrow peninsula: Dalian Bay to the north-east, the Yellow Sea to the south.
    code: "DL", name: "大连", name_en: "Dalian", province: "辽宁省", province_en: "Liaoning",
    lat: 38.917, lng: 121.626, radius_km: 5, area_code: "0411", region_code: "R-NE", tier: 2, full_shops: 4,
    areas: [
      ["中山区", 38.918, 121.645, ["人民路|Renmin Road", "中山路|Zhongshan Road", "解放路|Jiefang Road", "天津街|Tianjin Street"]],
      ["西岗区", 38.915, 121.61, ["黄河路|Huanghe Road", "长江路|Changjiang Road", "新开路|Xinkai Road"]],
      ["沙河口区", 38.905, 121.58, ["西安路|Xi'an Road", "兴工街|Xinggong Street"]],
    ],
    avoid: [
      polygon("大连湾", [[38.95, 121.615], [38.945, 121.635], [38.935, 121.65], [38.925, 121.665], [38.915, 121.685], [38.895, 121.7], [38.895, 121.8], [39.05, 121.8], [39.05, 121.625]]),
      polygon("黄海", [[38.895, 121.55], [38.882, 121.58], [38.877, 121.62], [38.872, 121.66], [38.873, 121.7], [38.8, 121.7], [38.8, 121.55]]),
    ],
  }),
  city({
    code: "HEB", name: "哈尔滨", name_en: "Harbin", province: "黑龙江省", province_en: "Heilongjiang",
    lat: 45.757, lng: 126.642, radius_km: 8, area_code: "0451", region_code: "R-NE", tier: 2, full_shops: 4,
    flagship_road: "中央大街",
    areas: [
      ["道里区", 45.76, 126.61, ["中央大街|Zhongyang Street", "经纬街|Jingwei Street", "地段街|Diduan Street", "友谊路|Youyi Road"]],
      ["南岗区", 45.75, 126.66, ["红军街|Hongjun Street", "果戈里大街|Guogeli Street", "西大直街|Xidazhi Street", "东大直街|Dongdazhi Street", "学府路|Xuefu Road"]],
      ["道外区", 45.775, 126.65, ["靖宇街|Jingyu Street", "景阳街|Jingyang Street", "南二道街|Nan'erdao Street"]],
      ["香坊区", 45.715, 126.665, ["中山路|Zhongshan Road", "香坊大街|Xiangfang Street", "和平路|Heping Road"]],
    ],
    // The Songhua River and Sun Island lie north of the old town.
    avoid: [polygon("松花江", [[45.781, 126.5], [45.781, 126.8], [45.9, 126.8], [45.9, 126.5]])],
  }),
  city({
    code: "CC", name: "长春", name_en: "Changchun", province: "吉林省", province_en: "Jilin",
    lat: 43.8868, lng: 125.3245, radius_km: 9, area_code: "0431", region_code: "R-NE", tier: 2, full_shops: 4,
    areas: [
      ["朝阳区", 43.865, 125.3, ["重庆路|Chongqing Road", "红旗街|Hongqi Street", "西安大路|Xi'an Road"]],
      ["南关区", 43.865, 125.34, ["人民大街|Renmin Street", "亚泰大街|Yatai Street", "解放大路|Jiefang Road"]],
      ["宽城区", 43.91, 125.325, ["长江路|Changjiang Road", "凯旋路|Kaixuan Road"]],
      ["二道区", 43.872, 125.375, ["东盛大街|Dongsheng Street", "吉林大路|Jilin Road"]],
    ],
  }),
]

export const CITY_BY_CODE: ReadonlyMap<string, City> = new Map(CITIES.map((c) => [c.code, c]))

export function cityByCode(code: string): City {
  const c = CITY_BY_CODE.get(code)
  if (!c) throw new Error(`unknown city code "${code}"`)
  return c
}
