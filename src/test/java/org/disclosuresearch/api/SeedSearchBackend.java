package org.disclosuresearch.api;

import com.fasterxml.jackson.core.type.TypeReference;
import org.disclosuresearch.parse.Normalizer;
import org.disclosuresearch.report.Json;
import org.disclosuresearch.report.Region;
import org.disclosuresearch.report.Report;
import org.disclosuresearch.report.SourceInfo;
import org.disclosuresearch.search.InvalidRequestException;
import org.disclosuresearch.search.RangeFilter;
import org.disclosuresearch.search.SearchBackend;
import org.disclosuresearch.search.SearchRequest;
import org.disclosuresearch.search.SearchResult;
import org.disclosuresearch.search.StatsRequest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small in-memory backend over the hand-checked seed reports, used while the Lucene backend is being written:
 * substring matching, exact facets with drill-sideways counts, ranges, sort, offset cursors and stats.
 */
final class SeedSearchBackend implements SearchBackend {
    private final List<Report> reports = new ArrayList<>();

    SeedSearchBackend(Path docsRoot) throws IOException {
        try (InputStream in = SeedSearchBackend.class.getResourceAsStream("/seeds/seeds-expected.json")) {
            List<Map<String, Object>> raw = Json.mapper().readValue(in, new TypeReference<>() { });
            for (Map<String, Object> m : raw) {
                Report r = Json.mapper().convertValue(m, Report.class);
                String id = r.file().replaceFirst("\\.[^.]+$", "");
                Path file = docsRoot.resolve(r.file());
                String text = Normalizer.normalize(Files.readString(file, StandardCharsets.UTF_8));
                reports.add(new Report(id, r.file(), r.agency(), r.year(), r.published(), r.template(), r.region(),
                        r.agencyType(), r.figures(), r.failedChecks(), r.note(),
                        new SourceInfo(r.file(), "txt", Files.size(file), "", "https://example.gov.cn/" + id, null),
                        text));
            }
        }
    }

