package org.disclosuresearch.synthetic;

import org.disclosuresearch.report.Csv;
import org.disclosuresearch.report.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Agencies drawn from the project's regions.csv × agency-types.csv: a province-, city- or county-level body named the
 * way real reports name them (浙江省教育厅, 温州市医疗保障局, 乐清市财政局, 乐清市城东街道办事处).
 *
 * <p>County names that occur twice (朝阳区) and the districts of 直辖市 are written with their city's name first, so that
 * a reader of the name can place the agency without guessing.
 */
final class AgencyPool {

    private static final String REGIONS = "/regions/regions.csv";
    private static final String TYPES = "/spec/agency-types.csv";
    /** Provinces without reports (台湾省, 香港, 澳门): no children in regions.csv. */
    private static final List<String> NO_REPORTS = List.of("710000", "810000", "820000");
    private static final List<String> TOWNS = List.of("城东", "城西", "城南", "城北", "新华", "东关", "西关", "河西",
            "河东", "长安", "永安", "太平", "和平", "兴隆", "朝阳", "青山", "白沙", "石桥", "双河", "龙泉", "凤凰", "金山",
            "南湖", "北山", "三里", "柳林", "杨柳", "桃源", "清水", "白云", "红星", "黄庄", "马坊", "高桥", "新城");

    private record Division(String code, String name, String parent, String level) {
    }

    private record AgencyType(String type, String local, String provincial) {
    }

    private final List<Division> provinces = new ArrayList<>();
    private final List<Division> cities = new ArrayList<>();
    private final List<Division> counties = new ArrayList<>();
    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, Integer> countyNameCount = new HashMap<>();
    private final java.util.Set<String> municipalities = new java.util.HashSet<>();
    private final List<AgencyType> types = new ArrayList<>();

    private AgencyPool() {
    }

    static AgencyPool load() {
        AgencyPool pool = new AgencyPool();
        for (List<String> row : Csv.readResource(REGIONS, "code,")) {
            Division d = new Division(row.get(0), row.get(1), row.get(2), row.get(3));
            pool.byCode.put(d.code, d);
        }
        for (Division d : pool.byCode.values()) {
            if (NO_REPORTS.contains(d.code)) {
                continue;
            }
            switch (d.level) {
                case "province" -> pool.provinces.add(d);
                case "city" -> {
                    // 直辖市 have a synthetic city row named like the province: their agencies are provincial
                    if (!d.name.equals(pool.byCode.get(d.parent).name)) {
                        pool.cities.add(d);
                    } else {
                        pool.municipalities.add(d.name);
                    }
                }
                case "county" -> pool.countyNameCount.merge(d.name, 1, Integer::sum);
                default -> throw new IllegalStateException(REGIONS + ": unknown level " + d.level);
            }
        }
        for (Division d : pool.byCode.values()) {
            // counties under direct provincial administration (济源市) have no city: left out, their region is moot
            if (d.level.equals("county") && pool.byCode.get(d.parent).level.equals("city")) {
                pool.counties.add(d);
            }
        }
        // a stable order, independent of HashMap iteration
        pool.provinces.sort((a, b) -> a.code.compareTo(b.code));
        pool.cities.sort((a, b) -> a.code.compareTo(b.code));
        pool.counties.sort((a, b) -> a.code.compareTo(b.code));
        for (List<String> row : Csv.readResource(TYPES, "type,")) {
            String type = row.get(0);
            List<String> keywords = List.of(row.get(1).split("\\|"));
            if (row.get(1).isEmpty()) {
                continue; // 其他: no keyword to build a name from
            }
            String local = keywords.stream().filter(k -> !k.endsWith("厅")).findFirst().orElse(keywords.get(0));
            String provincial = keywords.stream().filter(k -> k.endsWith("厅")).findFirst().orElse(local);
            pool.types.add(new AgencyType(type, local, provincial));
        }
        return pool;
    }

    /** 8% provincial, 22% city, 70% county agencies, as in the real mix of report publishers. */
    Agency draw(Random random) {
        double level = random.nextDouble();
        AgencyType type = types.get(random.nextInt(types.size()));
        boolean townLevel = type.type.equals("街道") || type.type.equals("乡镇");
        if (!townLevel && level < 0.08) {
            Division p = provinces.get(random.nextInt(provinces.size()));
            // a 直辖市 is also its own city (regions.csv's synthetic city row): 上海市人民政府办公厅 is 上海市 > 上海市
            String city = municipalities.contains(p.name) ? p.name : null;
            return new Agency(p.name + type.provincial, new Region(p.name, city, null), type.type, p.name);
        }
        if (!townLevel && level < 0.30) {
            Division c = cities.get(random.nextInt(cities.size()));
            Division p = byCode.get(c.parent);
            return new Agency(c.name + type.local, new Region(p.name, c.name, null), type.type, c.name);
        }
        Division county = counties.get(random.nextInt(counties.size()));
        Division city = byCode.get(county.parent);
        Division province = byCode.get(city.parent);
        boolean municipality = city.name.equals(province.name);
        String prefix = municipality || countyNameCount.get(county.name) > 1 ? city.name : "";
        String name = prefix + county.name + agencySuffix(type, random);
        Region region = new Region(province.name, city.name, county.name);
        return new Agency(name, region, type.type, county.name);
    }

    private static String agencySuffix(AgencyType type, Random random) {
        return switch (type.type) {
            case "街道" -> TOWNS.get(random.nextInt(TOWNS.size())) + "街道办事处";
            case "乡镇" -> TOWNS.get(random.nextInt(TOWNS.size())) + type.local;
            default -> type.local;
        };
    }
}
