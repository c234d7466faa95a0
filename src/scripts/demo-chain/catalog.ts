/**
 * The chain's catalogue: apparel, beauty, electronics, grocery with a Yunnan accent (普洱,
 * 滇红, 鲜花饼, 小粒咖啡, 米线, 野生菌), home goods and a gift-wrapping service.
 *
 * Each product family below is a table row: its category, price and weight range, options
 * and product lines. A product is one line of a family; its variants are the combinations of
 * the option values it offers. Every product draws from its own random stream (seed, family,
 * line), so the "small" catalogue is a subset of the "full" one with identical products,
 * SKUs and prices.
 */
import { createRng, DEFAULT_SEED, deriveSeed, type Rng } from "./rng"
import type { ChainSize } from "./shops"

export type TopCategory = "apparel" | "beauty" | "electronics" | "grocery" | "home" | "services"

export interface DemoCategory {
  handle: string
  name: string
  name_en: string
  parent_handle: string | null
}

export interface DemoOption {
  /** Chinese option name as shown to customers: 颜色, 尺码, 规格. */
  title: string
  title_en: string
  values: string[]
}

export interface DemoVariant {
  /** Option values joined: 黑色 / M. */
  title: string
  /** APP-TEE-001-BLK-M: top category, family, product number, option codes. */
  sku: string
  /** EAN-13 with a Chinese GS1 prefix (69x) and a valid check digit. */
  barcode: string
  /** Option title → value, e.g. { 颜色: "黑色", 尺码: "M" }. */
  options: Record<string, string>
  /** Price in yuan, at most 2 decimals (the loader converts to Medusa amounts). */
  price_cny: number
  weight_g: number
  manage_inventory: boolean
  allow_backorder: boolean
}

export interface DemoProduct {
  /** ASCII slug, unique. */
  handle: string
  /** Chinese title. */
  title: string
  description: string
  /** Leaf category handle. */
  category_handle: string
  top_category: TopCategory
  options: DemoOption[]
  variants: DemoVariant[]
  metadata: {
    title_en: string
    description_en: string
    origin?: string
    /** Sold before it is in stock (variants allow backorder). */
    preorder?: boolean
    release_date?: string
  }
}

export interface DemoCatalog {
  categories: DemoCategory[]
  products: DemoProduct[]
}

// ---------------------------------------------------------------------------------------------
// Categories

export const CATEGORIES: DemoCategory[] = [
  { handle: "apparel", name: "服装", name_en: "Apparel", parent_handle: null },
  { handle: "apparel-tops", name: "上装", name_en: "Tops", parent_handle: "apparel" },
  { handle: "apparel-bottoms", name: "下装", name_en: "Bottoms", parent_handle: "apparel" },
  { handle: "apparel-outerwear", name: "外套", name_en: "Outerwear", parent_handle: "apparel" },
  { handle: "apparel-accessories", name: "配饰", name_en: "Accessories", parent_handle: "apparel" },
  { handle: "beauty", name: "美妆个护", name_en: "Beauty & Personal Care", parent_handle: null },
  { handle: "beauty-skincare", name: "护肤", name_en: "Skincare", parent_handle: "beauty" },
  { handle: "beauty-makeup", name: "彩妆", name_en: "Makeup", parent_handle: "beauty" },
  { handle: "beauty-personal-care", name: "洗护", name_en: "Personal Care", parent_handle: "beauty" },
  { handle: "beauty-fragrance", name: "香水", name_en: "Fragrance", parent_handle: "beauty" },
  { handle: "electronics", name: "数码", name_en: "Electronics", parent_handle: null },
  { handle: "electronics-audio", name: "影音", name_en: "Audio", parent_handle: "electronics" },
  { handle: "electronics-charging", name: "充电", name_en: "Charging", parent_handle: "electronics" },
  { handle: "electronics-wearables", name: "智能穿戴", name_en: "Wearables", parent_handle: "electronics" },
  { handle: "electronics-accessories", name: "数码配件", name_en: "Accessories", parent_handle: "electronics" },
  { handle: "grocery", name: "食品", name_en: "Food & Grocery", parent_handle: null },
  { handle: "grocery-tea", name: "茶叶", name_en: "Tea", parent_handle: "grocery" },
  { handle: "grocery-coffee", name: "咖啡", name_en: "Coffee", parent_handle: "grocery" },
  { handle: "grocery-noodles", name: "米线饵丝", name_en: "Rice Noodles", parent_handle: "grocery" },
  { handle: "grocery-pastry", name: "鲜花饼糕点", name_en: "Flower Cakes & Pastries", parent_handle: "grocery" },
  { handle: "grocery-mushrooms", name: "菌菇酱料", name_en: "Mushrooms & Sauces", parent_handle: "grocery" },
  { handle: "grocery-snacks", name: "特产零食", name_en: "Local Snacks", parent_handle: "grocery" },
  { handle: "home", name: "家居生活", name_en: "Home & Living", parent_handle: null },
  { handle: "home-kitchen", name: "杯壶茶具", name_en: "Cups & Tea Ware", parent_handle: "home" },
  { handle: "home-textiles", name: "家纺", name_en: "Textiles", parent_handle: "home" },
  { handle: "home-fragrance", name: "居家香氛", name_en: "Home Fragrance", parent_handle: "home" },
  { handle: "home-stationery", name: "文创", name_en: "Stationery & Gifts", parent_handle: "home" },
  { handle: "services", name: "服务", name_en: "Services", parent_handle: null },
  { handle: "services-gifting", name: "礼品服务", name_en: "Gifting", parent_handle: "services" },
]

/** Price levels a merchant expects per top category, in yuan. */
export const PRICE_RANGES: Record<TopCategory, [number, number]> = {
  apparel: [59, 899],
  beauty: [39, 599],
  electronics: [19, 1999],
  grocery: [15, 128],
  home: [19, 599],
  services: [10, 30],
}

const TOP_CODE: Record<TopCategory, string> = {
  apparel: "APP",
  beauty: "BTY",
  electronics: "ELC",
  grocery: "GRO",
  home: "HOM",
  services: "SVC",
}

// ---------------------------------------------------------------------------------------------
// Option values

interface OptionValue {
  code: string
  zh: string
  en: string
  /** Price multiplier (default 1). */
  x?: number
  /** Yuan added after the multiplier. */
  add?: number
  /** Net weight in grams, when the option is a pack size; the family adds its packaging. */
  g?: number
  /** Weight multiplier (default 1). */
  wx?: number
}

interface OptionSpec {
  title: string
  title_en: string
  values: OptionValue[]
  /**
   * How many values a product offers: weights for 1, 2, 3 … values (a random subset,
   * kept in table order). Absent: every value.
   */
  pick?: number[]
}

function v(code: string, zh: string, en: string, extra: Omit<OptionValue, "code" | "zh" | "en"> = {}): OptionValue {
  return { code, zh, en, ...extra }
}

const C = {
  BLK: v("BLK", "黑色", "Black"),
  WHT: v("WHT", "白色", "White"),
  GRY: v("GRY", "麻灰", "Heather Grey"),
  NVY: v("NVY", "藏青", "Navy"),
  OLV: v("OLV", "军绿", "Olive"),
  BEG: v("BEG", "米杏", "Beige"),
  KHK: v("KHK", "卡其", "Khaki"),
  BLU: v("BLU", "蓝色", "Blue"),
  LBL: v("LBL", "浅蓝", "Light Blue"),
  DBL: v("DBL", "深蓝", "Dark Blue"),
  RED: v("RED", "红色", "Red"),
  BRG: v("BRG", "酒红", "Burgundy"),
  PNK: v("PNK", "粉色", "Pink"),
  BRN: v("BRN", "咖啡", "Brown"),
  CRM: v("CRM", "奶白", "Cream"),
  GRN: v("GRN", "墨绿", "Forest Green"),
  MUS: v("MUS", "姜黄", "Mustard"),
  IND: v("IND", "靛蓝", "Indigo"),
  SKY: v("SKY", "天蓝", "Sky Blue"),
  SLV: v("SLV", "银色", "Silver"),
  GLD: v("GLD", "金色", "Gold"),
  SGR: v("SGR", "深空灰", "Space Grey"),
  ORG: v("ORG", "橙色", "Orange"),
  TER: v("TER", "紫陶色", "Terracotta"),
}

const colour = (values: OptionValue[], pick: number[] = [0.45, 0.4, 0.15]): OptionSpec => ({
  title: "颜色",
  title_en: "Colour",
  values,
  pick,
})

