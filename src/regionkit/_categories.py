"""
The names of the division categories in English, Russian and Chinese.

Each entry is ``(singular, plural)``. Sources, by language:

- ``en``: the terms of the national lists in English: Russia's Constitution in
  its official English rendering (republic, krai, oblast, city of federal
  importance (here "federal city", as ISO 3166-2 has it), autonomous oblast,
  autonomous okrug) and the presidential decree on federal districts; the PRC's
  English names of its levels (Xinhua; MCA: province, autonomous region,
  municipality, special administrative region, prefecture-level city, prefecture,
  autonomous prefecture, league, district, county, county-level city, autonomous
  county, banner, autonomous banner, forestry district, special district).
- ``ru``: Russia's Constitution, art. 65 (республика, край, область, город
  федерального значения, автономная область, автономный округ) and decree No. 849
  (федеральный округ); for China, the terms Russian reference works and Russian
  Wikipedia use (провинция, автономный район, город центрального подчинения,
  специальный административный район, городской округ, округ, автономный округ,
  аймак, район, уезд, городской уезд, автономный уезд, хошун, автономный хошун,
  лесной район, особый район).
- ``zh-Hans``: the MCA category words for China (省, 自治区, 直辖市, 特别行政区,
  地级市, 地区, 自治州, 盟, 市辖区, 县, 县级市, 自治县, 旗, 自治旗, 林区, 特区); for
  Russia, the words of CLDR 41 ``zh`` subdivision names (共和国, 边疆区, 州, 自治州,
  自治区) and Chinese Wikipedia (联邦直辖市, 联邦管区). Chinese has no plural.
- ``zh-Hant``: OpenCC ``s2t`` of the Simplified words.
"""

from __future__ import annotations

from regionkit._models import Category

__all__ = ["CATEGORY_NAMES"]

_C = Category

