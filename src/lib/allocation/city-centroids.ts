import type { LatLng } from "../geo"

/**
 * City centres for a customer point when the storefront sent none: [中文, English, lat, lng].
 * The first 36 are the demo chain's cities (src/scripts/demo-chain/cities.ts: a main square or
 * the old commercial centre, to about 0.01°); the rest are other provincial capitals and large
 * cities, their city-government or central-square points to about 0.01°.
 */
const CITIES: ReadonlyArray<readonly [string, string, number, number]> = [
  ["昆明", "Kunming", 25.0406, 102.7123],
  ["曲靖", "Qujing", 25.4911, 103.7961],
  ["玉溪", "Yuxi", 24.352, 102.543],
  ["成都", "Chengdu", 30.6574, 104.0658],
  ["重庆", "Chongqing", 29.5576, 106.577],
  ["贵阳", "Guiyang", 26.5783, 106.7135],
  ["上海", "Shanghai", 31.2304, 121.4737],
  ["杭州", "Hangzhou", 30.274, 120.16],
  ["南京", "Nanjing", 32.0415, 118.7784],
  ["苏州", "Suzhou", 31.311, 120.62],
  ["宁波", "Ningbo", 29.87, 121.553],
  ["合肥", "Hefei", 31.864, 117.283],
  ["广州", "Guangzhou", 23.1291, 113.2644],
  ["深圳", "Shenzhen", 22.5431, 114.0579],
  ["佛山", "Foshan", 23.025, 113.11],
  ["南宁", "Nanning", 22.8167, 108.3275],
  ["厦门", "Xiamen", 24.485, 118.12],
  ["福州", "Fuzhou", 26.0745, 119.2965],
  ["北京", "Beijing", 39.9087, 116.3975],
  ["天津", "Tianjin", 39.125, 117.2],
  ["石家庄", "Shijiazhuang", 38.0428, 114.5149],
  ["太原", "Taiyuan", 37.8706, 112.5489],
  ["济南", "Jinan", 36.661, 117.02],
  ["青岛", "Qingdao", 36.07, 120.385],
  ["武汉", "Wuhan", 30.58, 114.29],
  ["长沙", "Changsha", 28.196, 112.977],
  ["郑州", "Zhengzhou", 34.752, 113.666],
  ["南昌", "Nanchang", 28.676, 115.905],
  ["西安", "Xi'an", 34.261, 108.9423],
  ["兰州", "Lanzhou", 36.0611, 103.8343],
  ["乌鲁木齐", "Urumqi", 43.8256, 87.6168],
  ["银川", "Yinchuan", 38.48, 106.25],
  ["沈阳", "Shenyang", 41.8057, 123.4315],
  ["大连", "Dalian", 38.917, 121.626],
  ["哈尔滨", "Harbin", 45.757, 126.642],
  ["长春", "Changchun", 43.8868, 125.3245],
  ["拉萨", "Lhasa", 29.6525, 91.1721],
  ["西宁", "Xining", 36.6171, 101.7782],
  ["呼和浩特", "Hohhot", 40.8424, 111.749],
  ["海口", "Haikou", 20.044, 110.1999],
  ["三亚", "Sanya", 18.2528, 109.5119],
  ["东莞", "Dongguan", 23.0207, 113.7518],
  ["无锡", "Wuxi", 31.4912, 120.3119],
  ["温州", "Wenzhou", 28.0005, 120.6721],
  ["珠海", "Zhuhai", 22.2707, 113.5767],
  ["石河子", "Shihezi", 44.3059, 86.0803],
  ["香港", "Hong Kong", 22.2793, 114.1628],
  ["澳门", "Macau", 22.1987, 113.5439],
]

/** "昆明市", "昆明", "Kunming", " kunming shi " → one key. */
export function cityKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "")
    .replace(/(市|特别行政区)$/u, "")
    .replace(/(shi|city)$/, "")
    .replace(/['’-]/g, "")
}

const BY_KEY = new Map<string, { name: string; point: LatLng }>()
for (const [zh, en, lat, lng] of CITIES) {
  BY_KEY.set(cityKey(zh), { name: zh, point: { lat, lng } })
  BY_KEY.set(cityKey(en), { name: zh, point: { lat, lng } })
}

/** The centre of a Chinese city named in Chinese or English, or null when the table lacks it. */
export function cityCentroid(city: string | null | undefined): { name: string; point: LatLng } | null {
  if (!city) return null
  return BY_KEY.get(cityKey(city)) ?? null
}