const SIZE_WEIGHT: Record<string, number> = { XS: 0.85, S: 0.9, M: 1, L: 1.05, XL: 1.1, XXL: 1.16 }
const sizes = (codes: string[]): OptionSpec => ({
  title: "尺码",
  title_en: "Size",
  values: codes.map((c) => v(c, c, c, { wx: SIZE_WEIGHT[c] })),
})
const UNISEX_SIZES = sizes(["S", "M", "L", "XL", "XXL"])
const MENS_SIZES = UNISEX_SIZES
const WOMENS_SIZES = sizes(["XS", "S", "M", "L", "XL"])
const ONE_SIZE: OptionSpec = { title: "尺码", title_en: "Size", values: [v("OS", "均码", "One Size")] }

const spec = (title: string, title_en: string, values: OptionValue[], pick?: number[]): OptionSpec => ({
  title,
  title_en,
  values,
  pick,
})

const SHADES: OptionValue[] = [
  v("R01", "#01 正红", "#01 Classic Red"),
  v("R02", "#02 豆沙", "#02 Rosewood"),
  v("R03", "#03 枫叶红", "#03 Maple"),
  v("R04", "#04 珊瑚", "#04 Coral"),
  v("R05", "#05 番茄", "#05 Tomato"),
  v("R06", "#06 奶茶", "#06 Milk Tea"),
  v("R07", "#07 砖红", "#07 Brick"),
  v("R08", "#08 玫瑰", "#08 Rose"),
  v("R09", "#09 裸粉", "#09 Nude Pink"),
]

// ---------------------------------------------------------------------------------------------
// Families

type Gender = "m" | "w" | "u"

interface Line {
  zh: string
  en: string
  /** Apparel: men's, women's or unisex (sizes follow). */
  gender?: Gender
  /** The line is the whole product name (the family noun is not appended). */
  full?: boolean
  price?: [number, number]
  origin?: string
  preorder?: boolean
}

interface Family {
  code: string
  top: TopCategory
  category: string
  zh: string
  en: string
  price: [number, number]
  /** Weight range in grams for the base variant (or packaging, when an option sets a net weight). */
  weight: [number, number]
  options: OptionSpec[]
  lines: Line[]
  /** Products of this family in the "small" catalogue (the first lines). */
  small: number
  desc: string
  desc_en: string
  origin?: string
  manage_inventory?: boolean
}

const L = (zh: string, en: string, extra: Omit<Line, "zh" | "en"> = {}): Line => ({ zh, en, ...extra })
const M = (zh: string, en: string, extra: Omit<Line, "zh" | "en" | "gender"> = {}) => L(zh, en, { ...extra, gender: "m" })
const W = (zh: string, en: string, extra: Omit<Line, "zh" | "en" | "gender"> = {}) => L(zh, en, { ...extra, gender: "w" })
const U = (zh: string, en: string, extra: Omit<Line, "zh" | "en" | "gender"> = {}) => L(zh, en, { ...extra, gender: "u" })
const F = (zh: string, en: string, extra: Omit<Line, "zh" | "en" | "full"> = {}) => L(zh, en, { ...extra, full: true })

const SIZED = [UNISEX_SIZES] // placeholder: apparel families get sizes by line gender

