package org.disclosuresearch.parse;

import org.disclosuresearch.report.Region;

import java.text.Normalizer.Form;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Who an agency is across the years: its name, normalized, within its region. Two reports belong to the same agency
 * when their keys are equal; {@code agencies.csv} and stated renames (see {@link AgencyRenames}) may change a key,
 * never this normalization.
 *
 * <p>A key is {@code <region code>:<normalized name>} ({@code 350128:平潭综合实验区公安局}): the GB/T 2260 code of the
 * region's deepest level, {@value #NO_REGION} when the region is unknown. The code keeps two 公安局 of different
 * counties apart even where the name leaves its county out; the name keeps the agencies of one county apart.
 */
public final class AgencyIdentity {
    private AgencyIdentity() {
    }

    /** The region part of a key whose region is not known. */
    public static final String NO_REGION = "000000";

    private static final Pattern SPACES_AND_QUOTES = Pattern.compile("[\\s\\p{Z}\"'“”‘’「」『』《》]+");
    /**
     * The general office of a government written several ways: 人民政府办公室 (counties, cities), 人民政府办公厅 (provinces),
     * 政府办公室 / 政府办 without 人民. All are the one office: 人民政府办公室.
     */
    private static final Pattern GOVERNMENT_OFFICE = Pattern.compile("(人民)?政府(办公室|办公厅|办)$");
    /** 县政府 at the end is the 县人民政府 (the government itself, not one of its departments). */
    private static final Pattern GOVERNMENT = Pattern.compile("(?<!人民)政府$");
    /** Wording some titles leave after the agency's name (…局政府信息公开 …局信息公开工作): not part of the name. */
    private static final List<String> TRAILING_WORDS = List.of("政府信息公开工作", "政府信息公开", "信息公开工作",
            "信息公开", "政务公开工作", "政务公开");
    private static final List<String> LEADING_PARTY = List.of("中国共产党");

    /**
     * The agency's name as the key holds it: full-width forms folded (NFKC), whitespace and quotation marks removed,
     * trailing 信息公开 wording cut, the government's general office and 中国共产党 written one way. Null for a null or
     * blank name.
     */
    public static String normalizeName(String agency) {
        if (agency == null) {
            return null;
        }
        String name = java.text.Normalizer.normalize(agency, Form.NFKC);
        name = SPACES_AND_QUOTES.matcher(name).replaceAll("");
        boolean cut = true;
        while (cut) {
            cut = false;
            for (String trailing : TRAILING_WORDS) {
                if (name.endsWith(trailing) && name.length() > trailing.length() + 1) {
                    name = name.substring(0, name.length() - trailing.length());
                    cut = true;
                }
            }
        }
        for (String party : LEADING_PARTY) {
            if (name.startsWith(party)) {
                name = "中共" + name.substring(party.length());
            }
        }
        name = GOVERNMENT_OFFICE.matcher(name).replaceFirst("人民政府办公室");
        name = GOVERNMENT.matcher(name).replaceFirst("人民政府");
        return name.isEmpty() ? null : name;
    }

    /** The key of an agency name in a region ({@code 350128:平潭综合实验区公安局}), or null without a name. */
    public static String keyOf(Region region, String agency) {
        String name = normalizeName(agency);
        if (name == null) {
            return null;
        }
        String code = RegionResolver.get().codeOf(region);
        return (code == null ? NO_REGION : code) + ":" + name;
    }

    /** The region code of a key ({@code 350128}), or null when it is not a key. */
    public static String regionCodeOf(String key) {
        int colon = key == null ? -1 : key.indexOf(':');
        return colon <= 0 ? null : key.substring(0, colon);
    }
}
