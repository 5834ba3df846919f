package org.disclosuresearch.parse;

import org.disclosuresearch.report.Csv;
import org.disclosuresearch.report.Region;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Maps an agency name to its region (province / city / county) with the matching rule recommended in the
 * project's REGIONS.md: full names first, longest match at the start of the name, chained downwards; a
 * municipality resolves to its city row; several candidates on one level are narrowed by the city (else
 * province) names the report text mentions, and otherwise only the levels they share are filled (never a
 * guess). Short names (乐清 for 乐清市) are a guarded fallback: only when an agency keyword follows directly.
 */
public final class RegionResolver {

    private static final String RESOURCE = "/regions/regions.csv";
    /** Names agencies use for a division that GB/T 2260 lists under another name (平潭综合实验区 is 平潭县). */
    private static final String ALIASES = "/regions/aliases.csv";
    /** Leading words that put the region name later in the agency name (中共乐清市委…). */
    private static final List<String> LEADING_PREFIXES = List.of("中国共产党", "中共", "国家税务总局");
    private static final List<String> NAME_SUFFIXES = List.of("特别行政区", "自治区", "地区", "新区", "林区", "特区",
            "省", "市", "县", "区", "盟");
    private static final List<String> NATIONALITIES = List.of("蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依",
            "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水",
            "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌",
            "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春",
            "赫哲", "门巴", "珞巴", "基诺");

    record Division(String code, String name, String parentCode, String level) {
    }

    private static final RegionResolver DEFAULT = new RegionResolver(load(), new AgencyTypeClassifier());

    private final Map<String, Division> byCode = new HashMap<>();
    private final Map<String, List<Division>> byFullName = new HashMap<>();
    private final Map<String, List<Division>> byShortName = new HashMap<>();
    private final int longestFullName;
    private final int longestShortName;
    private final AgencyTypeClassifier keywords;

    RegionResolver(List<Division> divisions, AgencyTypeClassifier keywords) {
        this.keywords = keywords;
        int longestFull = 0;
        int longestShort = 0;
        for (Division d : divisions) {
            byCode.put(d.code(), d);
            byFullName.computeIfAbsent(d.name(), k -> new ArrayList<>()).add(d);
            longestFull = Math.max(longestFull, d.name().length());
            String shortName = shortName(d.name());
            if (!shortName.equals(d.name())) {
                byShortName.computeIfAbsent(shortName, k -> new ArrayList<>()).add(d);
                longestShort = Math.max(longestShort, shortName.length());
            }
        }
        for (List<String> alias : Csv.readResource(ALIASES, "alias,code")) {
            Division d = byCode.get(alias.get(1));
            if (d != null) {
                byFullName.computeIfAbsent(alias.get(0), k -> new ArrayList<>()).add(d);
                longestFull = Math.max(longestFull, alias.get(0).length());
            }
        }
        this.longestFullName = longestFull;
        this.longestShortName = longestShort;
    }

    public static RegionResolver get() {
        return DEFAULT;
    }

    /**
     * @param agency     the agency name (乐清市医疗保障局)
     * @param reportText the report's text, used only to narrow ambiguous county names; may be null
     */
    public Region resolve(String agency, String reportText) {
        if (agency == null || agency.isBlank()) {
            return Region.NONE;
        }
        String name = agency.strip();
        Region region = resolveAt(name, reportText);
        if (region.isEmpty()) {
            for (String prefix : LEADING_PREFIXES) {
                if (name.startsWith(prefix)) {
                    return resolveAt(name.substring(prefix.length()), reportText);
                }
            }
        }
        return region;
    }

    /**
     * The GB/T 2260 code of a region's deepest level ("350128" for 福建省/福州市/平潭县), or null when the region is
     * empty or its names are not a path of regions.csv.
     */
    public String codeOf(Region region) {
        if (region == null || region.isEmpty()) {
            return null;
        }
        String deepest = region.county() != null ? region.county()
                : region.city() != null ? region.city() : region.province();
        for (Division d : byFullName.getOrDefault(deepest, List.of())) {
            if (d.name().equals(deepest) && Objects.equals(nameAt(d, "province"), region.province())
                    && Objects.equals(nameAt(d, "city"), region.city())
                    && Objects.equals(nameAt(d, "county"), region.county())) {
                return d.code();
            }
        }
        return null;
    }

    private Region resolveAt(String name, String reportText) {
        List<Division> candidates = matchFullNameChain(name);
        if (candidates.isEmpty()) {
            candidates = matchShortName(name);
        }
        if (candidates.isEmpty()) {
            return Region.NONE;
        }
        candidates = preferMunicipalityCity(candidates);
        if (candidates.size() > 1 && reportText != null && sameLevel(candidates)) {
            candidates = narrowByText(candidates, reportText);
        }
        return commonLevels(candidates);
    }

    /** Steps 1–2: longest full name at the start, then again where it ended, kept only while it lies below. */
    private List<Division> matchFullNameChain(String name) {
        List<Division> current = List.of();
        int pos = 0;
        while (pos < name.length()) {
            List<Division> next = longestFullMatch(name, pos, current);
            if (next.isEmpty()) {
                break;
            }
            pos += next.get(0).name().length();
            current = next;
        }
        return current;
    }