    @Override
    public SearchResult search(SearchRequest request) {
        List<String> terms = terms(request.query());
        List<Report> matching = matching(request, terms, null);
        int offset = request.cursor() == null ? 0 : Integer.parseInt(request.cursor());
        List<SearchResult.Hit> hits = matching.stream().skip(offset).limit(request.size())
                .map(r -> new SearchResult.Hit(r.id(), r.agency(), r.year(), r.region(), r.agencyType(), r.template(),
                        1f, snippets(r.text(), terms), r.figures(), r.failedChecks()))
                .toList();
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : List.of("agencyType", "year", "template", "checks", "format")) {
            facets.put(dim, counts(matching(request, terms, dim), r -> values(r, dim)));
        }
        facets.put("region", regionTree(matching(request, terms, "region")));
        List<SearchResult.Stats> stats = new ArrayList<>();
        for (StatsRequest s : request.stats()) {
            Map<String, List<Report>> groups = new TreeMap<>();
            if (s.by() != null) {
                for (Report r : matching) {
                    for (String v : values(r, s.by())) {
                        groups.computeIfAbsent(v, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            stats.add(new SearchResult.Stats(s.field(), s.by(), summary(matching, s.field()),
                    groups.entrySet().stream().map(e -> new SearchResult.Bucket(e.getKey(),
                            summary(e.getValue(), s.field()))).toList()));
        }
        String next = offset + request.size() < matching.size() ? Integer.toString(offset + request.size()) : null;
        return new SearchResult(matching.size(), hits, facets, stats, next);
    }

    private List<Report> matching(SearchRequest request, List<String> terms, String exceptDim) {
        List<Report> out = new ArrayList<>();
        for (Report r : reports) {
            String flat = r.text().replaceAll("\\s+", "");
            if (!terms.stream().allMatch(flat::contains)) {
                continue;
            }
            boolean ok = true;
            for (var e : request.facets().entrySet()) {
                String dim = e.getKey();
                boolean skip = dim.equals(exceptDim) || exceptDim != null && exceptDim.equals("region")
                        && List.of("province", "city", "county").contains(dim);
                if (!skip && e.getValue().stream().noneMatch(values(r, dim)::contains)) {
                    ok = false;
                }
            }
            for (RangeFilter f : request.ranges()) {
                Number n = f.field().equals("year") ? r.year() : r.figures().get(f.field());
                if (n == null || f.min() != null && n.doubleValue() < f.min()
                        || f.max() != null && n.doubleValue() > f.max()) {
                    ok = false;
                }
            }
            if (ok) {
                out.add(r);
            }
        }
        String field = request.sort().field();
        if (!field.equals("relevance")) {
            Comparator<Report> c = Comparator.comparingDouble(r -> {
                Number n = field.equals("year") ? r.year() : r.figures().get(field);
                return n == null ? Double.NEGATIVE_INFINITY : n.doubleValue();
            });
            out.sort(request.sort().descending() ? c.reversed() : c);
        }
        return out;
    }

    private static List<String> terms(String query) {
        if (query.chars().filter(c -> c == '"').count() % 2 == 1) {
            throw new InvalidRequestException("q", "unbalanced quote in query");
        }
        return List.of(query.replace("\"", " ").strip().split("\\s+")).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> values(Report r, String dim) {
        return switch (dim) {
            case "agencyType" -> r.agencyType() == null ? List.of() : List.of(r.agencyType());
            case "year" -> r.year() == null ? List.of() : List.of(r.year().toString());
            case "template" -> r.template() == null ? List.of() : List.of(r.template());
            case "checks" -> List.of(r.failedChecks().isEmpty() ? "no" : "yes");
            case "format" -> List.of(r.source().format());
            case "province" -> r.region().province() == null ? List.of() : List.of(r.region().province());
            case "city" -> r.region().city() == null ? List.of() : List.of(r.region().city());
            case "county" -> r.region().county() == null ? List.of() : List.of(r.region().county());
            default -> List.of();
        };
    }

    private static List<SearchResult.FacetValue> counts(List<Report> rs, Function<Report, List<String>> f) {
        Map<String, Long> m = new TreeMap<>();
        rs.forEach(r -> f.apply(r).forEach(v -> m.merge(v, 1L, Long::sum)));
        return m.entrySet().stream().map(e -> new SearchResult.FacetValue(e.getKey(), e.getValue(), List.of()))
                .sorted(Comparator.comparingLong(SearchResult.FacetValue::count).reversed()).toList();
    }

    private static List<SearchResult.FacetValue> regionTree(List<Report> rs) {
        Map<String, List<Report>> byProvince = new TreeMap<>();
        rs.stream().filter(r -> r.region().province() != null)
                .forEach(r -> byProvince.computeIfAbsent(r.region().province(), k -> new ArrayList<>()).add(r));
        return byProvince.entrySet().stream().map(p -> {
            Map<String, List<Report>> byCity = new TreeMap<>();
            p.getValue().stream().filter(r -> r.region().city() != null)
                    .forEach(r -> byCity.computeIfAbsent(r.region().city(), k -> new ArrayList<>()).add(r));
            List<SearchResult.FacetValue> cities = byCity.entrySet().stream().map(c -> new SearchResult.FacetValue(
                    c.getKey(), c.getValue().size(), counts(c.getValue(), r -> values(r, "county")))).toList();
            return new SearchResult.FacetValue(p.getKey(), p.getValue().size(), cities);
        }).toList();
    }

    private static SearchResult.Summary summary(List<Report> rs, String field) {
        List<Double> v = rs.stream().map(r -> r.figures().get(field)).filter(n -> n != null)
                .map(Number::doubleValue).toList();
        double sum = v.stream().mapToDouble(d -> d).sum();
        return new SearchResult.Summary(v.size(), sum, v.stream().min(Double::compare).orElse(null),
                v.stream().max(Double::compare).orElse(null), v.isEmpty() ? null : sum / v.size());
    }

    private static List<String> snippets(String text, List<String> terms) {
        if (terms.isEmpty()) {
            return List.of(escape(text.substring(0, Math.min(80, text.length()))));
        }
        int at = text.indexOf(terms.get(0));
        if (at < 0) {
            return List.of();
        }
        int from = Math.max(0, at - 30);
        int to = Math.min(text.length(), at + terms.get(0).length() + 30);
        return List.of(escape(text.substring(from, at)) + "<mark>" + escape(terms.get(0)) + "</mark>"
                + escape(text.substring(at + terms.get(0).length(), to)));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public Optional<Report> report(String id) {
        return reports.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public void export(SearchRequest request, Consumer<Report> sink) {
        matching(request, terms(request.query()), null).forEach(sink);
    }

    @Override
    public long size() {
        return reports.size();
    }

    @Override
    public void close() {
    }
}