const FAMILIES: Family[] = [
  // ------------------------------------------------------------------ apparel
  {
    code: "TEE", top: "apparel", category: "apparel-tops", zh: "T恤", en: "T-Shirt", price: [59, 199], weight: [180, 260],
    options: [colour([C.BLK, C.WHT, C.GRY, C.NVY, C.OLV, C.BEG]), ...SIZED], small: 2,
    desc: "精选棉质面料，亲肤透气，版型利落，日常百搭。", desc_en: "Soft, breathable cotton with a clean cut for every day.",
    lines: [
      U("纯棉圆领", "Cotton Crew-Neck"), M("重磅纯棉", "Heavyweight Cotton"), W("重磅纯棉", "Heavyweight Cotton"),
      U("宽松落肩", "Relaxed Drop-Shoulder"), M("速干运动", "Quick-Dry Sport"), W("速干运动", "Quick-Dry Sport"),
      W("莫代尔V领", "Modal V-Neck"), U("亚麻混纺", "Linen-Blend"), U("条纹", "Striped"),
      U("滇池海鸥印花", "Dianchi Gull Print"), U("石林印花", "Stone Forest Print"), U("山茶花印花", "Camellia Print"),
      U("大理扎染", "Dali Tie-Dye"), W("民族刺绣", "Ethnic Embroidered"), M("华夫格", "Waffle-Knit"),
      M("长袖打底", "Long-Sleeve Base"), W("长袖打底", "Long-Sleeve Base"), U("冰感防晒", "Cool-Touch UV"),
      U("复古水洗", "Vintage Washed"), M("口袋", "Pocket"), W("短款", "Cropped"),
    ],
  },
  {
    code: "POLO", top: "apparel", category: "apparel-tops", zh: "Polo衫", en: "Polo Shirt", price: [129, 299], weight: [220, 300],
    options: [colour([C.NVY, C.WHT, C.BLK, C.GRN, C.LBL]), ...SIZED], small: 1,
    desc: "珠地面料挺括有型，领型不易变形，通勤休闲两相宜。", desc_en: "Crisp piqué that keeps its collar, for work and weekends.",
    lines: [
      M("商务珠地", "Business Piqué"), M("凉感", "Cool-Touch"), W("修身", "Slim-Fit"),
      U("条纹", "Striped"), M("针织", "Knitted"), U("撞色领", "Contrast-Collar"),
    ],
  },
  {
    code: "HOOD", top: "apparel", category: "apparel-tops", zh: "卫衣", en: "Sweatshirt", price: [159, 399], weight: [450, 700],
    options: [colour([C.BLK, C.GRY, C.NVY, C.CRM, C.OLV, C.BRG]), ...SIZED], small: 1,
    desc: "柔软毛圈与加绒内里，保暖不闷，宽松舒适。", desc_en: "Soft terry or fleece inside: warm without the stuffiness.",
    lines: [
      U("连帽加绒", "Fleece-Lined Hooded"), U("圆领", "Crew-Neck"), M("半拉链", "Half-Zip"),
      U("重磅毛圈", "Heavyweight Terry"), W("宽松连帽", "Oversized Hooded"), U("刺绣", "Embroidered"),
      U("开衫连帽", "Zip-Up Hooded"), U("摇粒绒", "Polar Fleece"), W("短款", "Cropped"), U("学院风", "Varsity"),
    ],
  },
  {
    code: "SHRT", top: "apparel", category: "apparel-tops", zh: "衬衫", en: "Shirt", price: [129, 359], weight: [200, 300],
    options: [colour([C.WHT, C.LBL, C.BLU, C.KHK, C.NVY]), ...SIZED], small: 1,
    desc: "细腻织纹，版型合身，正装休闲皆可驾驭。", desc_en: "Fine weave and a tailored fit, dressed up or down.",
    lines: [
      M("牛津纺", "Oxford"), M("免烫商务", "Non-Iron Business"), W("亚麻", "Linen"), U("法兰绒格纹", "Flannel Check"),
      M("灯芯绒", "Corduroy"), U("牛仔", "Denim"), W("条纹", "Striped"), M("短袖", "Short-Sleeve"),
    ],
  },
  {
    code: "KNIT", top: "apparel", category: "apparel-tops", zh: "针织衫", en: "Knit Sweater", price: [199, 599], weight: [300, 500],
    options: [colour([C.CRM, C.GRY, C.NVY, C.BRN, C.BRG]), ...SIZED], small: 0,
    desc: "羊毛混纺，细腻保暖，秋冬叠穿必备。", desc_en: "Fine wool blends for warm, layered autumn and winter looks.",
    lines: [
      M("羊毛圆领", "Wool Crew-Neck"), W("羊绒混纺", "Cashmere-Blend"), W("针织开衫", "Knit Cardigan", { full: true }),
      U("高领", "Turtleneck"), U("麻花", "Cable-Knit"), M("针织背心", "Knit Vest", { full: true }),
    ],
  },
  {
    code: "JEAN", top: "apparel", category: "apparel-bottoms", zh: "牛仔裤", en: "Jeans", price: [199, 499], weight: [550, 800],
    options: [colour([C.DBL, C.LBL, C.BLK, C.IND]), ...SIZED], small: 1,
    desc: "弹力丹宁，久穿不松垮，水洗工艺色泽自然。", desc_en: "Stretch denim that keeps its shape, with a natural wash.",
    lines: [
      M("直筒", "Straight-Fit"), M("修身", "Slim-Fit"), U("锥形", "Tapered"), W("阔腿", "Wide-Leg"),
      W("高腰", "High-Rise"), M("弹力", "Stretch"), U("复古水洗", "Vintage-Wash"), W("微喇", "Bootcut"),
    ],
  },
  {
    code: "PANT", top: "apparel", category: "apparel-bottoms", zh: "休闲裤", en: "Trousers", price: [159, 399], weight: [400, 600],
    options: [colour([C.KHK, C.BLK, C.NVY, C.OLV, C.BEG]), ...SIZED], small: 1,
    desc: "舒适面料，利落剪裁，通勤出游都好穿。", desc_en: "Comfortable fabrics and a sharp cut for commuting or travel.",
    lines: [
      M("卡其", "Chino"), U("工装", "Cargo"), U("束脚运动", "Jogger"), W("西装直筒", "Tailored Straight"),
      M("灯芯绒", "Corduroy"), W("亚麻", "Linen"), U("冰丝", "Ice-Silk"),
    ],
  },
  {
    code: "SHTS", top: "apparel", category: "apparel-bottoms", zh: "短裤", en: "Shorts", price: [89, 229], weight: [200, 320],
    options: [colour([C.KHK, C.BLK, C.NVY, C.GRY]), ...SIZED], small: 0,
    desc: "轻薄透气，夏日出行清爽自在。", desc_en: "Light and airy for summer days out.",
    lines: [U("运动", "Sport"), M("工装", "Cargo"), M("卡其", "Chino"), W("牛仔", "Denim")],
  },
  {
    code: "DOWN", top: "apparel", category: "apparel-outerwear", zh: "羽绒服", en: "Down Jacket", price: [499, 899], weight: [600, 1200],
    options: [colour([C.BLK, C.NVY, C.CRM, C.OLV, C.BRN]), ...SIZED], small: 1,
    desc: "90%白鸭绒填充，蓬松轻暖，防泼水面料。", desc_en: "90% white duck down: light, lofty warmth in a water-repellent shell.",
    lines: [
      U("轻薄", "Ultra-Light"), M("连帽中长款", "Hooded Mid-Length"), W("连帽中长款", "Hooded Mid-Length"),
      U("短款面包服", "Puffer"), W("长款过膝", "Knee-Length"), M("立领", "Stand-Collar"), U("羽绒马甲", "Down Vest", { full: true }),
    ],
  },
  {
    code: "SHEL", top: "apparel", category: "apparel-outerwear", zh: "冲锋衣", en: "Shell Jacket", price: [399, 899], weight: [500, 900],
    options: [colour([C.BLK, C.NVY, C.ORG, C.GRN, C.RED]), ...SIZED], small: 0,
    desc: "防水透湿，防风保暖，城市通勤与高原徒步皆宜。", desc_en: "Waterproof and breathable, for the city and plateau hikes alike.",
    lines: [
      U("防水", "Waterproof"), M("三合一", "3-in-1"), W("三合一", "3-in-1"), U("软壳", "Softshell"),
      U("梅里雪山", "Meili Snow Mountain"),
    ],
  },
  {
    code: "JKT", top: "apparel", category: "apparel-outerwear", zh: "夹克", en: "Jacket", price: [199, 699], weight: [350, 900],
    options: [colour([C.BLK, C.KHK, C.OLV, C.NVY, C.BEG]), ...SIZED], small: 0,
    desc: "经典廓形，耐穿面料，春秋季节的百搭外套。", desc_en: "Classic shapes in hard-wearing fabrics for spring and autumn.",
    lines: [
      M("飞行员", "Bomber"), U("牛仔", "Denim"), M("工装", "Utility"), U("棒球", "Baseball"),
      W("小香风", "Tweed"), U("防晒皮肤衣", "Sun-Protection Jacket", { full: true, price: [199, 299] }),
    ],
  },
  {
    code: "SOCK", top: "apparel", category: "apparel-accessories", zh: "袜子", en: "Socks", price: [59, 99], weight: [90, 160],
    options: [colour([C.BLK, C.WHT, C.GRY, C.NVY], [0.5, 0.5]), ONE_SIZE], small: 1,
    desc: "精梳棉袜，吸汗防臭，多双装更划算。", desc_en: "Combed-cotton socks that stay fresh, in value packs.",
    lines: [
      F("纯棉中筒袜三双装", "Cotton Crew Socks 3-Pack"), F("运动船袜五双装", "Sport No-Show Socks 5-Pack"),
      F("羊毛保暖袜两双装", "Wool Socks 2-Pack"), F("商务棉袜三双装", "Business Socks 3-Pack"),
    ],
  },
  {
    code: "CAP", top: "apparel", category: "apparel-accessories", zh: "帽子", en: "Hat", price: [59, 199], weight: [80, 160],
    options: [colour([C.BLK, C.BEG, C.NVY, C.KHK, C.CRM], [0.4, 0.6]), ONE_SIZE], small: 1,
    desc: "可调节帽围，遮阳保暖两相宜。", desc_en: "Adjustable fit for sun or cold.",
    lines: [F("棒球帽", "Baseball Cap"), F("渔夫帽", "Bucket Hat"), F("针织毛线帽", "Beanie"), F("遮阳帽", "Sun Hat")],
  },
  {
    code: "SCRF", top: "apparel", category: "apparel-accessories", zh: "围巾", en: "Scarf", price: [99, 399], weight: [120, 260],
    options: [colour([C.GRY, C.BRG, C.CRM, C.IND, C.BRN], [0.5, 0.5]), ONE_SIZE], small: 0,
    desc: "柔软亲肤，色泽温润，送礼自用皆宜。", desc_en: "Soft to the touch in warm colours; a good gift.",
    lines: [F("羊毛围巾", "Wool Scarf"), F("羊绒围巾", "Cashmere Scarf", { price: [299, 399] }), F("扎染丝巾", "Tie-Dye Silk Scarf", { origin: "云南大理" }), F("格纹围巾", "Check Scarf")],
  },
  {
    code: "BAG", top: "apparel", category: "apparel-accessories", zh: "包", en: "Bag", price: [59, 399], weight: [200, 700],
    options: [colour([C.BLK, C.BEG, C.OLV, C.NVY], [0.5, 0.5]), ONE_SIZE], small: 0,
    desc: "耐磨面料，容量实用，通勤出游轻松收纳。", desc_en: "Hard-wearing and roomy for commuting and travel.",
    lines: [
      F("帆布托特包", "Canvas Tote", { price: [59, 99] }), F("斜挎包", "Crossbody Bag", { price: [129, 199] }),
      F("双肩包", "Backpack", { price: [199, 399] }), F("腰包", "Belt Bag", { price: [79, 129] }),
    ],
  },

  // ------------------------------------------------------------------ beauty
  {
    code: "CRM", top: "beauty", category: "beauty-skincare", zh: "面霜", en: "Face Cream", price: [129, 359], weight: [110, 140],
    options: [spec("规格", "Size", [v("30G", "30g", "30 g", { g: 30 }), v("50G", "50g", "50 g", { g: 50, x: 1.5 })], [0.4, 0.6])], small: 1,
    desc: "质地轻盈易吸收，长效保湿，呵护肌肤屏障。", desc_en: "Light, quickly absorbed, long-lasting moisture for the skin barrier.",
    lines: [
      L("山茶花保湿", "Camellia Moisturising", { origin: "云南" }), L("玫瑰修护", "Rose Repair"), L("烟酰胺焕亮", "Niacinamide Brightening"),
      L("积雪草舒缓", "Centella Soothing"), L("视黄醇抗皱", "Retinol Anti-Wrinkle"), L("神经酰胺屏障", "Ceramide Barrier"),
      L("玻尿酸水润", "Hyaluronic Hydrating"), L("雪莲紧致", "Snow Lotus Firming"), L("三七修护", "Notoginseng Repair", { origin: "云南文山" }),
    ],
  },
  {
    code: "EYE", top: "beauty", category: "beauty-skincare", zh: "眼霜", en: "Eye Cream", price: [159, 399], weight: [70, 90],
    options: [spec("规格", "Size", [v("15G", "15g", "15 g", { g: 15 }), v("30G", "30g", "30 g", { g: 30, x: 1.7 })], [0.6, 0.4])], small: 0,
    desc: "淡化细纹与黑眼圈，质地细腻不长脂肪粒。", desc_en: "Softens fine lines and dark circles in a fine, non-clogging texture.",
    lines: [L("胜肽紧致", "Peptide Firming"), L("咖啡因消肿", "Caffeine De-Puffing"), L("山茶花滋养", "Camellia Nourishing", { origin: "云南" })],
  },
  {
    code: "SRM", top: "beauty", category: "beauty-skincare", zh: "精华", en: "Serum", price: [159, 399], weight: [90, 120],
    options: [spec("规格", "Size", [v("30ML", "30ml", "30 ml", { g: 32 }), v("50ML", "50ml", "50 ml", { g: 53, x: 1.5 })], [0.4, 0.6])], small: 1,
    desc: "高浓度活性成分，直达肌底，改善肤质。", desc_en: "Concentrated actives that go deep and visibly improve skin.",
    lines: [
      L("二裂酵母", "Bifida Ferment"), L("维C焕亮", "Vitamin C Brightening"), L("烟酰胺", "Niacinamide"),
      L("玻尿酸", "Hyaluronic Acid"), L("胜肽抗皱", "Peptide Anti-Wrinkle"), L("余甘子抗氧", "Emblic Antioxidant", { origin: "云南" }),
      L("三七舒缓", "Notoginseng Soothing", { origin: "云南文山" }), L("玫瑰精油", "Rose Oil"), L("视黄醇", "Retinol"),
    ],
  },
  {
    code: "LIP", top: "beauty", category: "beauty-makeup", zh: "口红", en: "Lipstick", price: [89, 269], weight: [35, 55],
    options: [spec("色号", "Shade", SHADES, [0, 0, 0.3, 0.4, 0.3])], small: 1,
    desc: "饱和显色，顺滑不拔干，多色号可选。", desc_en: "Rich colour that glides on without drying, in many shades.",
    lines: [
      L("丝绒哑光", "Velvet Matte"), L("滋润", "Moisturising"), F("镜面唇釉", "Glossy Lip Lacquer"),
      F("雾面唇泥", "Matte Lip Mousse"), F("润色唇膏", "Tinted Lip Balm", { price: [89, 129] }), L("缎光", "Satin"),
    ],
  },
  {
    code: "FDN", top: "beauty", category: "beauty-makeup", zh: "粉底液", en: "Foundation", price: [159, 399], weight: [90, 130],
    options: [spec("色号", "Shade", [v("00", "00 象牙白", "00 Ivory"), v("01", "01 自然色", "01 Natural"), v("02", "02 小麦色", "02 Wheat")])], small: 0,
    desc: "轻薄服帖，持久不脱妆，适合亚洲肤色。", desc_en: "Light, long-wearing coverage made for Asian skin tones.",
    lines: [L("持妆", "Long-Wear"), L("水光", "Dewy"), L("养肤", "Skincare"), L("哑光控油", "Matte Oil-Control"), F("气垫粉底", "Cushion Foundation")],
  },
  {
    code: "MASK", top: "beauty", category: "beauty-skincare", zh: "面膜", en: "Sheet Mask", price: [49, 129], weight: [150, 180],
    options: [spec("规格", "Pack", [v("5P", "5片装", "5 sheets"), v("10P", "10片装", "10 sheets", { x: 1.8, wx: 1.9 })], [0.5, 0.5])], small: 1,
    desc: "精华满满，服帖不滴落，急救补水。", desc_en: "Soaked in essence and close-fitting: a quick moisture rescue.",
    lines: [
      L("玻尿酸补水", "Hyaluronic Hydrating"), L("积雪草舒缓", "Centella Soothing"), L("玫瑰焕亮", "Rose Brightening"),
      L("云南鲜花", "Yunnan Flower", { origin: "云南" }), L("石斛保湿", "Dendrobium Moisturising", { origin: "云南" }),
    ],
  },
  {
    code: "CLN", top: "beauty", category: "beauty-skincare", zh: "洁面", en: "Cleanser", price: [59, 139], weight: [40, 60],
    options: [spec("规格", "Size", [v("100ML", "100ml", "100 ml", { g: 105 }), v("200ML", "200ml", "200 ml", { g: 210, x: 1.6 })], [0.6, 0.4])], small: 0,
    desc: "温和清洁不紧绷，敏感肌可用。", desc_en: "Gentle cleansing that leaves no tightness; fine for sensitive skin.",
    lines: [F("氨基酸洁面乳", "Amino Acid Cleanser"), F("控油洁面泡沫", "Oil-Control Foam Cleanser"), F("卸妆油", "Cleansing Oil"), F("卸妆水", "Micellar Water")],
  },
  {
    code: "SUN", top: "beauty", category: "beauty-skincare", zh: "防晒霜", en: "Sunscreen SPF50+", price: [89, 229], weight: [30, 45],
    options: [spec("规格", "Size", [v("50ML", "50ml", "50 ml", { g: 55 }), v("100ML", "100ml", "100 ml", { g: 108, x: 1.7 })], [0.5, 0.5])], small: 0,
    desc: "SPF50+ PA++++，高原强紫外线也安心。", desc_en: "SPF50+ PA++++, trusted under strong plateau sun.",
    lines: [L("清爽", "Light"), L("高原强效", "Plateau High-Protection"), L("户外防水", "Water-Resistant"), L("素颜", "Tinted")],
  },
  {
    code: "SHMP", top: "beauty", category: "beauty-personal-care", zh: "洗发水", en: "Shampoo", price: [49, 99], weight: [50, 70],
    options: [spec("规格", "Size", [v("400ML", "400ml", "400 ml", { g: 410 }), v("750ML", "750ml", "750 ml", { g: 770, x: 1.6 })], [0.5, 0.5])], small: 1,
    desc: "温和配方，洗后蓬松柔顺。", desc_en: "A gentle formula for soft, full hair.",
    lines: [L("无硅油", "Silicone-Free"), L("控油蓬松", "Oil-Control Volume"), L("防脱固发", "Anti-Hair-Loss"), L("何首乌", "Fo-Ti Herbal"), L("去屑", "Anti-Dandruff")],
  },
  {
    code: "BODY", top: "beauty", category: "beauty-personal-care", zh: "沐浴露", en: "Body Wash", price: [39, 79], weight: [50, 80],
    options: [spec("规格", "Size", [v("500ML", "500ml", "500 ml", { g: 515 }), v("1L", "1L", "1 L", { g: 1030, x: 1.7 })], [0.5, 0.5])], small: 0,
    desc: "细腻泡沫，淡雅香气，洗后不紧绷。", desc_en: "Rich lather and a light scent; skin never feels tight.",
    lines: [L("玫瑰", "Rose"), L("茉莉", "Jasmine"), L("薄荷", "Mint"), L("山茶", "Camellia"), L("氨基酸", "Amino Acid")],
  },
  {
    code: "HAND", top: "beauty", category: "beauty-personal-care", zh: "护手霜", en: "Hand Cream", price: [39, 69], weight: [70, 90],
    options: [spec("规格", "Pack", [v("1P", "单支50g", "Single 50 g"), v("3P", "三支礼盒", "Gift Box of 3", { x: 2.6, wx: 3.4 })], [0.4, 0.6])], small: 1,
    desc: "滋润不油腻，秋冬随身必备。", desc_en: "Nourishing without the grease; an autumn and winter essential.",
    lines: [L("乳木果", "Shea Butter"), L("玫瑰", "Rose"), L("山茶", "Camellia"), L("茉莉", "Jasmine")],
  },
  {
    code: "PERF", top: "beauty", category: "beauty-fragrance", zh: "香水", en: "Eau de Parfum", price: [199, 399], weight: [180, 260],
    options: [spec("规格", "Size", [v("30ML", "30ml", "30 ml"), v("50ML", "50ml", "50 ml", { x: 1.45, wx: 1.3 })])], small: 0,
    desc: "以云南风物为灵感的东方调香。", desc_en: "Eastern scents inspired by Yunnan.",
    lines: [L("滇红茶", "Dianhong Tea"), L("山茶花", "Camellia"), L("雨林", "Rainforest")],
  },

  // ------------------------------------------------------------------ electronics
  {
    code: "EAR", top: "electronics", category: "electronics-audio", zh: "耳机", en: "Earphones", price: [129, 899], weight: [60, 120],
    options: [colour([C.BLK, C.WHT, C.BLU, C.PNK])], small: 2,
    desc: "蓝牙5.3稳定连接，低延迟，长续航。", desc_en: "Stable Bluetooth 5.3, low latency and long battery life.",
    lines: [
      L("真无线降噪", "ANC True Wireless", { price: [599, 899] }), L("半入耳真无线", "Semi-In-Ear True Wireless", { price: [199, 399] }),
      L("运动挂耳", "Sport Ear-Hook", { price: [199, 349] }), F("头戴式降噪耳机", "Over-Ear ANC Headphones", { price: [799, 1299] }),
      L("骨传导", "Bone-Conduction", { price: [399, 699] }), L("开放式", "Open-Ear", { price: [299, 599] }),
      L("游戏低延迟", "Low-Latency Gaming", { price: [199, 399] }), L("Type-C有线", "USB-C Wired", { price: [59, 129] }),
      F("降噪耳机Pro 2代（预售）", "ANC Earbuds Pro 2nd Gen (Pre-order)", { price: [999, 1299], preorder: true }),
    ],
  },
  {
    code: "SPK", top: "electronics", category: "electronics-audio", zh: "蓝牙音箱", en: "Bluetooth Speaker", price: [199, 899], weight: [350, 1400],
    options: [colour([C.BLK, C.BLU, C.GRN, C.SGR], [0.4, 0.6])], small: 0,
    desc: "360°环绕音效，IPX7防水，户外派对好伙伴。", desc_en: "360° sound and IPX7 waterproofing: made for outdoor parties.",
    lines: [L("便携防水", "Portable Waterproof", { price: [199, 399] }), L("桌面", "Desktop", { price: [299, 599] }), L("户外派对", "Outdoor Party", { price: [599, 899] }), L("迷你", "Mini", { price: [199, 249] })],
  },
  {
    code: "PWR", top: "electronics", category: "electronics-charging", zh: "充电宝", en: "Power Bank", price: [79, 199], weight: [180, 230],
    options: [
      spec("容量", "Capacity", [v("10K", "10000mAh", "10,000 mAh"), v("20K", "20000mAh", "20,000 mAh", { x: 1.45, wx: 1.8 })]),
      colour([C.BLK, C.WHT, C.BLU], [0.4, 0.6]),
    ],
    small: 1,
    desc: "双向快充，可带上飞机，多重安全保护。", desc_en: "Two-way fast charging, flight-safe, with multiple protections.",
    lines: [L("自带线", "Built-In Cable"), L("磁吸", "Magnetic"), L("快充", "Fast-Charge"), L("超薄", "Slim"), L("户外大容量", "Outdoor High-Capacity")],
  },
  {
    code: "CBL", top: "electronics", category: "electronics-charging", zh: "数据线", en: "Cable", price: [19, 79], weight: [35, 60],
    options: [
      spec("长度", "Length", [v("1M", "1m", "1 m"), v("2M", "2m", "2 m", { add: 10, wx: 1.6 })]),
      colour([C.BLK, C.WHT], [0.6, 0.4]),
    ],
    small: 1,
    desc: "高密度编织，耐弯折，支持快充与数据传输。", desc_en: "Dense braiding that survives bending; fast charging and data.",
    lines: [
      L("USB-C对USB-C 60W", "USB-C to USB-C 60W"), L("USB-C对USB-C 240W", "USB-C to USB-C 240W", { price: [49, 79] }),
      L("USB-A转USB-C", "USB-A to USB-C"), L("USB-C转Lightning", "USB-C to Lightning"),
      L("三合一", "3-in-1"), L("编织快充", "Braided Fast-Charge"), L("磁吸收纳", "Magnetic Coiling"),
    ],
  },
  {
    code: "CHG", top: "electronics", category: "electronics-charging", zh: "充电器", en: "Charger", price: [49, 299], weight: [40, 200],
    options: [colour([C.WHT, C.BLK], [0.5, 0.5])], small: 1,
    desc: "氮化镓技术，体积小巧，多协议快充。", desc_en: "GaN technology: compact, with multi-protocol fast charging.",
    lines: [
      L("20W快充", "20W Fast", { price: [49, 79] }), L("35W双口", "35W Dual-Port", { price: [89, 129] }),
      L("65W氮化镓", "65W GaN", { price: [129, 199] }), L("100W氮化镓", "100W GaN", { price: [199, 299] }),
      F("无线充电板", "Wireless Charging Pad", { price: [79, 149] }), F("车载充电器", "Car Charger", { price: [59, 99] }),
    ],
  },
  {
    code: "WTCH", top: "electronics", category: "electronics-wearables", zh: "智能手表", en: "Smartwatch", price: [599, 1999], weight: [160, 240],
    options: [
      spec("表盘", "Case Size", [v("42", "42mm", "42 mm"), v("46", "46mm", "46 mm", { add: 100, wx: 1.1 })]),
      colour([C.BLK, C.SLV, C.GLD, C.PNK], [0, 1]),
    ],
    small: 1,
    desc: "心率血氧监测，百种运动模式，续航14天。", desc_en: "Heart-rate and SpO2 tracking, 100+ sport modes, 14-day battery.",
    lines: [
      F("智能手表Pro 2027款（预售）", "Smartwatch Pro 2027 (Pre-order)", { price: [1699, 1899], preorder: true }),
      L("运动", "Sport", { price: [599, 999] }), L("商务", "Classic", { price: [1299, 1699] }),
      L("户外GPS", "Outdoor GPS", { price: [999, 1499] }), F("儿童智能手表", "Kids' Smartwatch", { price: [399, 699] }),
    ],
  },
  {
    code: "BAND", top: "electronics", category: "electronics-wearables", zh: "手环", en: "Fitness Band", price: [199, 399], weight: [60, 90],
    options: [colour([C.BLK, C.PNK, C.GRN, C.BLU], [0, 0.6, 0.4])], small: 0,
    desc: "轻巧佩戴，睡眠与运动监测，支持NFC公交卡。", desc_en: "Light to wear, sleep and activity tracking, NFC transit card.",
    lines: [L("标准版", "Standard"), L("NFC版", "NFC Edition"), F("手环8代（预售）", "Fitness Band 8 (Pre-order)", { preorder: true, price: [299, 399] })],
  },
  {
    code: "MOUS", top: "electronics", category: "electronics-accessories", zh: "无线鼠标", en: "Wireless Mouse", price: [79, 249], weight: [80, 130],
    options: [colour([C.BLK, C.WHT, C.SGR], [0.4, 0.6])], small: 0,
    desc: "静音按键，蓝牙与2.4G双模，一次充电用三个月。", desc_en: "Silent clicks, Bluetooth plus 2.4 GHz, three months on a charge.",
    lines: [L("静音", "Silent"), L("蓝牙双模", "Dual-Mode")],
  },
  {
    code: "KBD", top: "electronics", category: "electronics-accessories", zh: "蓝牙键盘", en: "Bluetooth Keyboard", price: [149, 399], weight: [350, 700],
    options: [colour([C.BLK, C.WHT, C.SGR], [0.4, 0.6])], small: 0,
    desc: "三设备切换，平板手机电脑通用。", desc_en: "Switches between three devices: tablet, phone or computer.",
    lines: [L("超薄静音", "Slim Silent", { price: [149, 199] }), L("机械", "Mechanical", { price: [299, 399] })],
  },
  {
    code: "USB", top: "electronics", category: "electronics-accessories", zh: "U盘", en: "USB Flash Drive", price: [39, 69], weight: [15, 25],
    options: [spec("容量", "Capacity", [v("64G", "64GB", "64 GB"), v("128G", "128GB", "128 GB", { x: 1.6 }), v("256G", "256GB", "256 GB", { x: 2.8 })], [0.2, 0.5, 0.3])],
    small: 0,
    desc: "USB 3.2高速传输，金属外壳耐用。", desc_en: "Fast USB 3.2 transfer in a durable metal body.",
    lines: [L("金属", "Metal"), L("双接口", "Dual-Connector")],
  },
  {
    code: "STND", top: "electronics", category: "electronics-accessories", zh: "手机支架", en: "Phone Stand", price: [29, 99], weight: [90, 250],
    options: [colour([C.BLK, C.SLV, C.WHT], [0.5, 0.5])], small: 0,
    desc: "多角度调节，稳固不晃。", desc_en: "Adjustable angles, rock steady.",
    lines: [L("桌面折叠", "Foldable Desk"), L("车载磁吸", "Magnetic Car")],
  },

  // ------------------------------------------------------------------ grocery
  {
    code: "PUER", top: "grocery", category: "grocery-tea", zh: "普洱茶", en: "Pu'er Tea", price: [78, 128], weight: [20, 30],
    options: [spec("规格", "Size", [v("357G", "357g饼", "357 g cake", { g: 357 }), v("200G", "200g饼", "200 g cake", { g: 200, x: 0.62 }), v("100G", "100g沱", "100 g tuo", { g: 100, x: 0.38 })], [0.45, 0.4, 0.15])],
    small: 3,
    desc: "云南大叶种晒青毛茶压制，越陈越香。", desc_en: "Pressed from sun-dried Yunnan large-leaf tea; it improves with age.",
    origin: "云南",
    lines: [
      F("勐海普洱熟茶", "Menghai Ripe Pu'er", { origin: "云南西双版纳勐海" }), F("易武普洱生茶", "Yiwu Raw Pu'er", { origin: "云南西双版纳易武" }),
      F("景迈山普洱生茶", "Jingmai Mountain Raw Pu'er", { origin: "云南普洱澜沧" }), F("布朗山普洱生茶", "Bulang Mountain Raw Pu'er", { origin: "云南西双版纳勐海" }),
      F("临沧普洱熟茶", "Lincang Ripe Pu'er", { origin: "云南临沧" }), F("宫廷普洱熟茶", "Palace-Grade Ripe Pu'er"),
      F("糯米香普洱熟茶", "Sticky-Rice Scented Ripe Pu'er"), F("古树普洱生茶", "Ancient-Tree Raw Pu'er"),
      F("2019年份普洱熟茶", "2019 Vintage Ripe Pu'er"), F("2021年份普洱生茶", "2021 Vintage Raw Pu'er"),
      F("勐库普洱熟茶", "Mengku Ripe Pu'er", { origin: "云南临沧勐库" }), F("南糯山普洱生茶", "Nannuo Mountain Raw Pu'er", { origin: "云南西双版纳勐海" }),
    ],
  },
  {
    code: "CITR", top: "grocery", category: "grocery-tea", zh: "柑普茶", en: "Tangerine Pu'er", price: [48, 68], weight: [40, 60],
    options: [spec("规格", "Pack", [v("10P", "10颗装", "10 pieces", { g: 120 }), v("20P", "20颗装", "20 pieces", { g: 240, x: 1.85 })])], small: 0,
    desc: "新会柑皮配云南熟普，果香与陈香交融。", desc_en: "Xinhui tangerine peel filled with Yunnan ripe Pu'er.",
    lines: [F("小青柑普洱", "Xiaoqinggan Tangerine Pu'er"), F("陈皮普洱", "Aged-Peel Pu'er")],
  },
  {
    code: "DHNG", top: "grocery", category: "grocery-tea", zh: "滇红", en: "Dianhong Black Tea", price: [38, 58], weight: [30, 60],
    options: [spec("规格", "Size", [v("100G", "100g", "100 g", { g: 100 }), v("250G", "250g", "250 g", { g: 250, x: 2.1 })], [0.4, 0.6])], small: 1,
    desc: "金毫显露，汤色红艳，蜜香浓郁。", desc_en: "Golden tips, a bright red liquor and a honeyed aroma.",
    origin: "云南临沧凤庆",
    lines: [F("滇红金芽", "Golden Bud Dianhong"), F("滇红松针", "Pine-Needle Dianhong"), F("古树滇红", "Ancient-Tree Dianhong"), F("经典58滇红", "Classic 58 Dianhong"), F("凤庆工夫红茶", "Fengqing Congou Black Tea")],
  },
  {
    code: "OTEA", top: "grocery", category: "grocery-tea", zh: "花草茶", en: "Herbal Tea", price: [29, 58], weight: [40, 80],
    options: [spec("规格", "Size", [v("100G", "100g", "100 g", { g: 100 }), v("200G", "200g", "200 g", { g: 200, x: 1.8 })], [0.5, 0.5])], small: 0,
    desc: "云南高原原料，清香回甘。", desc_en: "Plateau-grown in Yunnan, fresh with a sweet finish.",
    lines: [F("月光白茶", "Moonlight White Tea", { origin: "云南普洱景谷" }), F("玫瑰花冠茶", "Rose Bud Tea", { origin: "云南" }), F("苦荞茶", "Tartary Buckwheat Tea", { origin: "云南昭通" }), F("滇绿茶", "Yunnan Green Tea")],
  },
  {
    code: "XHB", top: "grocery", category: "grocery-pastry", zh: "鲜花饼", en: "Flower Cake", price: [19.9, 45], weight: [60, 120],
    options: [spec("规格", "Pack", [v("6P", "6枚装", "6 pieces", { g: 300 }), v("10P", "10枚装", "10 pieces", { g: 500, x: 1.6 }), v("20P", "20枚礼盒", "Gift box of 20", { g: 1000, x: 2.9 })], [0.3, 0.5, 0.2])],
    small: 2,
    desc: "可食用玫瑰花瓣现做馅料，酥皮层层分明。", desc_en: "Fresh edible-rose filling in flaky, layered pastry.",
    origin: "云南昆明",
    lines: [L("经典玫瑰", "Classic Rose"), L("低糖玫瑰", "Low-Sugar Rose"), L("茉莉花", "Jasmine"), L("紫藤花", "Wisteria"), L("桂花", "Osmanthus"), L("玫瑰乳酪", "Rose Cheese")],
  },
  {
    code: "PSTY", top: "grocery", category: "grocery-pastry", zh: "糕点", en: "Pastry", price: [29.9, 58], weight: [60, 100],
    options: [spec("规格", "Pack", [v("4P", "4枚装", "4 pieces", { g: 280 }), v("8P", "8枚装", "8 pieces", { g: 560, x: 1.8 })], [0.4, 0.6])], small: 0,
    desc: "宣威火腿与云南风味的传统糕点。", desc_en: "Traditional Yunnan pastries, some with Xuanwei ham.",
    lines: [F("云腿月饼", "Yunnan Ham Mooncake", { origin: "云南宣威" }), F("云腿酥", "Yunnan Ham Pastry", { origin: "云南宣威" }), F("荞麦饼", "Buckwheat Cake")],
  },
  {
    code: "COFE", top: "grocery", category: "grocery-coffee", zh: "咖啡豆", en: "Coffee Beans", price: [45, 68], weight: [20, 30],
    options: [
      spec("规格", "Size", [v("250G", "250g", "250 g", { g: 250 }), v("500G", "500g", "500 g", { g: 500, x: 1.8 })], [0.4, 0.6]),
      spec("研磨", "Grind", [v("WB", "咖啡豆", "Whole Bean"), v("GR", "咖啡粉", "Ground")], [0.7, 0.3]),
    ],
    small: 2,
    desc: "云南阿拉比卡小粒咖啡，新鲜烘焙。", desc_en: "Freshly roasted Yunnan Arabica.",
    origin: "云南",
    lines: [
      L("普洱卡蒂姆", "Pu'er Catimor", { origin: "云南普洱" }), L("保山小粒", "Baoshan Arabica", { origin: "云南保山" }),
      L("孟连", "Menglian", { origin: "云南普洱孟连" }), L("德宏", "Dehong", { origin: "云南德宏" }), L("临沧", "Lincang", { origin: "云南临沧" }),
      L("厌氧日晒", "Anaerobic Natural"), L("蜜处理", "Honey-Process"), L("水洗", "Washed"), L("意式拼配", "Espresso Blend"), L("深烘", "Dark Roast"),
    ],
  },
  {
    code: "DRIP", top: "grocery", category: "grocery-coffee", zh: "挂耳咖啡", en: "Drip-Bag Coffee", price: [29.9, 49], weight: [40, 60],
    options: [spec("规格", "Pack", [v("10P", "10包", "10 bags", { g: 100 }), v("20P", "20包", "20 bags", { g: 200, x: 1.8 })], [0.5, 0.5])], small: 1,
    desc: "现磨现封，一杯一袋，办公室与旅途的好咖啡。", desc_en: "Ground and sealed fresh, one cup a bag, for the office or the road.",
    origin: "云南",
    lines: [L("云南小粒", "Yunnan Arabica"), L("深烘醇厚", "Dark & Rich"), L("花香", "Floral"), L("果香", "Fruity")],
  },
  {
    code: "MXN", top: "grocery", category: "grocery-noodles", zh: "米线", en: "Rice Noodles", price: [15, 24], weight: [20, 40],
    options: [spec("规格", "Pack", [v("1P", "单盒", "Single box", { g: 280 }), v("5P", "5盒装", "Pack of 5", { g: 1400, x: 4.4 })], [0.4, 0.6])], small: 2,
    desc: "云南米线，汤料配菜齐全，十分钟出锅。", desc_en: "Yunnan rice noodles with broth and toppings, ready in ten minutes.",
    origin: "云南",
    lines: [
      F("过桥米线", "Crossing-the-Bridge Rice Noodles", { origin: "云南蒙自" }), F("小锅米线", "Small-Pot Rice Noodles", { origin: "云南昆明" }),
      F("蒙自米线", "Mengzi Rice Noodles", { origin: "云南蒙自" }), F("酸辣米线", "Hot & Sour Rice Noodles"),
      F("鸡汤米线", "Chicken Broth Rice Noodles"), F("凉米线", "Cold Rice Noodles"),
      F("腾冲饵丝", "Tengchong Ersi", { origin: "云南腾冲" }), F("炒饵块", "Fried Erkuai", { origin: "云南" }),
    ],
  },
  {
    code: "MUSH", top: "grocery", category: "grocery-mushrooms", zh: "干菌", en: "Dried Mushrooms", price: [39, 68], weight: [40, 60],
    options: [spec("规格", "Size", [v("50G", "50g", "50 g", { g: 50 }), v("100G", "100g", "100 g", { g: 100, x: 1.8 })], [0.4, 0.6])], small: 1,
    desc: "云南野生菌，晾晒干制，鲜香浓郁。", desc_en: "Wild Yunnan mushrooms, sun-dried for deep flavour.",
    origin: "云南",
    lines: [F("干牛肝菌", "Dried Porcini"), F("干松茸", "Dried Matsutake", { price: [66, 68], origin: "云南迪庆香格里拉" }), F("干羊肚菌", "Dried Morels"), F("干鸡枞菌", "Dried Termite Mushroom")],
  },
  {
    code: "SAUC", top: "grocery", category: "grocery-mushrooms", zh: "酱料", en: "Sauce", price: [29, 58], weight: [150, 250],
    options: [spec("规格", "Size", [v("200G", "200g", "200 g", { g: 200 }), v("400G", "400g", "400 g", { g: 400, x: 1.75 })], [0.5, 0.5])], small: 1,
    desc: "云南家常风味，拌饭拌面都香。", desc_en: "Home-style Yunnan flavour for rice or noodles.",
    origin: "云南",
    lines: [F("油鸡枞", "Termite Mushroom in Chili Oil"), F("野生菌酱", "Wild Mushroom Sauce"), F("玫瑰花酱", "Rose Petal Jam")],
  },
  {
    code: "SNAK", top: "grocery", category: "grocery-snacks", zh: "零食", en: "Snack", price: [15, 68], weight: [20, 50],
    options: [spec("规格", "Pack", [v("STD", "袋装", "Bag", { g: 200 }), v("FAM", "家庭装", "Family pack", { g: 500, x: 1.9 })], [0.5, 0.5])], small: 2,
    desc: "云南各地特产，送礼自享皆宜。", desc_en: "Specialities from across Yunnan, to give or to keep.",
    origin: "云南",
    lines: [
      F("牛干巴", "Spiced Dried Beef", { price: [48, 64] }), F("漾濞核桃", "Yangbi Walnuts", { origin: "云南大理漾濞" }),
      F("临沧夏威夷果", "Lincang Macadamia", { origin: "云南临沧" }), F("芒果干", "Dried Mango", { price: [19.9, 29.9] }),
      F("酸角糕", "Tamarind Candy", { price: [15, 25] }), F("野生蜂蜜", "Wild Honey"), F("乳扇", "Rushan Milk Fan", { origin: "云南大理" }),
      F("宣威火腿片", "Xuanwei Ham Slices", { origin: "云南宣威" }),
    ],
  },

  // ------------------------------------------------------------------ home
  {
    code: "CUP", top: "home", category: "home-kitchen", zh: "保温杯", en: "Insulated Bottle", price: [69, 199], weight: [220, 320],
    options: [
      spec("容量", "Capacity", [v("350", "350ml", "350 ml"), v("500", "500ml", "500 ml", { add: 20, wx: 1.25 })], [0.4, 0.6]),
      colour([C.BLK, C.WHT, C.GRN, C.PNK], [0.5, 0.5]),
    ],
    small: 1,
    desc: "316不锈钢内胆，保温12小时。", desc_en: "316 stainless steel, keeps drinks hot for 12 hours.",
    lines: [L("316不锈钢", "316 Stainless"), L("茶水分离", "Tea-Infuser"), L("运动大容量", "Sport Large"), L("陶瓷内胆", "Ceramic-Lined")],
  },
  {
    code: "MUG", top: "home", category: "home-kitchen", zh: "马克杯", en: "Mug", price: [39, 89], weight: [300, 400],
    options: [colour([C.WHT, C.BLU, C.TER, C.BLK], [0.5, 0.5])], small: 1,
    desc: "手感温润，可进微波炉与洗碗机。", desc_en: "Warm in the hand, microwave and dishwasher safe.",
    lines: [L("陶瓷", "Ceramic"), L("滇池海鸥", "Dianchi Gull"), L("建水紫陶", "Jianshui Pottery", { origin: "云南红河建水" })],
  },
  {
    code: "TEAW", top: "home", category: "home-kitchen", zh: "茶具", en: "Tea Ware", price: [129, 399], weight: [250, 600],
    options: [spec("款式", "Style", [v("PLN", "素面", "Plain"), v("CRV", "刻填", "Carved Inlay", { x: 1.5 })], [0.3, 0.7])], small: 0,
    desc: "建水紫陶，无釉磨光，泡茶留香。", desc_en: "Unglazed, hand-polished Jianshui purple pottery that holds a tea's aroma.",
    origin: "云南红河建水",
    lines: [F("建水紫陶茶壶", "Jianshui Pottery Teapot"), F("建水紫陶品茗杯两只装", "Jianshui Pottery Cups, Pair", { price: [129, 199] }), F("建水紫陶茶叶罐", "Jianshui Pottery Tea Caddy")],
  },
  {
    code: "TBCL", top: "home", category: "home-textiles", zh: "扎染桌布", en: "Tie-Dye Tablecloth", price: [129, 199], weight: [300, 400],
    options: [
      spec("尺寸", "Size", [v("S", "100×140cm", "100 × 140 cm"), v("L", "140×180cm", "140 × 180 cm", { x: 1.4, wx: 1.8 })]),
      colour([C.IND, C.SKY], [0.5, 0.5]),
    ],
    small: 0,
    desc: "大理白族传统扎染，纯棉手工。", desc_en: "Traditional Bai tie-dye from Dali, hand-made in cotton.",
    origin: "云南大理周城",
    lines: [L("蝴蝶泉", "Butterfly Spring"), L("苍山", "Cangshan")],
  },
  {
    code: "TOWL", top: "home", category: "home-textiles", zh: "毛巾", en: "Towel", price: [29, 129], weight: [100, 500],
    options: [colour([C.WHT, C.GRY, C.SKY, C.PNK, C.BEG], [0.3, 0.4, 0.3])], small: 0,
    desc: "长绒棉，柔软吸水不掉毛。", desc_en: "Long-staple cotton: soft, absorbent, lint-free.",
    lines: [F("纯棉毛巾", "Cotton Face Towel", { price: [29, 49] }), F("纯棉浴巾", "Cotton Bath Towel", { price: [79, 129] }), F("竹纤维毛巾", "Bamboo-Fibre Towel", { price: [29, 49] })],
  },
  {
    code: "CNDL", top: "home", category: "home-fragrance", zh: "香薰蜡烛", en: "Scented Candle", price: [59, 129], weight: [250, 350],
    options: [spec("规格", "Pack", [v("1P", "单杯", "Single"), v("GB", "礼盒装", "Gift box", { x: 1.5, wx: 1.4 })], [0.4, 0.6])], small: 1,
    desc: "大豆蜡与天然精油，燃烧约40小时。", desc_en: "Soy wax and natural oils; about 40 hours of burn.",
    lines: [L("山茶花", "Camellia"), L("松林", "Pine Forest"), L("雨后", "After Rain"), L("滇红茶", "Black Tea")],
  },
  {
    code: "DIFF", top: "home", category: "home-fragrance", zh: "藤条香薰", en: "Reed Diffuser", price: [69, 129], weight: [80, 120],
    options: [spec("规格", "Size", [v("100ML", "100ml", "100 ml", { g: 100 }), v("200ML", "200ml", "200 ml", { g: 200, x: 1.6 })], [0.5, 0.5])], small: 0,
    desc: "无火香薰，持续释放淡雅香气。", desc_en: "Flame-free fragrance, released gently for weeks.",
    lines: [L("玫瑰", "Rose"), L("白茶", "White Tea"), L("柑橘", "Citrus")],
  },
  {
    code: "STAT", top: "home", category: "home-stationery", zh: "文创", en: "Stationery", price: [19, 69], weight: [60, 300],
    options: [colour([C.IND, C.TER, C.GRN], [0.4, 0.6])], small: 0,
    desc: "以云南风光为主题的文创好物。", desc_en: "Gifts and stationery themed on Yunnan's landscapes.",
    lines: [F("云南风光明信片套装", "Yunnan Postcard Set", { price: [19, 29] }), F("手账本", "Journal", { price: [39, 69] }), F("帆布笔袋", "Canvas Pencil Case", { price: [29, 49] })],
  },

  // ------------------------------------------------------------------ services
  {
    code: "GIFT", top: "services", category: "services-gifting", zh: "礼品包装服务", en: "Gift Wrapping Service", price: [10, 10], weight: [50, 50],
    options: [spec("款式", "Style", [v("STD", "标准包装", "Standard Wrap"), v("BOX", "精美礼盒", "Premium Gift Box", { x: 3, wx: 5 })])], small: 1,
    desc: "门店代客包装，附手写贺卡。服务商品，不占库存。", desc_en: "Wrapped in store with a handwritten card. A service: no stock.",
    manage_inventory: false,
    lines: [F("礼品包装服务", "Gift Wrapping Service")],
  },
]