    private List<Division> longestFullMatch(String name, int pos, List<Division> above) {
        int max = Math.min(longestFullName, name.length() - pos);
        for (int len = max; len >= 2; len--) {
            List<Division> rows = byFullName.get(name.substring(pos, pos + len));
            if (rows == null) {
                continue;
            }
            List<Division> consistent = above.isEmpty() ? rows
                    : rows.stream().filter(r -> above.stream().anyMatch(a -> isBelow(r, a))).toList();
            if (!consistent.isEmpty()) {
                return consistent;
            }
        }
        return List.of();
    }

    /** Step 4: a short name directly followed by an agency keyword (乐清医保局), never inside ordinary words. */
    private List<Division> matchShortName(String name) {
        int max = Math.min(longestShortName, name.length());
        for (int len = max; len >= 2; len--) {
            List<Division> rows = byShortName.get(name.substring(0, len));
            if (rows != null && keywords.startsWithKeyword(name.substring(len))) {
                return rows;
            }
        }
        return List.of();
    }

    private boolean isBelow(Division row, Division ancestor) {
        for (Division d = parent(row); d != null; d = parent(d)) {
            if (d.code().equals(ancestor.code())) {
                return true;
            }
        }
        return false;
    }

    private Division parent(Division d) {
        return d.parentCode() == null || d.parentCode().isEmpty() ? null : byCode.get(d.parentCode());
    }

    /** A municipality's name matches its province and its city row: the city row is the one meant. */
    private List<Division> preferMunicipalityCity(List<Division> candidates) {
        List<Division> kept = candidates.stream()
                .filter(c -> !("province".equals(c.level()) && candidates.stream()
                        .anyMatch(o -> "city".equals(o.level()) && o.name().equals(c.name())
                                && c.code().equals(o.parentCode()))))
                .toList();
        return kept.isEmpty() ? candidates : kept;
    }

    private static boolean sameLevel(List<Division> candidates) {
        return candidates.stream().map(Division::level).distinct().count() == 1;
    }

    /** Keep the candidates whose city name, else whose province name, the report text mentions. */
    private List<Division> narrowByText(List<Division> candidates, String text) {
        List<Division> byCity = candidates.stream().filter(c -> {
            Division city = ancestorAt(c, "city");
            return city != null && city != c && text.contains(city.name());
        }).toList();
        if (!byCity.isEmpty()) {
            return byCity;
        }
        List<Division> byProvince = candidates.stream().filter(c -> {
            Division province = ancestorAt(c, "province");
            return province != null && province != c && text.contains(province.name());
        }).toList();
        return byProvince.isEmpty() ? candidates : byProvince;
    }

    private Division ancestorAt(Division d, String level) {
        for (Division x = d; x != null; x = parent(x)) {
            if (level.equals(x.level())) {
                return x;
            }
        }
        return null;
    }

    /** Step 3: the levels, from the top, on which all candidates agree; below the first disagreement nothing. */
    private Region commonLevels(List<Division> candidates) {
        String[] agreed = levels(candidates.get(0));
        int depth = agreed.length;
        for (Division c : candidates.subList(1, candidates.size())) {
            String[] other = levels(c);
            for (int i = 0; i < depth; i++) {
                if (!Objects.equals(agreed[i], other[i])) {
                    depth = i;
                }
            }
        }
        return new Region(depth > 0 ? agreed[0] : null, depth > 1 ? agreed[1] : null, depth > 2 ? agreed[2] : null);
    }

    private String[] levels(Division d) {
        return new String[] {nameAt(d, "province"), nameAt(d, "city"), nameAt(d, "county")};
    }

    private String nameAt(Division d, String level) {
        Division x = ancestorAt(d, level);
        return x == null ? null : x.name();
    }

    /** REGIONS.md's short-name rule: cut the level suffix, or the nationality and 自治X; keep names of one char or 旗. */
    static String shortName(String name) {
        if (name.endsWith("旗")) {
            return name;
        }
        int autonomous = name.indexOf("自治");
        if (autonomous > 0 && name.length() - autonomous == 3) {
            String base = stripNationalities(name.substring(0, autonomous));
            return base.length() >= 2 ? base : name;
        }
        for (String suffix : NAME_SUFFIXES) {
            if (name.endsWith(suffix) && name.length() - suffix.length() >= 2) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    private static String stripNationalities(String base) {
        boolean changed = true;
        while (changed) {
            changed = false;
            boolean withZu = base.endsWith("族");
            String stem = withZu ? base.substring(0, base.length() - 1) : base;
            String longest = null;
            for (String n : NATIONALITIES) {
                if (stem.endsWith(n) && stem.length() - n.length() >= 2
                        && (longest == null || n.length() > longest.length())) {
                    longest = n;
                }
            }
            if (longest != null) {
                base = stem.substring(0, stem.length() - longest.length());
                changed = true;
            } else if (withZu && stem.length() >= 2) {
                base = stem; // 东乡族 → 东乡: the nationality is the place name itself
                changed = true;
            }
        }
        return base;
    }

    static List<Division> load() {
        List<Division> list = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (List<String> cells : Csv.readResource(RESOURCE, "code,")) {
            if (cells.size() != 4 || !seen.add(cells.get(0))) {
                throw new IllegalStateException(RESOURCE + ": bad or duplicate row: " + String.join(",", cells));
            }
            list.add(new Division(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
        }
        return list;
    }
}