CATEGORY_NAMES: dict[Category, dict[str, tuple[str, str]]] = {
    _C.REPUBLIC: {
        "en": ("republic", "republics"),
        "ru": ("республика", "республики"),
        "zh-Hans": ("共和国", "共和国"),
        "zh-Hant": ("共和國", "共和國"),
    },
    _C.KRAI: {
        "en": ("krai", "krais"),
        "ru": ("край", "края"),
        "zh-Hans": ("边疆区", "边疆区"),
        "zh-Hant": ("邊疆區", "邊疆區"),
    },
    _C.OBLAST: {
        "en": ("oblast", "oblasts"),
        "ru": ("область", "области"),
        "zh-Hans": ("州", "州"),
        "zh-Hant": ("州", "州"),
    },
    _C.FEDERAL_CITY: {
        "en": ("federal city", "federal cities"),
        "ru": ("город федерального значения", "города федерального значения"),
        "zh-Hans": ("联邦直辖市", "联邦直辖市"),
        "zh-Hant": ("聯邦直轄市", "聯邦直轄市"),
    },
    _C.AUTONOMOUS_OBLAST: {
        "en": ("autonomous oblast", "autonomous oblasts"),
        "ru": ("автономная область", "автономные области"),
        "zh-Hans": ("自治州", "自治州"),
        "zh-Hant": ("自治州", "自治州"),
    },
    _C.AUTONOMOUS_OKRUG: {
        "en": ("autonomous okrug", "autonomous okrugs"),
        "ru": ("автономный округ", "автономные округа"),
        "zh-Hans": ("自治区", "自治区"),
        "zh-Hant": ("自治區", "自治區"),
    },
    _C.FEDERAL_DISTRICT: {
        "en": ("federal district", "federal districts"),
        "ru": ("федеральный округ", "федеральные округа"),
        "zh-Hans": ("联邦管区", "联邦管区"),
        "zh-Hant": ("聯邦管區", "聯邦管區"),
    },
    _C.PROVINCE: {
        "en": ("province", "provinces"),
        "ru": ("провинция", "провинции"),
        "zh-Hans": ("省", "省"),
        "zh-Hant": ("省", "省"),
    },
    _C.AUTONOMOUS_REGION: {
        "en": ("autonomous region", "autonomous regions"),
        "ru": ("автономный район", "автономные районы"),
        "zh-Hans": ("自治区", "自治区"),
        "zh-Hant": ("自治區", "自治區"),
    },
    _C.MUNICIPALITY: {
        "en": ("municipality", "municipalities"),
        "ru": ("город центрального подчинения", "города центрального подчинения"),
        "zh-Hans": ("直辖市", "直辖市"),
        "zh-Hant": ("直轄市", "直轄市"),
    },
    _C.SPECIAL_ADMINISTRATIVE_REGION: {
        "en": ("special administrative region", "special administrative regions"),
        "ru": (
            "специальный административный район",
            "специальные административные районы",
        ),
        "zh-Hans": ("特别行政区", "特别行政区"),
        "zh-Hant": ("特別行政區", "特別行政區"),
    },
    _C.PREFECTURE_LEVEL_CITY: {
        "en": ("prefecture-level city", "prefecture-level cities"),
        "ru": ("городской округ", "городские округа"),
        "zh-Hans": ("地级市", "地级市"),
        "zh-Hant": ("地級市", "地級市"),
    },
    _C.PREFECTURE: {
        "en": ("prefecture", "prefectures"),
        "ru": ("округ", "округа"),
        "zh-Hans": ("地区", "地区"),
        "zh-Hant": ("地區", "地區"),
    },
    _C.AUTONOMOUS_PREFECTURE: {
        "en": ("autonomous prefecture", "autonomous prefectures"),
        "ru": ("автономный округ", "автономные округа"),
        "zh-Hans": ("自治州", "自治州"),
        "zh-Hant": ("自治州", "自治州"),
    },
    _C.LEAGUE: {
        "en": ("league", "leagues"),
        "ru": ("аймак", "аймаки"),
        "zh-Hans": ("盟", "盟"),
        "zh-Hant": ("盟", "盟"),
    },
    _C.DISTRICT: {
        "en": ("district", "districts"),
        "ru": ("район", "районы"),
        "zh-Hans": ("市辖区", "市辖区"),
        "zh-Hant": ("市轄區", "市轄區"),
    },
    _C.COUNTY: {
        "en": ("county", "counties"),
        "ru": ("уезд", "уезды"),
        "zh-Hans": ("县", "县"),
        "zh-Hant": ("縣", "縣"),
    },
    _C.COUNTY_LEVEL_CITY: {
        "en": ("county-level city", "county-level cities"),
        "ru": ("городской уезд", "городские уезды"),
        "zh-Hans": ("县级市", "县级市"),
        "zh-Hant": ("縣級市", "縣級市"),
    },
    _C.AUTONOMOUS_COUNTY: {
        "en": ("autonomous county", "autonomous counties"),
        "ru": ("автономный уезд", "автономные уезды"),
        "zh-Hans": ("自治县", "自治县"),
        "zh-Hant": ("自治縣", "自治縣"),
    },
    _C.BANNER: {
        "en": ("banner", "banners"),
        "ru": ("хошун", "хошуны"),
        "zh-Hans": ("旗", "旗"),
        "zh-Hant": ("旗", "旗"),
    },
    _C.AUTONOMOUS_BANNER: {
        "en": ("autonomous banner", "autonomous banners"),
        "ru": ("автономный хошун", "автономные хошуны"),
        "zh-Hans": ("自治旗", "自治旗"),
        "zh-Hant": ("自治旗", "自治旗"),
    },
    _C.FORESTRY_DISTRICT: {
        "en": ("forestry district", "forestry districts"),
        "ru": ("лесной район", "лесные районы"),
        "zh-Hans": ("林区", "林区"),
        "zh-Hant": ("林區", "林區"),
    },
    _C.SPECIAL_DISTRICT: {
        "en": ("special district", "special districts"),
        "ru": ("особый район", "особые районы"),
        "zh-Hans": ("特区", "特区"),
        "zh-Hant": ("特區", "特區"),
    },
    # The SARs' own subdivisions: Hong Kong's 區 ("District", Cap. 547; Russian
    # Wikipedia: 18 округов) and Macau's 堂區 (freguesia; Russian: приход, a
    # translation, no source seen).
    _C.SAR_DISTRICT: {
        "en": ("district", "districts"),
        "ru": ("округ", "округа"),
        "zh-Hans": ("区", "区"),
        "zh-Hant": ("區", "區"),
    },
    _C.PARISH: {
        "en": ("parish", "parishes"),
        "ru": ("приход", "приходы"),
        "zh-Hans": ("堂区", "堂区"),
        "zh-Hant": ("堂區", "堂區"),
    },
    # Former kinds of unit, in China's code history only (MCA names).
    _C.ADMINISTRATIVE_REGION: {
        "en": ("administrative region", "administrative regions"),
        "ru": ("административный район", "административные районы"),
        "zh-Hans": ("行政区", "行政区"),
        "zh-Hant": ("行政區", "行政區"),
    },
    _C.ISLANDS_OFFICE: {
        "en": ("islands office", "islands offices"),
        "ru": ("управление островов", "управления островов"),
        "zh-Hans": ("群岛办事处", "群岛办事处"),
        "zh-Hant": ("群島辦事處", "群島辦事處"),
    },
    _C.COUNTY_LEVEL_TOWN: {
        "en": ("county-level town", "county-level towns"),
        "ru": ("посёлок уездного уровня", "посёлки уездного уровня"),
        "zh-Hans": ("县级镇", "县级镇"),
        "zh-Hant": ("縣級鎮", "縣級鎮"),
    },
    # China's township level: NBS's and the MCA's words; English as Chinese
    # official English has it (Subdistrict, Town, Township); Russian as the
    # Russian-language pages of Chinese government sites ("волости, национальные
    # волости и посёлки") and Russian Wikipedia (уличный комитет, сомон) have it.
    _C.SUBDISTRICT: {
        "en": ("subdistrict", "subdistricts"),
        "ru": ("уличный комитет", "уличные комитеты"),
        "zh-Hans": ("街道", "街道"),
        "zh-Hant": ("街道", "街道"),
    },
    _C.TOWN: {
        "en": ("town", "towns"),
        "ru": ("посёлок", "посёлки"),
        "zh-Hans": ("镇", "镇"),
        "zh-Hant": ("鎮", "鎮"),
    },
    _C.TOWNSHIP: {
        "en": ("township", "townships"),
        "ru": ("волость", "волости"),
        "zh-Hans": ("乡", "乡"),
        "zh-Hant": ("鄉", "鄉"),
    },
    _C.ETHNIC_TOWNSHIP: {
        "en": ("ethnic township", "ethnic townships"),
        "ru": ("национальная волость", "национальные волости"),
        "zh-Hans": ("民族乡", "民族乡"),
        "zh-Hant": ("民族鄉", "民族鄉"),
    },
    _C.SUMU: {
        "en": ("sumu", "sumus"),
        "ru": ("сомон", "сомоны"),
        "zh-Hans": ("苏木", "苏木"),
        "zh-Hant": ("蘇木", "蘇木"),
    },
    _C.ETHNIC_SUMU: {
        "en": ("ethnic sumu", "ethnic sumus"),
        "ru": ("национальный сомон", "национальные сомоны"),
        "zh-Hans": ("民族苏木", "民族苏木"),
        "zh-Hant": ("民族蘇木", "民族蘇木"),
    },
    _C.TOWNSHIP_LEVEL_UNIT: {
        "en": ("township-level unit", "township-level units"),
        "ru": ("единица волостного уровня", "единицы волостного уровня"),
        "zh-Hans": ("类似乡级单位", "类似乡级单位"),
        "zh-Hant": ("類似鄉級單位", "類似鄉級單位"),
    },
    _C.STATISTICAL_ZONE: {
        "en": ("statistical zone", "statistical zones"),
        "ru": ("статистическая зона", "статистические зоны"),
        "zh-Hans": ("统计用区划", "统计用区划"),
        "zh-Hant": ("統計用區劃", "統計用區劃"),
    },
    # Russia's localities (data/ru/NOTES.md): a город, and a населённый пункт
    # whose status the sources do not give; Chinese names a Russian город 市.
    _C.CITY: {
        "en": ("city", "cities"),
        "ru": ("город", "города"),
        "zh-Hans": ("市", "市"),
        "zh-Hant": ("市", "市"),
    },
    _C.INHABITED_LOCALITY: {
        "en": ("inhabited locality", "inhabited localities"),
        "ru": ("населённый пункт", "населённые пункты"),
        "zh-Hans": ("居民点", "居民点"),
        "zh-Hant": ("居民點", "居民點"),
    },
    # Groupings: ОКЭР's "экономический район" (Chinese Wikipedia: 经济地区) and
    # China's 七大地理分区 (sources: data/*/sources.csv).
    _C.ECONOMIC_REGION: {
        "en": ("economic region", "economic regions"),
        "ru": ("экономический район", "экономические районы"),
        "zh-Hans": ("经济地区", "经济地区"),
        "zh-Hant": ("經濟地區", "經濟地區"),
    },
    _C.GEOGRAPHIC_REGION: {
        "en": ("region", "regions"),
        "ru": ("регион", "регионы"),
        "zh-Hans": ("地理分区", "地理分区"),
        "zh-Hant": ("地理分區", "地理分區"),
    },
    # Hong Kong's three areas (香港島, 九龍, 新界); the words are translations.
    _C.SAR_AREA: {
        "en": ("area", "areas"),
        "ru": ("часть", "части"),
        "zh-Hans": ("区域", "区域"),
        "zh-Hant": ("區域", "區域"),
    },
}