/** Release date of the pre-order electronics. */
export const PREORDER_RELEASE_DATE = "2027-03-18"

// ---------------------------------------------------------------------------------------------
// Generation

export function buildCatalog(opts: { size: ChainSize; seed?: number }): DemoCatalog {
  if (opts.size !== "small" && opts.size !== "full") throw new Error(`size must be "small" or "full", got ${String(opts.size)}`)
  const seed = opts.seed ?? DEFAULT_SEED
  const handles = new Set<string>()
  const products: DemoProduct[] = []
  FAMILIES.forEach((family, familyIndex) => {
    const count = opts.size === "small" ? family.small : family.lines.length
    for (let lineIndex = 0; lineIndex < count; lineIndex++) {
      const rng = createRng(deriveSeed(seed, `product:${family.code}:${lineIndex}`))
      products.push(buildProduct(family, familyIndex, lineIndex, rng, handles))
    }
  })
  return { categories: CATEGORIES.map((c) => ({ ...c })), products }
}

const GENDER_WORD: Record<Gender, [string, string]> = { m: ["男款", "Men's "], w: ["女款", "Women's "], u: ["", ""] }

function buildProduct(family: Family, familyIndex: number, lineIndex: number, rng: Rng, handles: Set<string>): DemoProduct {
  const line = family.lines[lineIndex]
  const gender = line.gender
  const [gZh, gEn] = gender ? GENDER_WORD[gender] : ["", ""]
  const title = `${gZh}${line.full ? line.zh : `${line.zh}${family.zh}`}`
  const title_en = `${gEn}${line.full ? line.en : `${line.en} ${family.en}`}`

  let handle = slug(title_en)
  if (handles.has(handle)) handle = `${handle}-${family.code.toLowerCase()}`
  for (let n = 2; handles.has(handle); n++) handle = `${slug(title_en)}-${n}`
  handles.add(handle)

  // Options: apparel families put the sizes for the line's gender in place of the placeholder.
  const optionSpecs = family.options.map((o) =>
    o === UNISEX_SIZES && family.top === "apparel" ? (gender === "w" ? WOMENS_SIZES : gender === "m" ? MENS_SIZES : UNISEX_SIZES) : o
  )
  const chosen = optionSpecs.map((o) => ({ spec: o, values: chooseValues(o, rng) }))

  const [pMin, pMax] = line.price ?? family.price
  const basePrice = rng.float(pMin, pMax)
  const pointNine = rng.chance(0.6)
  const baseWeight = rng.int(family.weight[0], family.weight[1])
  const preorder = line.preorder === true
  const manage_inventory = family.manage_inventory ?? true
  const productNo = String(lineIndex + 1).padStart(3, "0")

  const combos = cartesian(chosen.map((c) => c.values))
  const variants: DemoVariant[] = combos.map((values, variantIndex) => {
    let price = basePrice
    let add = 0
    let net: number | undefined
    let wx = 1
    for (const val of values) {
      price *= val.x ?? 1
      add += val.add ?? 0
      if (val.g !== undefined) net = val.g
      wx *= val.wx ?? 1
    }
    const weight = net !== undefined ? net + baseWeight : baseWeight * wx
    return {
      title: values.map((x) => x.zh).join(" / "),
      sku: [TOP_CODE[family.top], family.code, productNo, ...values.map((x) => x.code)].join("-"),
      barcode: ean13(`692787${pad2(familyIndex)}${pad2(lineIndex)}${pad2(variantIndex)}`),
      options: Object.fromEntries(values.map((x, i) => [chosen[i].spec.title, x.zh])),
      price_cny: retailPrice(price + add, family.top, pointNine),
      weight_g: Math.round(weight),
      manage_inventory,
      allow_backorder: preorder,
    }
  })

  const origin = line.origin ?? family.origin
  const lineNote = gender === "w" ? "女款版型，" : gender === "m" ? "男款版型，" : ""
  return {
    handle,
    title,
    description: `${title}。${lineNote}${family.desc}${origin ? `产地：${origin}。` : ""}${preorder ? `预售商品，${PREORDER_RELEASE_DATE}起发货。` : ""}`,
    category_handle: family.category,
    top_category: family.top,
    options: chosen.map((c) => ({ title: c.spec.title, title_en: c.spec.title_en, values: c.values.map((x) => x.zh) })),
    variants,
    metadata: {
      title_en,
      description_en: `${title_en}. ${family.desc_en}${preorder ? ` Pre-order: ships from ${PREORDER_RELEASE_DATE}.` : ""}`,
      ...(origin ? { origin } : {}),
      ...(preorder ? { preorder: true, release_date: PREORDER_RELEASE_DATE } : {}),
    },
  }
}

function chooseValues(o: OptionSpec, rng: Rng): OptionValue[] {
  if (!o.pick) return o.values
  const counts = o.pick.map((w, i) => [i + 1, w] as const).filter(([n, w]) => w > 0 && n <= o.values.length)
  const k = rng.weighted(counts)
  const chosen = new Set(rng.shuffle(o.values.map((_, i) => i)).slice(0, k))
  return o.values.filter((_, i) => chosen.has(i))
}

function cartesian<T>(lists: T[][]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((x) => [...prefix, x])), [[]])
}

/**
 * Shelf prices as Chinese retail writes them: ¥79, ¥129, ¥1,299 for goods; ¥19.9 or ¥38 for
 * food; always inside the category's range.
 */
export function retailPrice(raw: number, top: TopCategory, pointNine: boolean): number {
  const [min, max] = PRICE_RANGES[top]
  let p: number
  if (top === "services") p = Math.round(raw)
  else if (top === "grocery") {
    if (raw < 30) p = Math.max(1, Math.round(raw)) - 0.1 // 15.9, 24.9
    else if (raw < 100) p = pointNine ? Math.round(raw / 10) * 10 - 0.1 : Math.round(raw / 10) * 10 - 2 // 39.9 or 38
    else p = Math.round(raw / 10) * 10 - 2 // 118, 128
  } else if (raw < 1000) p = Math.round(raw / 10) * 10 - 1 // 79, 129, 899
  else p = Math.round(raw / 100) * 100 - 1 // 1299
  if (p > max) p = max
  if (p < min) p = min
  return Math.round(p * 100) / 100
}

function slug(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

function pad2(n: number): string {
  if (n > 99) throw new Error(`barcode part ${n} has more than two digits`)
  return String(n).padStart(2, "0")
}

/** Appends the EAN-13 check digit to 12 digits. */
export function ean13(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got "${first12}"`)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3)
  return first12 + String((10 - (sum % 10)) % 10)
}
